import { describe, expect, it } from 'vitest'
import { scenarioById } from '../scenarios/index.ts'
import { createPlaygroundStore } from './createPlaygroundStore.ts'
import type { EngineCall } from '../calls/index.ts'
import { usernameOf } from './graphModel.ts'
import { explainRefusal, narrateRefusal } from './refusalText.ts'

function resumeScenario() {
  const scenario = scenarioById('disconnect-and-resume')
  if (!scenario) throw new Error('missing scenario')
  const store = createPlaygroundStore({ scenario })
  const bob = store
    .getState()
    .model.sessions.find((s) => usernameOf(store.getState().model, s.userId) === 'bob')
  if (!bob) throw new Error('bob has no session')
  return { store, scenario, bob: bob.id }
}

describe('refusals', () => {
  it('a RESUME after the window is a step whose refusal says INVALID_SESSION, with the op 9 frame', () => {
    const { store, bob } = resumeScenario()
    const { actions } = store.getState()
    actions.apply({ target: 'clock', method: 'advance', args: [60_000] })
    expect(actions.apply({ target: 'gateway', method: 'resume', args: [bob, 2] })).toBe(true)
    const { steps, cursor, model } = store.getState()
    expect(cursor).toBe(steps.length)
    const [refusal] = steps[cursor - 1]?.refusals ?? []
    expect(refusal).toMatchObject({
      sessionId: bob,
      what: 'RESUME',
      answer: { kind: 'invalid-session', reason: 'closed' },
      frame: { op: 9, t: null, s: null, d: false },
      offTimeline: false,
    })
    if (!refusal) throw new Error('no refusal')
    // It is what the panels show once the step is reached (the step has no dispatch).
    expect(store.getState().activeDispatchId).toBe(refusal.id)
    expect(explainRefusal(refusal, model)).toBe(
      'bob’s session is closed (its resume window passed); the server answered INVALID_SESSION ' +
        '(d: false); bob must IDENTIFY again.',
    )
    expect(narrateRefusal(refusal, model)).toBe(
      'RESUME from bob #1 → refused: INVALID_SESSION (d: false)',
    )
    // bob's closed session shows the answer last among its frames.
    actions.select({ kind: 'session', id: bob })
    expect(store.getState().sessionDetail?.frames.at(-1)).toEqual(refusal.frame)
    store.destroy()
  })

  it('a call the engine throws on is a refusal off the timeline, which the next change clears', () => {
    const { store, bob } = resumeScenario()
    const { actions } = store.getState()
    const before = store.getState().steps
    const call: EngineCall = {
      target: 'gateway',
      method: 'requestMemberList',
      args: [bob, '20971520', { '1001': [[0, 99]] }],
    }
    expect(actions.apply(call)).toBe(false)
    const { refusal, steps, activeDispatchId, error } = store.getState()
    expect(steps).toBe(before)
    expect(error).toBeNull()
    expect(refusal).toMatchObject({
      id: 'refused',
      what: 'op 14 member list',
      sessionId: bob,
      answer: { kind: 'error', code: 'NOT_CONNECTED' },
      offTimeline: true,
    })
    expect(activeDispatchId).toBe('refused')
    expect(store.getState().refusalById('refused')).toBe(refusal)
    expect(actions.apply({ target: 'clock', method: 'advance', args: [1000] })).toBe(true)
    expect(store.getState().refusal).toBeNull()
    store.destroy()
  })

  it('op 3 that changes nothing and op 14 for an unreadable channel are steps that say so', () => {
    const scenario = scenarioById('guild-basics')
    if (!scenario) throw new Error('missing scenario')
    const store = createPlaygroundStore({ scenario })
    const { actions } = store.getState()
    const { model } = store.getState()
    const alice = model.sessions.find((s) => usernameOf(model, s.userId) === 'alice')
    const status = { status: 'online' }
    if (!alice) throw new Error('no alice')
    actions.apply({ target: 'gateway', method: 'updatePresence', args: [alice.id, status] })
    actions.apply({ target: 'gateway', method: 'updatePresence', args: [alice.id, status] })
    const [same] = store.getState().steps.at(-1)?.refusals ?? []
    expect(same?.answer).toEqual({ kind: 'ignored', reason: 'same-presence' })
    if (!same) throw new Error('no record')
    expect(explainRefusal(same, store.getState().model)).toBe(
      'alice is already online: op 3 changed nothing, so nothing was sent to anyone.',
    )
    store.destroy()
  })

  it('a gateway close code is named and explained', () => {
    const { store } = resumeScenario()
    const { actions } = store.getState()
    actions.apply({
      target: 'gateway',
      method: 'identify',
      args: [{ userId: '10', shard: [3, 2] }],
    })
    const { refusal, model } = store.getState()
    expect(refusal?.answer).toMatchObject({ kind: 'close', code: 4010 })
    if (!refusal) throw new Error('no refusal')
    expect(narrateRefusal(refusal, model)).toBe('IDENTIFY → refused: close 4010 Invalid shard')
    expect(explainRefusal(refusal, model)).toMatch(
      /^The gateway closed the socket with 4010 \(Invalid shard\): .+\. Nothing changed, and the call is not on the timeline\.$/,
    )
    store.destroy()
  })
})
