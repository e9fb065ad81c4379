// The site may be served under a sub-path (GitHub Pages serves a project at /<repo>/): Vite's `base`,
// set at build time with BASE_PATH, reaches the app as import.meta.env.BASE_URL ('/' or '/fanout/').
// Routes and links speak in app paths ('/play/intents'); these two functions are the only crossing
// between app paths and the browser's addresses.

/** `base` as '/', or '/x/y/' with one leading and one trailing slash. */
export function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '')
  return trimmed === '' ? '/' : `/${trimmed}/`
}

const BASE = normaliseBase(import.meta.env.BASE_URL)

/** The href of an app path under `base`: '/play' → '/fanout/play'. */
export function hrefOf(appPath: string, base = BASE): string {
  return normaliseBase(base) + appPath.replace(/^\/+/, '')
}

/**
 * The app path of a location's pathname: '/fanout/play' → '/play', and the base itself ('/fanout' or
 * '/fanout/') → '/'. A pathname outside the base maps to null, which routes to "not found".
 */
export function appPathOf(pathname: string, base = BASE): string | null {
  const b = normaliseBase(base)
  if (b === '/') return pathname.startsWith('/') ? pathname : `/${pathname}`
  if (pathname === b.slice(0, -1)) return '/'
  return pathname.startsWith(b) ? pathname.slice(b.length - 1) : null
}
