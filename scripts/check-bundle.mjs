#!/usr/bin/env node
// First-load budgets, gzip-compressed, on the production build in dist/ (run `npm run build` first):
// - the home page: the entry script and the chunks index.html preloads, ≤ 200 kB;
// - every docs page: those, plus the docs layout and the page's own MDX chunk with everything they import
//   statically (read from Vite's manifest), ≤ 150 kB. Monaco, React Flow, the layout engine and the engine
//   itself load only when an example, a demo or the playground asks for them.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const HOME_BUDGET = 200_000
const DOCS_BUDGET = 150_000
// `node scripts/check-bundle.mjs [outDir]`; a build made with BASE_PATH=/x/ is checked with the same
// BASE_PATH, so the script paths in index.html (/x/assets/…) map back to files in the output folder.
const dist = new URL(`../${process.argv[2] ?? 'dist'}/`, import.meta.url).pathname
const base = process.env.BASE_PATH ?? '/'
/** A URL in index.html as a path in the output folder. */
const fileOf = (url) => (url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, ''))
const indexPath = join(dist, 'index.html')
const manifestPath = join(dist, '.vite/manifest.json')
for (const path of [indexPath, manifestPath]) {
  if (!existsSync(path)) {
    console.error(`check-bundle: ${path} not found; run \`npm run build\` first.`)
    process.exit(1)
  }
}
const sizes = new Map()
/** gzip -9 size of a file in dist/ (by its path from dist/). */
function gz(file) {
  if (!sizes.has(file))
    sizes.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length)
  return sizes.get(file)
}
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`
let failed = false

// The home page: what index.html loads.
const html = readFileSync(indexPath, 'utf8')
const homeFiles = new Set()
for (const [, src] of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g))
  homeFiles.add(fileOf(src))
for (const [, href] of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g))
  homeFiles.add(fileOf(href))
for (const file of homeFiles) {
  if (existsSync(join(dist, file))) continue
  console.error(
    `check-bundle: index.html loads ${file}, which is not in ${dist}; a build made with BASE_PATH is checked with the same BASE_PATH.`,
  )
  process.exit(1)
}
if (homeFiles.size === 0) {
  console.error('check-bundle: found no module script in dist/index.html')
  process.exit(1)
}
let home = 0
console.log('First-load JavaScript of the home page:')
for (const file of homeFiles) {
  const bytes = readFileSync(join(dist, file)).length
  home += gz(file)
  console.log(`  /${file}  ${kB(bytes)} raw, ${kB(gz(file))} gzip`)
}
const verdict = (total, budget) => (total <= budget ? 'within' : 'OVER')
console.log(
  `  total ${kB(home)} gzip: ${verdict(home, HOME_BUDGET)} the ${HOME_BUDGET / 1000} kB budget`,
)
if (home > HOME_BUDGET) failed = true

// Every docs page: the entry, the docs layout, the page's MDX, and their static imports.
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
/** Every JS file a manifest entry loads before it runs: itself and its static imports, recursively. */
function closure(key, into = new Set()) {
  const chunk = manifest[key]
  if (!chunk || into.has(chunk.file)) return into
  into.add(chunk.file)
  for (const imported of chunk.imports ?? []) closure(imported, into)
  return into
}
const entry = Object.keys(manifest).find((k) => manifest[k].isEntry && k.endsWith('index.html'))
const layout = Object.keys(manifest).find((k) => k.endsWith('src/docs/DocsPage.tsx'))
const pages = Object.keys(manifest).filter((k) => /src\/docs\/content\/.+\.mdx$/.test(k))
if (!entry || !layout || pages.length === 0) {
  console.error('check-bundle: the manifest names no entry, docs layout or docs page')
  process.exit(1)
}
console.log(`\nFirst-load JavaScript of each docs page (budget ${DOCS_BUDGET / 1000} kB gzip):`)
let heaviest = 0
for (const page of pages.sort()) {
  const files = closure(page, closure(layout, closure(entry)))
  let total = 0
  for (const file of files) total += gz(file)
  heaviest = Math.max(heaviest, total)
  const name = page.replace(/^.*src\/docs\/content\//, '').replace(/\.mdx$/, '')
  console.log(
    `  /docs/${name === 'overview' ? '' : name}  ${kB(total)} in ${files.size} files: ${verdict(total, DOCS_BUDGET)}`,
  )
  if (total > DOCS_BUDGET) failed = true
}
console.log(`  heaviest ${kB(heaviest)} gzip: ${verdict(heaviest, DOCS_BUDGET)} the budget`)
if (failed) process.exit(1)
