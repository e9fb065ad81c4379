// Build-time pass over every MDX page's HTML tree (hast): gives each h2/h3 an id (the anchors the sidebar,
// the search index and other pages link to) and highlights fenced code, so the browser gets plain spans
// and runs no highlighter.
import type { Element, ElementContent, Root, RootContent } from 'hast'
import { highlight } from '../../src/docs/highlight.ts'
import { createSlugger } from '../../src/docs/slug.ts'

type Parent = Root | Element

/** The text of a hast subtree. */
export function textOf(node: RootContent | Root | ElementContent): string {
  if (node.type === 'text') return node.value
  if ('children' in node) return (node.children as RootContent[]).map(textOf).join('')
  return ''
}

function visitElements(node: Parent, fn: (el: Element) => void): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    fn(child)
    visitElements(child, fn)
  }
}

function highlightCode(code: Element): void {
  const classes = code.properties?.className
  const lang = Array.isArray(classes)
    ? (classes.map(String).find((c) => c.startsWith('language-')) ?? '').slice('language-'.length)
    : ''
  if (!lang) return
  const text = textOf(code)
  code.children = highlight(text, lang).map((t): ElementContent =>
    t.kind === 'plain'
      ? { type: 'text', value: t.text }
      : {
          type: 'element',
          tagName: 'span',
          properties: { className: [`tok-${t.kind}`] },
          children: [{ type: 'text', value: t.text }],
        },
  )
}

/**
 * Inline code this short never wraps (`5 << 22`, `GUILD_MEMBER_REMOVE`); longer inline code may wrap at
 * its spaces, and no inline code ever breaks inside a word (docs.css).
 */
export const NOWRAP_CODE_CHARS = 32

/** The rehype plugin: heading ids (unique per page), highlighted code blocks, unbreakable short code. */
export function rehypeDocs() {
  return (tree: Root) => {
    const slug = createSlugger()
    const inPre = new Set<Element>()
    visitElements(tree, (el) => {
      if (el.tagName === 'pre') {
        for (const c of el.children) if (c.type === 'element') inPre.add(c)
      }
      if (el.tagName === 'code' && !inPre.has(el) && textOf(el).length <= NOWRAP_CODE_CHARS) {
        const classes = Array.isArray(el.properties.className) ? el.properties.className : []
        el.properties.className = [...classes, 'code-nowrap']
      }
      if ((el.tagName === 'h2' || el.tagName === 'h3') && el.properties.id === undefined) {
        el.properties.id = slug(textOf(el))
      }
      if (el.tagName === 'pre') {
        const code = el.children.find(
          (c): c is Element => c.type === 'element' && c.tagName === 'code',
        )
        if (code) highlightCode(code)
      }
    })
  }
}
