import { lazy, type ComponentType, type LazyExoticComponent } from 'react'
import type { MDXComponents } from 'mdx/types'
import { DOC_PAGES, type DocPageInfo } from './pageList.ts'

type MdxPage = ComponentType<{ components?: MDXComponents }>

// Each page's MDX is its own chunk: a docs page loads its own prose and nothing of the others.
const loaders = import.meta.glob<{ default: MdxPage }>('./content/**/*.mdx')

function loaderOf(page: DocPageInfo) {
  const load = loaders[`./content/${page.file}.mdx`]
  if (!load) throw new Error(`docs: content/${page.file}.mdx is missing for ${page.path}`)
  return load
}

const contents = new Map<string, LazyExoticComponent<MdxPage>>(
  DOC_PAGES.map((page) => [page.path, lazy(loaderOf(page))]),
)

/** The lazily loaded MDX component of a page. */
export function contentOf(page: DocPageInfo): LazyExoticComponent<MdxPage> {
  const content = contents.get(page.path)
  if (!content) throw new Error(`docs: no content for ${page.path}`)
  return content
}

/** Starts loading a page's chunk early (a hovered or focused sidebar link). */
export function prefetch(page: DocPageInfo): void {
  void loaderOf(page)().catch(() => undefined)
}

/** The pages before and after `page` in reading order. */
export function neighbours(page: DocPageInfo): { previous?: DocPageInfo; next?: DocPageInfo } {
  const i = DOC_PAGES.indexOf(page)
  const previous = DOC_PAGES[i - 1]
  const next = DOC_PAGES[i + 1]
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) }
}

/** Sidebar sections in order, each with its pages. */
export function sections(): { title: string; pages: DocPageInfo[] }[] {
  const out: { title: string; pages: DocPageInfo[] }[] = []
  for (const page of DOC_PAGES) {
    const last = out.at(-1)
    if (last && last.title === page.section) last.pages.push(page)
    else out.push({ title: page.section, pages: [page] })
  }
  return out
}
