import { describe, expect, it } from 'vitest'
import { engineDts } from '../engineTypes.ts'
import { readEngineApi } from './apiReference.ts'

// The API reference and the editor's hover text are the engine's TSDoc. A reader can open neither the
// design documents nor litecord's notes from there, so the text states the rule itself or links a docs
// page; a citation of a design document or of a numbered litecord bug would send them nowhere.
const CITATION =
  /\b(spec\/|semantics(\.md)?\b|gateway-facts|litecord-notes|engine-api\.md|anchors\.md|STACK\.md|STYLE\.md)|§\s*\d|\bbug \d+/i

/** The TSDoc comments of a declarations file, one string each. */
function comments(dts: string): string[] {
  return [...dts.matchAll(/\/\*\*[\s\S]*?\*\//g)].map((m) => m[0].replace(/\s*\n\s*\*\s?/g, ' '))
}

describe('the engine’s TSDoc as readers see it', () => {
  it('the API reference cites no document a reader cannot open', async () => {
    const api = await readEngineApi()
    const text = (parts: readonly ({ text: string } | { code: string } | { link: string })[]) =>
      parts.map((p) => ('text' in p ? p.text : 'code' in p ? p.code : p.link)).join('')
    const cited = api.entries.flatMap((e) =>
      [e.name, text(e.summary), ...e.members.map((m) => `${e.name}.${m.name}: ${text(m.summary)}`)]
        .filter((t) => CITATION.test(t))
        .map((t) => `${e.name}: ${t}`),
    )
    expect(cited).toEqual([])
  }, 60_000)

  it('the editor’s hover text (the bundled declarations) cites none either', async () => {
    const cited = comments(await engineDts(process.cwd())).filter((c) => CITATION.test(c))
    expect(cited).toEqual([])
  }, 120_000)

  it('describes every entry and every member line of the API reference', async () => {
    const api = await readEngineApi()
    const undescribed = api.entries.flatMap((e) => [
      ...(e.summary.length === 0 ? [e.name] : []),
      ...e.members.filter((m) => m.summary.length === 0).map((m) => `${e.name}.${m.name}`),
    ])
    expect(undescribed).toEqual([])
  }, 60_000)

  it('would catch one', () => {
    expect(CITATION.test('Fans one event out (spec/semantics.md §4)')).toBe(true)
    expect(CITATION.test('DM events were gated by GUILD_* intents (bug 8)')).toBe(true)
    expect(CITATION.test('see [Intents](/docs/intents)')).toBe(false)
  })
})
