import { describe, expect, it } from 'vitest'
import { createTestSandbox } from '../../sandbox/testing.ts'
import { recordStep } from '../../store/connectEngine.ts'
import { applyCall, createCallEngine, groupCalls } from '../../calls/index.ts'
import { docScenarios, scenarioById, scenarios } from '../index.ts'

const SESSION = '"[0-9a-f]{32}"'

/**
 * What each example's code prints when it runs as written on its own world: the comments beside each
 * console.log in the snippet say the same, and the docs page's prose relies on them.
 */
const PRINTS: Record<string, readonly (string | RegExp)[]> = {
  'guild-backend': [
    '4 delivered []',
    new RegExp(`^\\[\\{ sessionId: ${SESSION}, reason: "not-subscribed" \\}\\]$`),
  ],
  'member-backend': [
    'guild GUILD_MEMBER_ADD 1 []',
    new RegExp(`^member GUILD_CREATE 1 \\[\\{ sessionId: ${SESSION}, reason: "shard" \\}\\]$`),
    new RegExp(`^20971520:40 1 \\[\\{ sessionId: ${SESSION}, reason: "shard" \\}\\]$`),
  ],
  'channel-backend': [
    new RegExp(`^\\[\\{ sessionId: ${SESSION}, reason: "intents" \\}\\]$`),
    /^\{ id: "5001", .*content: "".*\}$/,
    new RegExp(`^\\[\\{ sessionId: ${SESSION}, reason: "permission" \\}\\]$`),
  ],
  'user-backend': [
    '2 []',
    '10 RELATIONSHIP_ADD 2',
    '11 RELATIONSHIP_ADD 1',
    '10 PRESENCE_UPDATE 2',
    '11 PRESENCE_UPDATE 1',
  ],
  'friend-backend': ['["11", "12"]', '3', '["11"]'],
  'lazy-guild-backend': ['2'],
  'dispatch-many': [
    '[2, 1]',
    '2',
    new RegExp(`^1 \\[\\{ sessionId: ${SESSION}, reason: "send-failed" \\}\\]$`),
    'REENTRANT_CALL',
  ],
  'docs-world': [
    '10 alice',
    '11 bob',
    '12 carol',
    '13 dave',
    '14 erin',
    '40 logbot',
    '20971520 Fanout HQ',
    '16777216 Book club',
    '2 ["intents", "intents"]',
  ],
  resume: [
    new RegExp(`^\\[${SESSION}\\]$`),
    '[[3, "MESSAGE_CREATE"], [4, "MESSAGE_CREATE"]]',
    '{ resumed: false, reason: "closed" }',
  ],
}

describe('the docs’ live examples', () => {
  it('are registered by id, apart from the picker’s scenarios, with ids no scenario has', () => {
    const ids = docScenarios.map((s) => s.id)
    expect(ids.sort()).toEqual(Object.keys(PRINTS).sort())
    for (const id of ids) {
      expect(scenarios.some((s) => s.id === id)).toBe(false)
      expect(scenarioById(id)?.id).toBe(id)
    }
  })

  for (const scenario of docScenarios) {
    describe(scenario.id, () => {
      it('builds its world, and every Try-it call runs on it', () => {
        const run = createCallEngine(scenario.seed)
        groupCalls(scenario.calls).forEach((calls, i) => recordStep(run, calls, i))
        for (const call of scenario.suggested)
          expect(() => applyCall(run, call), call.label).not.toThrow()
      })

      it('its code runs as written in the sandbox and prints what its comments say', () => {
        const box = createTestSandbox()
        const { last, lines } = box.run(scenario.code, {
          seed: scenario.seed,
          calls: scenario.calls,
        })
        expect(last?.type, JSON.stringify(last)).toBe('done')
        const printed = lines.map((l) => l.text)
        const expected = PRINTS[scenario.id] ?? []
        expect(printed).toHaveLength(expected.length)
        expected.forEach((want, i) => {
          if (typeof want === 'string') expect(printed[i]).toBe(want)
          else expect(printed[i]).toMatch(want)
        })
      })
    })
  }
})
