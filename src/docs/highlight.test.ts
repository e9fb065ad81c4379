import { describe, expect, it } from 'vitest'
import { highlight } from './highlight.ts'

describe('highlight', () => {
  it('gives back the code exactly, token by token', () => {
    const code =
      "const r = dispatcher.dispatch('guild', '20971520', 'GUILD_UPDATE', { n: 1 }) // hi\n"
    expect(
      highlight(code, 'ts')
        .map((t) => t.text)
        .join(''),
    ).toBe(code)
  })

  it('marks keywords, strings, numbers, comments and event names', () => {
    const kinds = (code: string) =>
      highlight(code, 'ts')
        .filter((t) => t.kind !== 'plain')
        .map((t) => [t.kind, t.text])
    expect(kinds("const x = 'a' // c")).toEqual([
      ['keyword', 'const'],
      ['string', "'a'"],
      ['comment', '// c'],
    ])
    expect(kinds('f(42n, GUILD_CREATE, true)')).toEqual([
      ['number', '42n'],
      ['event', 'GUILD_CREATE'],
      ['literal', 'true'],
    ])
  })

  it('tells JSON keys from string values', () => {
    const tokens = highlight('{ "op": 0, "t": "READY" }', 'json')
    expect(tokens.find((t) => t.text === '"op"')?.kind).toBe('key')
    expect(tokens.find((t) => t.text === '"READY"')?.kind).toBe('string')
  })

  it('leaves languages it does not know as one plain token', () => {
    expect(highlight('a <b> c', 'text')).toEqual([{ kind: 'plain', text: 'a <b> c' }])
  })
})
