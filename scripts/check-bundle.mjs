#!/usr/bin/env node
// The first-load budget: the JavaScript the home page loads before anything lazy (the entry script and
// the chunks index.html preloads), gzip-compressed, must stay ≤ 200 kB. Monaco, the layout engine and the
// playground load only when needed. Reads the production build in dist/ (run `npm run build` first).
import { readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const BUDGET = 200_000
const dist = new URL('../dist/', import.meta.url).pathname
const indexPath = join(dist, 'index.html')
if (!existsSync(indexPath)) {
  console.error('check-bundle: dist/index.html not found; run `npm run build` first.')
  process.exit(1)
}
const html = readFileSync(indexPath, 'utf8')
const urls = new Set()
for (const [, src] of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) urls.add(src)
for (const [, href] of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g))
  urls.add(href)
if (urls.size === 0) {
  console.error('check-bundle: found no module script in dist/index.html')
  process.exit(1)
}
let total = 0
const rows = []
for (const url of urls) {
  const bytes = readFileSync(join(dist, url.replace(/^\//, '')))
  const gz = gzipSync(bytes, { level: 9 }).length
  total += gz
  rows.push(
    `  ${url}  ${(bytes.length / 1000).toFixed(1)} kB raw, ${(gz / 1000).toFixed(1)} kB gzip`,
  )
}
console.log(`First-load JavaScript of the home page:\n${rows.join('\n')}`)
const verdict = total <= BUDGET ? 'within' : 'OVER'
console.log(
  `  total ${(total / 1000).toFixed(1)} kB gzip: ${verdict} the ${BUDGET / 1000} kB budget`,
)
if (total > BUDGET) process.exit(1)
