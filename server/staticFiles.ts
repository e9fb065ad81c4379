import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { requestTarget } from './requestTarget.ts'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
}

/** Whether `dir` holds a built site (`npm run build` writes `dist/index.html`). */
export function isBuilt(dir: string): boolean {
  return existsSync(join(dir, 'index.html'))
}

/**
 * Serves the built site from `dir`, as a static host would: a file by its path, and for any other
 * path the site's own fallback (`404.html`, a copy of `index.html` that routes on the client), so
 * `/play/live` opens the app. Paths cannot leave `dir`. The site's Content-Security-Policy travels in
 * its HTML (`scripts/csp.ts`), so serving it from here keeps it.
 */
export function serveStatic(dir: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end()
    return
  }
  if (!isBuilt(dir)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('The site is not built. Run `npm run build`, then start `npm run gateway` again.\n')
    return
  }
  let path: string
  try {
    path = decodeURIComponent(requestTarget(req.url)?.pathname ?? '')
  } catch {
    path = ''
  }
  if (path === '') {
    res.writeHead(400).end()
    return
  }
  const root = normalize(dir + sep)
  let file = normalize(join(root, path))
  if (!file.startsWith(root)) {
    res.writeHead(403).end()
    return
  }
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html')
  let status = 200
  if (!existsSync(file) || !statSync(file).isFile()) {
    // Asset paths that do not exist are 404s; page paths get the app, which shows the route.
    if (extname(path) !== '' && extname(path) !== '.html') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n')
      return
    }
    file = existsSync(join(root, '404.html')) ? join(root, '404.html') : join(root, 'index.html')
    status = extname(path) === '' ? 200 : 404
  }
  res.writeHead(status, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
  })
  if (req.method === 'HEAD') res.end()
  else if (extname(file) === '.html') res.end(withLiveMarker(readFileSync(file, 'utf8')))
  else createReadStream(file).pipe(res)
}

/** The page's sign that a local gateway served it, and where its live stream is (`/play/live`). */
export const LIVE_MARKER = '<meta name="fanout-live" content="/live" />'

/**
 * Marks a page as served by the local gateway, right after its charset: `/play/live` reads it rather
 * than probing the network, so on a static host it finds no gateway without a failed request.
 */
export function withLiveMarker(html: string): string {
  return html.replace(/(<meta charset="[^"]*"\s*\/?>)/i, `$1\n    ${LIVE_MARKER}`)
}
