import { describe, expect, it } from 'vitest'
import { scenarioById } from '../scenarios/index.ts'
import { createPlaygroundStore } from './createPlaygroundStore.ts'
import { callAsCode } from './describeCall.ts'

describe('Try it', () => {
  it('applies the call and says in the Console what it did, with the call as code', () => {
    const scenario = scenarioById('intents')!
    const store = createPlaygroundStore({ scenario })
    const call = scenario.suggested[0]!
    expect(store.getState().actions.tryIt(call)).toBe(true)
    store.destroy()
    const { cursor } = store.getState()
    expect(store.getState().consoleEntries.map((e) => e.text)).toEqual([
      `Try it: GUILD_UPDATE to guild Fanout HQ. Added as step ${cursor}.`,
      'GUILD_UPDATE on guild:20971520 → 2 delivered, 1 skipped: intents',
      `As code: ${callAsCode(call)}`,
    ])
    expect(callAsCode(call)).toMatch(
      /^dispatcher\.dispatch\('guild', '20971520', 'GUILD_UPDATE', \{/,
    )
  })

  it('says a refused call was not added, and why; a call naming sessions by reference has no code', () => {
    const scenario = scenarioById('disconnect-and-resume')!
    const store = createPlaygroundStore({ scenario })
    const resume = scenario.suggested[0]!
    expect(callAsCode(resume)).toBeNull()
    const refused = {
      target: 'dispatcher',
      method: 'dispatch',
      args: ['guilds', '1', 'X', {}],
    } as const
    expect(store.getState().actions.tryIt(refused)).toBe(false)
    store.destroy()
    const [first] = store.getState().consoleEntries
    expect(first?.text).toMatch(/^Try it: .*Refused, not added to the timeline: /)
  })
})
