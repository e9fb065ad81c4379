import { describe, expect, it } from 'vitest'
import { createTestSandbox } from '../sandbox/testing.ts'
import type { EngineCall } from '../calls/index.ts'
import { scenarioById, scenarios } from './index.ts'
import { generatedSteps, listedCalls } from './scale/discordScale.ts'
import { SNIPPETS, snippetFor } from './snippets.ts'

const HOME: Record<string, string> = {
  guild: 'guild-basics',
  member: 'sharded-bot',
  sharding: 'sharded-bot',
  channel: 'guild-basics',
  user: 'dms-and-group-dms',
  friend: 'friends-and-presence',
  lazy_guild: 'lazy-member-list',
  'dispatch-many': 'guild-basics',
  resume: 'disconnect-and-resume',
  op14: 'lazy-member-list',
  'message-content': 'intents',
}

/** A scenario's calls; the Discord-scale rules at 1,500 members (the same shape, built in a blink). */
function callsOf(scenarioId: string): EngineCall[] {
  if (scenarioId !== 'discord-scale') return [...scenarioById(scenarioId)!.calls]
  const shape = { members: 1500 }
  const generated = generatedSteps(shape).flatMap((g) =>
    Array.from({ length: g.count }, (_, i) => g.call(i)),
  )
  return [...generated, ...listedCalls(shape)]
}

function run(code: string, scenarioId: string) {
  const { seed } = scenarioById(scenarioId)!
  return createTestSandbox().run(code, { seed, calls: callsOf(scenarioId) })
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

  it('gives every scenario an example that runs in it', { timeout: 60_000 }, () => {
    for (const scenario of scenarios.filter((s) => s.id !== 'large-guild')) {
      expect(scenario.code).toBe(snippetFor(scenario.id).code)
      const { last } = run(scenario.code ?? '', scenario.id)
      expect(last?.type, `${scenario.id}: ${JSON.stringify(last)}`).toBe('done')
    }
  })
})
