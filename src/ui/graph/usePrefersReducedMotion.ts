import { useSyncExternalStore } from 'react'

const QUERY = '(prefers-reduced-motion: reduce)'
function subscribe(listener: () => void) {
  const media = window.matchMedia(QUERY)
  media.addEventListener('change', listener)
  return () => media.removeEventListener('change', listener)
}
const get = () => window.matchMedia(QUERY).matches

/** True when the user asked for less motion: dispatches then highlight in place, with no travel. */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, get, () => false)
}
