import MiniSearch from 'minisearch'
import serialised from 'virtual:fanout-search'
import { INDEX_OPTIONS, SEARCH_OPTIONS, type SearchDoc } from './options.ts'
import { toHits, type Hit, type Match } from './results.ts'

export type { Hit } from './results.ts'

const index = MiniSearch.loadJSON<SearchDoc>(serialised, INDEX_OPTIONS)

/** The best matches for `query` (at most `limit`), each a page or a section of one, with an excerpt. */
export function search(query: string, limit = 8): Hit[] {
  if (!query.trim()) return []
  const matches: Match[] = index.search(query, SEARCH_OPTIONS).map((r) => ({
    path: String(r['path']),
    page: String(r['page']),
    section: String(r['section'] ?? ''),
    text: String(r['text'] ?? ''),
    terms: r.terms,
  }))
  return toHits(matches, query, limit)
}
