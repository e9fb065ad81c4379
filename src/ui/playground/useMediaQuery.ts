import { useSyncExternalStore } from 'react'

/** The playground shows one pane at a time below this width (one breakpoint, also in the CSS). */
export const NARROW_QUERY = '(max-width: 1099px)'
/** Phones: the header keeps one row, so the scenario picker moves into the Graph pane. */
export const PHONE_QUERY = '(max-width: 760px)'

/** Whether a media query matches now; re-renders when that changes. False where there is no window. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (listener) => {
      const media = window.matchMedia(query)
      media.addEventListener('change', listener)
      return () => media.removeEventListener('change', listener)
    },
    () => window.matchMedia(query).matches,
    () => false,
  )
}
