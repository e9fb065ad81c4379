// The search index, built at build time: every docs page's MDX is parsed (not run), split into sections
// at its h2/h3 headings, and indexed with MiniSearch together with every API entry. The page loads the
// serialised index (`virtual:fanout-search`) only when the reader opens search.
import { createProcessor } from '@mdx-js/mdx'
import type { Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import MiniSearch from 'minisearch'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import remarkGfm from 'remark-gfm'
import type { Plugin } from 'vite'
import { DOC_PAGES } from '../../src/docs/pageList.ts'
import { INDEX_OPTIONS, type SearchDoc } from '../../src/docs/search/options.ts'
import { createSlugger } from '../../src/docs/slug.ts'
import { readEngineApi } from './apiReference.ts'
import { remarkFacts } from './remarkFacts.ts'

const VIRTUAL = 'virtual:fanout-search'

/** The site's other pages, so a search for "playground" or "benchmark" finds them too. */
const SITE_PAGES: SearchDoc[] = [
  {
    id: '/play',
    path: '/play',
    title: 'Playground',
    page: 'Playground',
    section: '',
    text: 'The subscription graph, every dispatch animated, skipped sessions with reasons, event log, inspector, timeline, step back, fault injection, scenarios.',
  },
  {
    id: '/performance',
    path: '/performance',
    title: 'Performance',
    page: 'Performance',
    section: '',
    text: 'Benchmark results: the engine against a plain loop, node:events, eventemitter3 and tseep; nanoseconds per recipient; memory per subscription.',
  },
  {
    id: '/bench',
    path: '/bench',
    title: 'Bench',
    page: 'Bench',
    section: '',
    text: 'Run the benchmark suite in a Web Worker of your browser.',
  },
]

// Blocks whose children a reader sees apart: their texts are joined with a space, never run together
// (a table's cells, a list's items).
const SPACED = new Set(['table', 'tableRow', 'tableCell', 'list', 'listItem', 'root'])

/** Text a reader sees: everything but ESM imports; JSX elements contribute their children's text. */
function visibleText(node: RootContent | Root): string {
  if (node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression') return ''
  if (!('children' in node) || !SPACED.has(node.type))
    return toString(node, { includeImageAlt: false })
  return (node.children as RootContent[]).map(visibleText).filter(Boolean).join(' ')
}

/** The number of a `<Bug n="…" />` element, or undefined for any other node. */
function bugNumber(node: RootContent): string | undefined {
  if (node.type !== 'mdxJsxTextElement' || node.name !== 'Bug') return undefined
  const n = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'n')
  return typeof n?.value === 'string' ? n.value : undefined
}

/**
 * A document per numbered litecord bug (`<Bug n="8" />` starts its paragraph), so "bug 8" finds its
 * explanation: `Bug 8: <its bold title, or its first words>`.
 */
function bugDocs(
  path: string,
  title: string,
  node: RootContent,
  names: ReadonlyMap<string, string>,
): SearchDoc[] {
  if (node.type === 'paragraph') {
    const n = node.children.map(bugNumber).find((x) => x !== undefined)
    if (n === undefined) return []
    const text = toString(node)
    const strong = node.children.find((c) => c.type === 'strong')
    const name = names.get(n) ?? (strong ? toString(strong) : text.split(/(?<=[.:;])\s/)[0])
    return [
      {
        id: `${path}#bug-${n}`,
        path: `${path}#bug-${n}`,
        title: '',
        page: title,
        section: `Bug ${n}: ${(name ?? '').replace(/[.:;]$/, '')}`,
        text,
      },
    ]
  }
  return 'children' in node
    ? (node.children as RootContent[]).flatMap((c) => bugDocs(path, title, c, names))
    : []
}

/** One document for the page itself and one per h2/h3 section, with the anchors the pages render. */
export function pageDocs(path: string, title: string, summary: string, mdx: string): SearchDoc[] {
  const tree = createProcessor({ remarkPlugins: [remarkGfm] }).parse(mdx) as Root
  remarkFacts()(tree)
  const slug = createSlugger()
  const docs: SearchDoc[] = [{ id: path, path, title, page: title, section: '', text: summary }]
  let current = docs[0] as SearchDoc
  const bugs: SearchDoc[] = []
  // A bug's name is its entry in the page's list by number: `[Dead sharding](#bug-1)`.
  const names = new Map<string, string>()
  const collect = (node: Root | RootContent): void => {
    if (node.type === 'link' && /^#bug-\d+$/.test(node.url))
      names.set(node.url.slice(5), toString(node))
    if ('children' in node) (node.children as RootContent[]).forEach(collect)
  }
  collect(tree)
  for (const node of tree.children) {
    bugs.push(...bugDocs(path, title, node, names))
    if (node.type === 'heading' && (node.depth === 2 || node.depth === 3)) {
      const section = toString(node)
      const anchor = slug(section)
      current = {
        id: `${path}#${anchor}`,
        path: `${path}#${anchor}`,
        title: '',
        page: title,
        section,
        text: '',
      }
      docs.push(current)
      continue
    }
    const text = visibleText(node)
    if (text) current = { ...current, text: `${current.text} ${text}`.trim() }
    docs[docs.length - 1] = current
  }
  return [...docs, ...bugs]
}

/** Every document of the site: docs pages, their sections, the API entries, the other pages. */
export async function searchDocs(root: string): Promise<SearchDoc[]> {
  const docs = DOC_PAGES.flatMap((p) =>
    pageDocs(
      p.path,
      p.title,
      p.summary,
      readFileSync(join(root, 'src/docs/content', `${p.file}.mdx`), 'utf8'),
    ),
  )
  const api = await readEngineApi(root)
  for (const e of api.entries) {
    const summary = e.summary
      .map((p) => ('text' in p ? p.text : 'code' in p ? p.code : p.link))
      .join('')
    docs.push({
      id: `/docs/api#${e.name}`,
      path: `/docs/api#${e.name}`,
      title: '',
      page: 'API reference',
      section: e.name,
      text: `${e.kind} ${summary} ${e.members.map((m) => m.name).join(' ')}`,
    })
  }
  return [...docs, ...SITE_PAGES]
}

/** The serialised MiniSearch index of every document. */
export async function buildSearchIndex(root: string): Promise<string> {
  const index = new MiniSearch<SearchDoc>(INDEX_OPTIONS)
  index.addAll(await searchDocs(root))
  return JSON.stringify(index)
}

/** The Vite plugin: `import index from 'virtual:fanout-search'` is the index as a JSON string. */
export function docsSearch(): Plugin {
  const resolved = `\0${VIRTUAL}`
  let root = process.cwd()
  return {
    name: 'fanout:docs-search',
    configResolved(config) {
      root = config.root
    },
    resolveId: (id) => (id === VIRTUAL ? resolved : undefined),
    async load(id) {
      if (id !== resolved) return undefined
      for (const p of DOC_PAGES) this.addWatchFile(join(root, 'src/docs/content', `${p.file}.mdx`))
      return `export default ${JSON.stringify(await buildSearchIndex(root))}`
    },
  }
}
