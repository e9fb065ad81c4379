import mdx from '@mdx-js/rollup'
import react from '@vitejs/plugin-react'
import remarkGfm from 'remark-gfm'
import { copyFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { defineConfig, type Plugin } from 'vite'
import { apiReference } from './scripts/docs/apiReference.ts'
import { rehypeDocs } from './scripts/docs/rehypeDocs.ts'
import { remarkFacts } from './scripts/docs/remarkFacts.ts'
import { docsSearch } from './scripts/docs/searchIndex.ts'
import { contentSecurityPolicy } from './scripts/csp.ts'
import { engineTypes } from './scripts/engineTypes.ts'

// BASE_PATH=/fanout/ npm run build: the site served under a sub-path, as GitHub Pages serves a project.
const base = process.env.BASE_PATH ?? '/'
// SOURCE_URL=https://github.com/<owner>/<repo>/tree/<branch>: every docs page links to its source
// ("Edit this page", the repository); the GitHub Pages workflow sets it. Unset: no such links.
const sourceUrl = process.env.SOURCE_URL ?? ''

/**
 * 404.html, a copy of index.html: static hosts such as GitHub Pages answer an unknown path (a deep link,
 * a reload on /fanout/play/intents) with it, and the app routes from the address bar. Asset URLs in
 * index.html are absolute under `base`, so the copy works at any depth.
 */
function notFoundFallback(): Plugin {
  let outDir = 'dist'
  return {
    name: 'fanout:404-fallback',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir)
    },
    closeBundle() {
      const index = join(outDir, 'index.html')
      if (existsSync(index)) copyFileSync(index, join(outDir, '404.html'))
    },
  }
}

export default defineConfig({
  base,
  plugins: [
    // Docs pages are MDX: prose in content files (src/docs/content/), React components embedded;
    // facts about the engine (<Fact />, <FactTable />) are computed from it as the pages are built.
    {
      enforce: 'pre',
      ...mdx({ remarkPlugins: [remarkGfm, remarkFacts], rehypePlugins: [rehypeDocs] }),
    },
    react({ include: /\.(mdx|js|jsx|ts|tsx)$/ }),
    notFoundFallback(),
    // The API reference page's data: TypeDoc over src/engine/index.ts at build time.
    apiReference(),
    // The search index: MiniSearch over every docs page and API entry, built at build time.
    docsSearch(),
    engineTypes(),
    contentSecurityPolicy(),
  ],
  define: { 'import.meta.env.FANOUT_SOURCE_URL': JSON.stringify(sourceUrl) },
  build: {
    chunkSizeWarningLimit: 5000, // Monaco's chunks are over 500 kB by nature
    // dist/.vite/manifest.json: scripts/check-bundle.mjs reads each page's first load from it.
    manifest: true,
  },
  server: { host: '127.0.0.1' },
  preview: { port: 4173, strictPort: true, host: '127.0.0.1' },
})
