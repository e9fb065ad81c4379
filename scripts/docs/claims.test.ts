import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DOC_PAGES } from '../../src/docs/pageList.ts'
import { docScenarios, scenarioById, scenarios } from '../../src/scenarios/index.ts'
import { engineCodes, falseClaims, falseScenarioText } from './claims.ts'
import { loadPages, parsePage } from './mdxPages.ts'

const ctx = { scenario: scenarioById }
const codes = engineCodes()

/** The page at `path` with `sentence` added as a paragraph at its end. */
function planted(path: string, sentence: string) {
  const info = DOC_PAGES.find((p) => p.path === path)
  if (!info) throw new Error(path)
  const source = readFileSync(`src/docs/content/${info.file}.mdx`, 'utf8')
  return parsePage(info, `${source}\n${sentence}\n`)
}

describe('what the docs say about the engine', () => {
  for (const page of loadPages()) {
    it(`${page.info.path}: every claim the checks recognise agrees with the engine`, () => {
      expect(falseClaims(page, ctx, codes)).toEqual([])
    })
  }

  it('every scenario’s summary and explanation (home page cards, the playground, live examples)', () => {
    expect([...scenarios, ...docScenarios].flatMap(falseScenarioText)).toEqual([])
  })

  // The checks are only worth their silence if they speak up: each of these is false.
  it.each([
    [
      '/docs/sharding',
      "The [Sharded bot](/play/sharded-bot) scenario draws a bot's two shard sessions.",
    ],
    [
      '/docs/dispatcher',
      '`guild` checks shard and intents, and `user`, `friend` and `lazy_guild` check nothing.',
    ],
    ['/docs/backends/channel', 'In a group DM, intents are not checked.'],
    ['/docs/intents', '`TYPING_START` in a DM needs `GUILD_MESSAGE_TYPING`.'],
    ['/docs/resume', 'A RESUME that asks too much is refused with `INVALID_RESUME`.'],
    ['/docs/resume', 'A RESUME with a seq from the future closes with 4006.'],
    ['/docs/dispatcher', 'A session past its window is skipped with reason `closed`.'],
    ['/docs/dispatcher', 'There are five skip reasons.'],
  ])('%s: a planted “%s” is caught', (path, sentence) => {
    expect(falseClaims(planted(path, sentence), ctx, codes)).not.toEqual([])
  })

  it('a scenario text with a wrong shard count or an unqualified group-DM claim is caught', () => {
    const base = scenarioById('sharded-bot')
    if (!base) throw new Error('no sharded-bot')
    expect(falseScenarioText({ ...base, summary: 'A bot split over 2 shards.' })).not.toEqual([])
    expect(
      falseScenarioText({ ...base, summary: 'Shard 0 only, no intent check in group DMs.' }),
    ).not.toEqual([])
  })

  it('a backend page whose checks row disagrees with the engine is caught', () => {
    const info = DOC_PAGES.find((p) => p.path === '/docs/backends/lazy-guild')
    if (!info) throw new Error('no lazy-guild page')
    const page = parsePage(info, '|  |  |\n| --- | --- |\n| **checks** | nothing |\n')
    expect(falseClaims(page, ctx, codes)).not.toEqual([])
  })
})
