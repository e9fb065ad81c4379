import { describe, expect, it } from 'vitest'
import { scenarioById } from '../scenarios/index.ts'
import { createPlaygroundStore } from './createPlaygroundStore.ts'

describe('a session that closes while selected', () => {
  it('keeps its frames in the inspector after it leaves the engine, and comes back live on step back', () => {
    const scenario = scenarioById('disconnect-and-resume')
    if (!scenario) throw new Error('missing scenario')
    const store = createPlaygroundStore({ scenario })
    const { actions } = store.getState()
    const bob = store
      .getState()
      .model.sessions.find(
        (s) => store.getState().model.users.find((u) => u.id === s.userId)?.username === 'bob',
      )
    if (!bob) throw new Error('bob has no session')
    actions.select({ kind: 'session', id: bob.id })
    const open = store.getState().sessionDetail
    expect(open?.exists).toBe(true)
    expect(open?.status).toBe('disconnected')
    expect(open?.frames.length).toBeGreaterThan(0)

    // bob's resume window passes.
    expect(actions.apply({ target: 'clock', method: 'advance', args: [60_000] })).toBe(true)
    const closed = store.getState().sessionDetail
    expect(closed?.exists).toBe(false)
    expect(closed?.status).toBe('closed')
    expect(closed?.frames).toEqual(open?.frames)
    expect(closed?.seq).toBe(open?.seq)

    actions.stepBack()
    expect(store.getState().sessionDetail).toEqual(open)
    store.destroy()
  })
})
