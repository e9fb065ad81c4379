import { useSyncExternalStore, type MouseEvent } from 'react'

// A tiny history-API router: `vite preview` serves index.html for every path, so deep links work.
const listeners = new Set<() => void>()
const notify = () => listeners.forEach((l) => l())

function subscribe(listener: () => void) {
  listeners.add(listener)
  window.addEventListener('popstate', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('popstate', listener)
  }
}
const getPath = () => window.location.pathname

/** The current path; re-renders on navigation. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, getPath, () => '/')
}

/** Goes to `path`, keeping the query (e.g. `?e2e=1`). */
export function navigate(path: string, { replace = false } = {}): void {
  const url = path + window.location.search
  if (replace) window.history.replaceState(null, '', url)
  else window.history.pushState(null, '', url)
  notify()
  if (!replace) window.scrollTo(0, 0)
}

/** An onClick for `<a href>` that navigates in-app, leaving modified clicks to the browser. */
export function onLinkClick(event: MouseEvent<HTMLAnchorElement>): void {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  )
    return
  event.preventDefault()
  navigate(new URL(event.currentTarget.href).pathname)
}

/** Matches `/play` and `/play/<id>` (and `/playground…`, the address people guess). */
export function matchPlay(path: string): { scenarioId: string | null } | null {
  const m = /^\/play(?:ground)?(?:\/([a-z0-9-]+))?\/?$/.exec(path)
  return m ? { scenarioId: m[1] ?? null } : null
}
