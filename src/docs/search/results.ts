import type { SearchDoc } from './options.ts'

/** One piece of an excerpt: plain text, or a word the query matched. */
export interface ExcerptPart {
  readonly text: string
  readonly hit: boolean
}

/** A search result as the dialog shows it: where it goes, its page and section, an excerpt. */
export interface Hit {
  readonly path: string
  readonly page: string
  readonly section: string
  readonly excerpt: readonly ExcerptPart[]
}

/** What MiniSearch answers for a document: its stored fields and the index terms that matched. */
export interface Match extends Pick<SearchDoc, 'path' | 'page' | 'section' | 'text'> {
  readonly terms: readonly string[]
}

const API_PAGE = 'API reference'

/**
 * The excerpt of `text` around the first word that starts with one of `terms` (case-insensitive), about
 * `size` characters long, cut at word boundaries, with every such word marked.
 */
export function excerpt(text: string, terms: readonly string[], size = 150): ExcerptPart[] {
  const wanted = terms.map((t) => t.toLowerCase()).filter(Boolean)
  const words = [...text.matchAll(/[\p{L}\p{N}_]+/gu)]
  const isHit = (w: string) => wanted.some((t) => w.toLowerCase().startsWith(t))
  const first = words.find((w) => isHit(w[0]))
  const centre = first?.index ?? 0
  let start = Math.max(0, centre - Math.floor(size / 3))
  let end = Math.min(text.length, start + size)
  if (start > 0) start = text.indexOf(' ', start) + 1 || start
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end
  const parts: ExcerptPart[] = []
  const push = (t: string, hit: boolean) => {
    const last = parts.at(-1)
    if (last && last.hit === hit) parts[parts.length - 1] = { text: last.text + t, hit }
    else if (t) parts.push({ text: t, hit })
  }
  if (start > 0) push('… ', false)
  let at = start
  for (const w of words) {
    const from = w.index ?? 0
    if (from < start || from + w[0].length > end) continue
    if (!isHit(w[0])) continue
    push(text.slice(at, from), false)
    push(w[0], true)
    at = from + w[0].length
  }
  push(text.slice(at, end), false)
  if (end < text.length) push(' …', false)
  return parts
}

/**
 * The dialog's results from MiniSearch's matches, best first: one row per docs page (its best-matching
 * section, so a page never appears twice), and each API entry on its own row; at most `limit`.
 */
export function toHits(matches: readonly Match[], query: string, limit = 8): Hit[] {
  const queryWords = query.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []
  const seen = new Set<string>()
  const hits: Hit[] = []
  for (const m of matches) {
    const key = m.page === API_PAGE ? m.path : m.page
    if (seen.has(key)) continue
    seen.add(key)
    hits.push({
      path: m.path,
      page: m.page,
      section: m.section,
      excerpt: excerpt(m.text, [...new Set([...queryWords, ...m.terms])]),
    })
    if (hits.length === limit) break
  }
  return hits
}
