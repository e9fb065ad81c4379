import { describe, expect, it } from 'vitest'
import { BOB, fixtureF, G, GENERAL, SECRET } from './testing/fixtures.ts'

describe('explain', () => {
  it('lists the guild members sessions that were not subscribed, on demand', () => {
    const f = fixtureF()
    f.sim.dispatcher.unsub('guild', G, f.C.sessionId)
    const result = f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', {})
    expect(f.sim.dispatcher.explain(result)).toEqual([
      { sessionId: f.C.sessionId, reason: 'not-subscribed' },
    ])
  })

  it('for a guild channel, lists the sessions of users who can view it', () => {
    const f = fixtureF()
    const result = f.sim.dispatcher.dispatch('channel', SECRET, 'TYPING_START', {})
    expect(f.sim.dispatcher.explain(result)).toEqual([])
    f.sim.dispatcher.unsub('channel', GENERAL, f.B1.sessionId)
    const general = f.sim.dispatcher.dispatch('channel', GENERAL, 'TYPING_START', {})
    expect(f.sim.dispatcher.explain(general)).toEqual([
      { sessionId: f.B1.sessionId, reason: 'not-subscribed' },
    ])
  })

  it('returns nothing for member, user and friend, which consider every relevant session', () => {
    const f = fixtureF()
    expect(f.sim.dispatcher.explain(f.sim.dispatcher.dispatch('user', BOB, 'X', {}))).toEqual([])
    expect(f.sim.dispatcher.explain(f.sim.dispatcher.dispatch('member', [G, BOB], 'X', {}))).toEqual([])
  })
})
