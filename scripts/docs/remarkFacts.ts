// Build-time pass over every MDX page's Markdown tree (mdast): `<Fact of="…" />` becomes the fact's
// text and `<FactTable of="…" />` a table, computed from the engine and the scenarios
// (src/docs/facts/). A page then cannot state a shard count, a skip reason or a refusal code that the
// engine does not have; an unknown fact fails the build.
import type { PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast'
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx'
import { inlineFact, tableFact } from '../../src/docs/facts/facts.ts'

type Jsx = MdxJsxFlowElement | MdxJsxTextElement

function attribute(el: Jsx, name: string): string {
  const attr = el.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)
  if (!attr || typeof attr.value !== 'string') {
    throw new Error(`docs: <${el.name}> needs ${name}="…" (a string)`)
  }
  return attr.value
}

// `code`, **strong**, _em_, [text](href): all the Markdown a fact's text uses.
const INLINE = /`([^`]+)`|\*\*([^*]+)\*\*|_([^_]+)_|\[([^\]]+)\]\(([^)\s]+)\)/g

/** A fact's text as Markdown phrasing nodes. */
export function phrasing(text: string): PhrasingContent[] {
  const out: PhrasingContent[] = []
  let at = 0
  for (const m of text.matchAll(INLINE)) {
    if (m.index > at) out.push({ type: 'text', value: text.slice(at, m.index) })
    const [, code, strong, em, linkText, href] = m
    if (code !== undefined) out.push({ type: 'inlineCode', value: code })
    else if (strong !== undefined) out.push({ type: 'strong', children: phrasing(strong) })
    else if (em !== undefined) out.push({ type: 'emphasis', children: phrasing(em) })
    else out.push({ type: 'link', url: href ?? '', children: phrasing(linkText ?? '') })
    at = m.index + m[0].length
  }
  if (at < text.length) out.push({ type: 'text', value: text.slice(at) })
  return out
}

function row(cells: readonly string[]): TableRow {
  return {
    type: 'tableRow',
    children: cells.map((c) => ({ type: 'tableCell', children: phrasing(c) })),
  }
}

function table(name: string): Table {
  const t = tableFact(name)
  return {
    type: 'table',
    align: t.header.map(() => null),
    children: [row(t.header), ...t.rows.map(row)],
    // The class says where the table came from (and lets a wide one be drawn compactly).
    data: { hProperties: { className: ['fact-table', `fact-table--${name}`] } },
  }
}

function replaceIn(node: { children?: RootContent[] }): void {
  if (!node.children) return
  node.children = node.children.flatMap((child): RootContent[] => {
    if (child.type === 'mdxJsxTextElement' && child.name === 'Fact') {
      return phrasing(inlineFact(attribute(child, 'of')))
    }
    if (child.type === 'mdxJsxFlowElement' && child.name === 'FactTable') {
      return [table(attribute(child, 'of'))]
    }
    if (child.type === 'mdxJsxFlowElement' && child.name === 'Fact') {
      return [{ type: 'paragraph', children: phrasing(inlineFact(attribute(child, 'of'))) }]
    }
    replaceIn(child as { children?: RootContent[] })
    return [child]
  })
}

/** The remark plugin (also applied by the search index and the docs checks to the same trees). */
export function remarkFacts() {
  return (tree: Root) => replaceIn(tree)
}
