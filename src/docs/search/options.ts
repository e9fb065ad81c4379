import type { Options, SearchOptions } from 'minisearch'

/** One searchable piece of the site: a page, or one section of it. */
export interface SearchDoc {
  /** Unique: the link target, `/docs/sessions#identify-and-ready`. */
  readonly id: string
  /** The app path to open, with its anchor. */
  readonly path: string
  /** The page's title, indexed on the page's own document only (so a page outranks its sections). */
  readonly title: string
  /** The page's title, for showing every result. */
  readonly page: string
  /** The section's heading ('' for the page itself). */
  readonly section: string
  readonly text: string
}

/**
 * MiniSearch's options, shared by the build (which indexes) and the page (which loads the index):
 * `loadJSON` needs the same fields and tokenizer the index was built with.
 */
export const INDEX_OPTIONS: Options<SearchDoc> = {
  fields: ['title', 'section', 'text'],
  // `text` too: the dialog shows an excerpt around the words that matched.
  storeFields: ['path', 'page', 'section', 'text'],
  // `lazy_guild` and `dispatchManyFilterList` are single words to a reader: keep them whole too.
  tokenize: (text) => {
    const words = text.split(/[\s\p{P}\p{S}]+/u).filter(Boolean)
    const joined = text.match(/[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+/g) ?? []
    return [...words, ...joined]
  },
}

/**
 * Whole words first, then prefixes (`shard` finds `shards`, `shardCount`), and a typo forgiven only in a
 * long word without digits: "shard" must not find "shared", "4007" must not find "2007". A page of the
 * docs outranks an API entry that matches as well (its text is short, so it would score higher).
 */
export const SEARCH_OPTIONS: SearchOptions = {
  boost: { title: 6, section: 2 },
  prefix: true,
  fuzzy: (term) => (term.length >= 7 && !/\d/.test(term) ? 0.15 : false),
  weights: { prefix: 0.5, fuzzy: 0.15 },
  boostDocument: (_id, _term, stored) => (stored?.['page'] === 'API reference' ? 0.6 : 1),
  combineWith: 'AND',
}
