import { describe, expect, it } from 'vitest'
import { createTestSandbox } from '../sandbox/testing.ts'
import { scenarioById, scenarios } from './index.ts'
import { SNIPPETS, snippetFor } from './snippets.ts'

const HOME: Record<string, string> = {
  guild: 'guild-basics',
  member: 'sharded-bot',
  channel: 'guild-basics',
  user: 'dms-and-group-dms',
  friend: 'friends-and-presence',
  lazy_guild: 'lazy-member-list',
  'dispatch-many': 'guild-basics',
  resume: 'disconnect-and-resume',
  op14: 'lazy-member-list',
  'message-content': 'intents',
}

function run(code: string, scenarioId: string) {
  const scenario = scenarioById(scenarioId)!
  return createTestSandbox().run(code, { seed: scenario.seed, calls: scenario.calls })
}

describe('snippets', () => {
  it.each(SNIPPETS.map((s) => [s.id, s] as const))(
    '%s runs in its scenario, changes the engine and prints no error',
    (id, snippet) => {
      const { last, lines } = run(snippet.code, HOME[id] ?? '')
      expect(last?.type, JSON.stringify(last)).toBe('done')
      expect(last?.type === 'done' && last.calls.length).toBeGreaterThan(0)
      expect(lines.filter((l) => l.level === 'error')).toEqual([])
    },
  )

  it('gives every scenario an example that runs in it', () => {
    for (const scenario of scenarios.filter((s) => s.id !== 'large-guild')) {
      expect(scenario.code).toBe(snippetFor(scenario.id).code)
      const { last } = run(scenario.code ?? '', scenario.id)
      expect(last?.type, `${scenario.id}: ${JSON.stringify(last)}`).toBe('done')
    }
  })
})
