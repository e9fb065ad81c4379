import { useSyncExternalStore } from 'react'

/** Keep in step with the tablet breakpoint in PlaygroundLayout.css. */
const QUERY = '(max-width: 1080px)'
function subscribe(listener: () => void) {
  const media = window.matchMedia(QUERY)
  media.addEventListener('change', listener)
  return () => media.removeEventListener('change', listener)
}
const get = () => window.matchMedia(QUERY).matches

/**
 * True on tablets and phones, where the left column is too narrow to write code in (280 px is about
 * 30 columns): the code panel then takes a full-width row under the graph instead.
 */
export function useCodeBelow(): boolean {
  return useSyncExternalStore(subscribe, get, () => false)
}
