import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { INDEX_OPTIONS, SEARCH_OPTIONS, type SearchDoc } from '../../src/docs/search/options.ts'
import { buildSearchIndex, pageDocs } from './searchIndex.ts'

describe('the docs search index', () => {
  it('splits a page into sections with the anchors the page renders', () => {
    const docs = pageDocs(
      '/docs/x',
      'X',
      'About x.',
      "import { A } from './a.tsx'\n\nIntro.\n\n## Who receives, and why not\n\nBody <A /> text.\n\n### Two\n\nMore.",
    )
    expect(docs.map((d) => [d.path, d.section, d.text])).toEqual([
      ['/docs/x', '', 'About x. Intro.'],
      ['/docs/x#who-receives-and-why-not', 'Who receives, and why not', 'Body  text.'],
      ['/docs/x#two', 'Two', 'More.'],
    ])
  })

  it('finds each backend page by its name, first', async () => {
    const index = MiniSearch.loadJSON<SearchDoc>(
      await buildSearchIndex(process.cwd()),
      INDEX_OPTIONS,
    )
    const first = (q: string) => index.search(q, SEARCH_OPTIONS)[0]?.['path']
    for (const [name, path] of [
      ['guild', '/docs/backends/guild'],
      ['channel', '/docs/backends/channel'],
      ['member', '/docs/backends/member'],
      ['user', '/docs/backends/user'],
      ['friend', '/docs/backends/friend'],
      ['lazy_guild', '/docs/backends/lazy-guild'],
    ]) {
      expect(first(name as string), name).toBe(path)
    }
    expect(first('resume')).toMatch(/^\/docs\/resume\b/)
    expect(first('dispatchManyFilterList')).toMatch(/^\/docs\/(dispatcher|api)/)
    expect(first('createSimulation')).toBe('/docs/api#createSimulation')
  }, 120_000)

  it('prefers whole words and prefixes to typos, and finds codes and numbered bugs', async () => {
    const index = MiniSearch.loadJSON<SearchDoc>(
      await buildSearchIndex(process.cwd()),
      INDEX_OPTIONS,
    )
    const results = (q: string) => index.search(q, SEARCH_OPTIONS)
    const first = (q: string) => results(q)[0]?.['path']
    expect(first('shard')).toMatch(/^\/docs\/sharding\b/)
    expect(results('shard').every((r) => !/shared/i.test(String(r['section'])))).toBe(true)
    expect(first('4007')).toMatch(/^\/docs\/resume\b/)
    expect(first('bug 8')).toBe('/docs/litecord#bug-8')
    expect(results('bug 8')[0]?.['section']).toBe('Bug 8: DM events were gated by GUILD_* intents')
    // A table's cells are separate words, not one run-together token.
    expect(results('4007').some((r) => r.terms.some((t) => /4007./.test(t)))).toBe(false)
  }, 120_000)
})
