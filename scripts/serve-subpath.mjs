#!/usr/bin/env node
// The site under a sub-path, for the e2e tests of the base path (playwright.config.ts starts it):
// builds with base /fanout/ into dist-subpath/, then serves that build twice —
//   SUBPATH_PORT:       `vite preview`, whose SPA fallback answers every path with index.html;
//   SUBPATH_PAGES_PORT: a plain static server that behaves like GitHub Pages: files as they are, and
//                       404.html (status 404) for anything missing, so only the build's fallback copy
//                       can make a reload on a deep link work.
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import { build, preview } from 'vite'

const BASE = '/fanout/'
const outDir = 'dist-subpath'
const root = new URL('../', import.meta.url).pathname
const dir = join(root, outDir)
const port = Number(process.env.SUBPATH_PORT ?? 5173)
const pagesPort = Number(process.env.SUBPATH_PAGES_PORT ?? 6173)
const host = '127.0.0.1'

// Built as the GitHub Pages workflow builds, with a source repository, so the docs show their source
// links here (the root build has none, and shows none).
process.env.SOURCE_URL ??= 'https://github.com/example/fanout/tree/main'
await build({ root, base: BASE, logLevel: 'warn', build: { outDir, emptyOutDir: true } })

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

async function send(res, status, file) {
  const body = await readFile(file)
  res.writeHead(status, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
  res.end(body)
}

createServer(async (req, res) => {
  const { pathname } = new URL(req.url ?? '/', `http://${host}`)
  const inside = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : null
  const candidates =
    inside === null
      ? []
      : [join(dir, normalize(inside)), join(dir, normalize(inside), 'index.html')]
  for (const file of candidates) {
    if (!file.startsWith(dir)) break
    try {
      return await send(res, 200, file)
    } catch {
      // not this one
    }
  }
  return send(res, 404, join(dir, '404.html')).catch(() => {
    res.writeHead(404)
    res.end('404.html is missing from the build')
  })
}).listen(pagesPort, host)

await preview({
  root,
  base: BASE,
  build: { outDir },
  preview: { port, strictPort: true, host },
  logLevel: 'warn',
})
console.log(`dist-subpath: vite preview on ${port}, GitHub Pages-like server on ${pagesPort}`)
