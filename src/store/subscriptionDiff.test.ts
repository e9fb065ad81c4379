import { describe, expect, it } from 'vitest'
import { loadForTest } from '../ui/graph/testModel.ts'
import type { EngineCall } from '../calls/index.ts'
import { diffSubscriptions } from './subscriptionDiff.ts'

const GUILD = '20971520'
const GENERAL = '1001'
/** guild-basics: #general hidden from @everyone, so only alice (the owner) still sees it. */
const hideGeneral: EngineCall = {
  target: 'actions',
  method: 'updateChannel',
  args: [GENERAL, { overwrites: [{ id: GUILD, type: 0, deny: String(1 << 10) }] }],
}

describe('comparing two steps', () => {
  it('lists subscriptions made and sessions opened since the marked step, and the reverse backwards', () => {
    const { store } = loadForTest('intents')
    const { actions } = store.getState()
    actions.seek(2) // the world and alice
    actions.compareFromHere()
    expect(store.getState().baseline?.step).toBe(2)
    actions.seek(4) // bob and logbot identified
    const baseline = store.getState().baseline
    if (!baseline) throw new Error('no baseline')
    const diff = diffSubscriptions(baseline.model, store.getState().model)
    const sessions = store.getState().model.sessions
    const [bob, logbot] = [sessions[1]?.id, sessions[2]?.id]
    expect(diff.added).toEqual(
      expect.arrayContaining([
        { topicId: `guild:${GUILD}`, subscriber: bob },
        { topicId: `guild:${GUILD}`, subscriber: logbot },
        { topicId: `channel:${GENERAL}`, subscriber: bob },
        { topicId: `channel:${GENERAL}`, subscriber: logbot },
      ]),
    )
    expect(diff.added).toHaveLength(4)
    expect(diff.removed).toEqual([])
    expect(diff.opened).toEqual([bob, logbot])
    expect(diff.closed).toEqual([])
    // Backwards, the same changes the other way round.
    const reverse = diffSubscriptions(store.getState().model, baseline.model)
    expect(reverse.removed).toEqual(diff.added)
    expect(reverse.closed).toEqual(diff.opened)
    store.destroy()
  })

  it('sees a subscription that permissions dropped while the session stayed open', () => {
    const { store } = loadForTest('guild-basics')
    const { actions } = store.getState()
    actions.compareFromHere()
    expect(actions.apply(hideGeneral)).toBe(true)
    actions.pause()
    const baseline = store.getState().baseline
    if (!baseline) throw new Error('no baseline')
    const diff = diffSubscriptions(baseline.model, store.getState().model)
    const sessions = store.getState().model.sessions
    const [bob, carol1, carol2] = [sessions[1]?.id, sessions[2]?.id, sessions[3]?.id]
    expect(diff.removed).toEqual([
      { topicId: `channel:${GENERAL}`, subscriber: bob },
      { topicId: `channel:${GENERAL}`, subscriber: carol1 },
      { topicId: `channel:${GENERAL}`, subscriber: carol2 },
      // The scenario's last step took bob's staff role through the world alone, which leaves
      // subscriptions as they were; updateChannel re-checks only the channel it changes
      // (docs/design/semantics.md §10), so bob's stale #staff subscription stays.
    ])
    expect([diff.added, diff.opened, diff.closed]).toEqual([[], [], []])
    store.destroy()
  })

  it('forgets the marked step when a new scenario loads, or when a new call overwrites it', () => {
    const { store } = loadForTest('intents')
    const { actions } = store.getState()
    actions.compareFromHere()
    actions.seek(1)
    // Applying at step 1 drops steps 2–4, the marked one among them.
    expect(
      actions.apply({
        target: 'world',
        method: 'createUser',
        args: [{ id: '77', username: 'zed' }],
      }),
    ).toBe(true)
    actions.pause()
    expect(store.getState().baseline).toBeNull()
    actions.compareFromHere()
    actions.seek(0)
    actions.apply({ target: 'world', method: 'createUser', args: [{ id: '78', username: 'amy' }] })
    actions.pause()
    // Step 1 was marked and overwritten at step 0 → cleared; marking step 1 and adding after it keeps it.
    expect(store.getState().baseline).toBeNull()
    actions.compareFromHere()
    actions.apply({ target: 'world', method: 'createUser', args: [{ id: '79', username: 'bo' }] })
    actions.pause()
    expect(store.getState().baseline?.step).toBe(1)
    const { scenario } = store.getState()
    if (scenario) actions.loadScenario(scenario)
    expect(store.getState().baseline).toBeNull()
    store.destroy()
  })
})
