import { describe, expect, it } from 'vitest'
import { excerpt, toHits, type Match } from './results.ts'

const text = (parts: readonly { text: string; hit: boolean }[]) =>
  parts.map((p) => (p.hit ? `[${p.text}]` : p.text)).join('')

describe('search results', () => {
  it('an excerpt is cut around the first match, every matching word marked', () => {
    const long = `${'filler words here '.repeat(20)}a session serves a shard; shards split guilds. ${'more '.repeat(40)}`
    const e = text(excerpt(long, ['shard']))
    expect(e).toMatch(/^… /)
    expect(e).toMatch(/ …$/)
    expect(e).toContain('a session serves a [shard]; [shards] split guilds.')
    expect(e.length).toBeLessThan(170)
  })

  it('a short text is whole, and a word is marked only where it starts with a query word', () => {
    expect(text(excerpt('Resharding is not a shard.', ['shard']))).toBe(
      'Resharding is not a [shard].',
    )
  })

  it('shows each docs page once (its best section) and each API entry apart', () => {
    const m = (path: string, page: string, section = ''): Match => ({
      path,
      page,
      section,
      text: 'resume text',
      terms: ['resume'],
    })
    const hits = toHits(
      [
        m('/docs/resume#resume', 'Resume and faults', 'RESUME'),
        m('/docs/resume', 'Resume and faults'),
        m('/docs/api#ResumeResult', 'API reference', 'ResumeResult'),
        m('/docs/api#Gateway', 'API reference', 'Gateway'),
        m('/docs/resume#faults', 'Resume and faults', 'Faults'),
      ],
      'resume',
    )
    expect(hits.map((h) => h.path)).toEqual([
      '/docs/resume#resume',
      '/docs/api#ResumeResult',
      '/docs/api#Gateway',
    ])
  })
})
