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
})
