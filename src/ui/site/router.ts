import { useSyncExternalStore, type MouseEvent } from 'react'
import { appPathOf, hrefOf } from './paths.ts'

// A tiny history-API router over app paths ('/play/intents'), whatever sub-path the site is served under
// (paths.ts). `vite preview` serves index.html for every path, and the build writes a 404.html copy of it
// for static hosts such as GitHub Pages, so a reload on a deep link works on both.
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
const getPath = () => appPathOf(window.location.pathname)

/** The current app path (null: an address outside the site's base); re-renders on navigation. */
export function usePath(): string | null {
  return useSyncExternalStore(subscribe, getPath, () => '/')
}

/** The current app path, read once (null outside the site's base). */
export function currentPath(): string | null {
  return getPath()
}

/** Goes to the app path `path` (which may end in `#anchor`), keeping the query (e.g. `?e2e=1`). */
export function navigate(path: string, { replace = false } = {}): void {
  const at = path.indexOf('#')
  const [pathname, hash] = at < 0 ? [path, ''] : [path.slice(0, at), path.slice(at)]
  const url = hrefOf(pathname) + window.location.search + hash
  if (replace) window.history.replaceState(null, '', url)
  else window.history.pushState(null, '', url)
  notify()
  // A link to an anchor leaves the scrolling to the page that shows it (it may still be loading).
  if (!replace && !hash) window.scrollTo(0, 0)
}

/**
 * Whether a click on a link asks the browser for something of its own: another button, or a modifier
 * (a new tab or window, a download). Such a click is left to the browser, never navigated in-app.
 */
export function isModifiedClick(
  event: Pick<MouseEvent, 'button' | 'metaKey' | 'ctrlKey' | 'shiftKey' | 'altKey'>,
): boolean {
  return event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey
}

/** An onClick for `<a href>` that navigates in-app, leaving modified clicks to the browser. */
export function onLinkClick(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.defaultPrevented || isModifiedClick(event)) return
  const path = appPathOf(new URL(event.currentTarget.href).pathname)
  if (path === null) return // outside the site: an ordinary page load
  event.preventDefault()
  navigate(path)
}

/** Matches `/play` and `/play/<id>` (and `/playground…`, the address people guess). */
export function matchPlay(path: string | null): { scenarioId: string | null } | null {
  if (path === null) return null
  const m = /^\/play(?:ground)?(?:\/([a-z0-9-]+))?\/?$/.exec(path)
  return m ? { scenarioId: m[1] ?? null } : null
}
