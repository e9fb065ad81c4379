// The docs pages as the checks read them: each page's MDX parsed to its Markdown tree (with the facts
// the build puts in), and the pieces the checks look at: anchors, links, code blocks and prose.
import { createProcessor } from '@mdx-js/mdx'
import type { Code, Root, RootContent } from 'mdast'
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx'
import { toString } from 'mdast-util-to-string'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import remarkGfm from 'remark-gfm'
import { DOC_PAGES, type DocPageInfo } from '../../src/docs/pageList.ts'
import { createSlugger } from '../../src/docs/slug.ts'
import { remarkFacts } from './remarkFacts.ts'

export interface MdxPage {
  readonly info: DocPageInfo
  readonly tree: Root
}

type Node = Root | RootContent
type Jsx = MdxJsxFlowElement | MdxJsxTextElement

/** A page's Markdown tree, facts in place. `mdx` defaults to the page's file. */
export function parsePage(info: DocPageInfo, mdx?: string, root = process.cwd()): MdxPage {
  const source = mdx ?? readFileSync(join(root, 'src/docs/content', `${info.file}.mdx`), 'utf8')
  const tree = createProcessor({ remarkPlugins: [remarkGfm] }).parse(source) as Root
  remarkFacts()(tree)
  return { info, tree }
}

/** Every docs page, parsed. */
export function loadPages(root = process.cwd()): MdxPage[] {
  return DOC_PAGES.map((info) => parsePage(info, undefined, root))
}

/** Every node of a tree, depth first, with its ancestors. */
export function* walk(node: Node, parents: Node[] = []): Generator<[Node, Node[]]> {
  yield [node, parents]
  if ('children' in node) for (const child of node.children) yield* walk(child, [...parents, node])
}

function isJsx(node: Node): node is Jsx {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement'
}

/** A JSX element's string attribute, if it has one. */
export function jsxAttribute(el: Jsx, name: string): string | undefined {
  const attr = el.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)
  return typeof attr?.value === 'string' ? attr.value : undefined
}

/** The JSX elements named `name`. */
export function jsxElements(tree: Root, name: string): Jsx[] {
  return [...walk(tree)].map(([n]) => n).filter((n): n is Jsx => isJsx(n) && n.name === name)
}

/** The anchor of each `<Bug n="…" />`: `bug-8`. */
export const bugAnchor = (n: string) => `bug-${n}`

/** The ids a page's own content gives its elements: h2/h3 slugs (as the build makes them) and bugs. */
export function anchorsOf(page: MdxPage): Set<string> {
  const slug = createSlugger()
  const ids = new Set<string>()
  for (const [node] of walk(page.tree)) {
    if (node.type === 'heading' && (node.depth === 2 || node.depth === 3))
      ids.add(slug(toString(node)))
    if (isJsx(node) && node.name === 'Bug') ids.add(bugAnchor(jsxAttribute(node, 'n') ?? ''))
  }
  return ids
}

/** Every link of a page: Markdown links and JSX `href` attributes, with the text they carry. */
export function linksOf(page: MdxPage): { href: string; text: string }[] {
  const out: { href: string; text: string }[] = []
  for (const [node] of walk(page.tree)) {
    if (node.type === 'link') out.push({ href: node.url, text: toString(node) })
    if (isJsx(node)) {
      const href = jsxAttribute(node, 'href')
      if (href !== undefined) out.push({ href, text: toString(node) })
    }
  }
  return out
}

/** A fenced code block: its language, its meta (after the language) and its text. */
export interface CodeBlock {
  readonly lang: string
  readonly meta: string
  readonly code: string
  /** 1-based line in the MDX file. */
  readonly line: number
}

export function codeBlocksOf(page: MdxPage): CodeBlock[] {
  return [...walk(page.tree)]
    .map(([n]) => n)
    .filter((n): n is Code => n.type === 'code')
    .map((n) => ({
      lang: n.lang ?? '',
      meta: n.meta ?? '',
      code: n.value,
      line: n.position?.start.line ?? 0,
    }))
}

/**
 * The page's prose, one string per paragraph, list item (without nested lists), table cell, heading
 * or JSX text: what a reader reads, without code blocks. Inline code keeps its backticks, links their
 * target as `[text](href)`, so the checks can tell code and links from words.
 */
export function proseOf(page: MdxPage): string[] {
  const blocks: string[] = []
  const text = (node: Node): string => {
    if (node.type === 'inlineCode') return `\`${node.value}\``
    if (node.type === 'text') return node.value
    if (node.type === 'link') return `[${node.children.map(text).join('')}](${node.url})`
    if (node.type === 'code' || node.type === 'list' || node.type === 'mdxjsEsm') return ''
    if ('children' in node) return (node.children as Node[]).map(text).join('')
    return ''
  }
  for (const [node] of walk(page.tree)) {
    if (['paragraph', 'heading', 'tableCell'].includes(node.type)) blocks.push(text(node))
  }
  return blocks.map((b) => b.replace(/\s+/g, ' ').trim()).filter(Boolean)
}
