import { describe, expect, it } from 'vitest'
import { scopeNames } from '../../sandbox/scope.ts'
import { createTestSandbox } from '../../sandbox/testing.ts'
import { SCOPE_SNIPPET } from './scopeSnippet.ts'

describe('the Examples menu’s scope snippet', () => {
  it('names every name in scope', () => {
    const words = new Set(SCOPE_SNIPPET.code.match(/[A-Za-z_][\w]*/g))
    expect(scopeNames().filter((name) => !words.has(name))).toEqual([])
  })

  it('runs, and prints what its comments say', () => {
    const { last, lines } = createTestSandbox().run(SCOPE_SNIPPET.code, { seed: 1, calls: [] })
    expect(last?.type).toBe('done')
    expect(lines.map((l) => l.text)).toEqual(['["GUILDS", "GUILD_MESSAGES"]', '1'])
  })
})
