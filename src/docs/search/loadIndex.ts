import MiniSearch from 'minisearch'
import serialised from 'virtual:fanout-search'
import { INDEX_OPTIONS, SEARCH_OPTIONS, type SearchDoc } from './options.ts'

/** A search result as the dialog shows it. */
export interface Hit {
  readonly path: string
  readonly page: string
  readonly section: string
}

const index = MiniSearch.loadJSON<SearchDoc>(serialised, INDEX_OPTIONS)

/** The best matches for `query` (at most `limit`), each a page or a section of one. */
export function search(query: string, limit = 8): Hit[] {
  if (!query.trim()) return []
  return index
    .search(query, SEARCH_OPTIONS)
    .slice(0, limit)
    .map((r) => ({
      path: String(r['path']),
      page: String(r['page']),
      section: String(r['section'] ?? ''),
    }))
}
