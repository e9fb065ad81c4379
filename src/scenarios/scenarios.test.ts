import { describe, expect, it } from 'vitest'
import { recordStep } from '../store/connectEngine.ts'
import { applyCall, createCallEngine, groupCalls } from '../calls/index.ts'
import { scenarios } from './index.ts'

/** Calls to the engine's server flows wait for `sim.actions` (the lead's next engine issue). */
const hasActions = (run: ReturnType<typeof createCallEngine>) => 'actions' in run.sim

describe('scenarios', () => {
  it('registers the scenarios with unique ids matching their files', () => {
    expect(scenarios.map((s) => s.id)).toEqual([
      'guild-basics',
      'intents',
      'sharded-bot',
      'dms-and-group-dms',
      'friends-and-presence',
      'lazy-member-list',
      'disconnect-and-resume',
      'helpers',
      'large-guild',
      'discord-scale',
    ])
  })

  // The 100,000-session scenario is built by rules: scale/discordScale.test.ts runs the same rules at a
  // smaller size, and the e2e suite loads it whole in the browser.
  for (const scenario of scenarios.filter((s) => !s.generated)) {
    it(`${scenario.id}: every call and every suggestion runs without error`, () => {
      const run = createCallEngine(scenario.seed)
      groupCalls(scenario.calls).forEach((calls, i) => recordStep(run, calls, i))
      for (const call of scenario.suggested) {
        if (call.target === 'actions' && !hasActions(run)) continue
        expect(() => applyCall(run, call), call.label).not.toThrow()
      }
      expect(run.sim.states.all().length).toBeGreaterThan(0)
    })
  }

  it('large-guild identifies 1,000 sessions without presences fanning out', () => {
    const scenario = scenarios.find((s) => s.id === 'large-guild')
    if (!scenario) throw new Error('missing')
    const run = createCallEngine(scenario.seed)
    const steps = groupCalls(scenario.calls).map((calls, i) => recordStep(run, calls, i))
    expect(run.sim.states.all()).toHaveLength(1000)
    expect(steps).toHaveLength(2)
    expect(steps.flatMap((s) => s.dispatches)).toHaveLength(0)
  })

  it('the intents scenario skips logbot on GUILD_UPDATE for intents', () => {
    const scenario = scenarios.find((s) => s.id === 'intents')
    const call = scenario?.suggested[0]
    if (!scenario || !call) throw new Error('missing')
    const run = createCallEngine(scenario.seed)
    groupCalls(scenario.calls).forEach((calls, i) => recordStep(run, calls, i))
    const step = recordStep(run, [call], 99)
    const result = step.dispatches[0]?.result
    expect(result?.delivered).toHaveLength(2)
    expect(result?.skipped.map((s) => s.reason)).toEqual(['intents'])
  })
})

describe('the Helpers scenario', () => {
  it('dispatchMany reaches alice twice (two keys), dispatchManyFilterList once', () => {
    const scenario = scenarios.find((s) => s.id === 'helpers')
    if (!scenario) throw new Error('missing')
    const run = createCallEngine(scenario.seed)
    groupCalls(scenario.calls).forEach((calls, i) => recordStep(run, calls, i))
    const [alice, bob] = run.sessions
    const times = (steps: ReturnType<typeof recordStep>, id: string | undefined) =>
      steps.dispatches.filter((d) => d.result.delivered.includes(id ?? '')).length
    const [many, filterList, only] = scenario.suggested.map((call, i) =>
      recordStep(run, [call], 2 + i),
    )
    if (!many || !filterList || !only) throw new Error('three suggestions')
    expect([times(many, alice), times(many, bob)]).toEqual([2, 1])
    expect([times(filterList, alice), times(filterList, bob)]).toEqual([1, 1])
    expect(filterList.dispatches[1]?.result.skipped).toEqual([
      { sessionId: alice, reason: 'filter' },
    ])
    expect(only.dispatches[0]?.result).toMatchObject({
      delivered: [bob],
      skipped: [{ sessionId: alice, reason: 'filter' }],
    })
  })
})
