import { describe, expect, it } from 'vitest'
import { createSimulation } from './simulation.ts'
import {
  addUsers,
  ALICE,
  BOB,
  CAROL,
  DAVE,
  fixtureF,
  G,
  GENERAL,
  SECRET,
} from './testing/fixtures.ts'

describe('explain (semantics §4, §10)', () => {
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
    expect(
      f.sim.dispatcher.explain(f.sim.dispatcher.dispatch('member', [G, BOB], 'X', {})),
    ).toEqual([])
  })

  it('answers with the world as it is when called, never as it was during the fan-out', () => {
    const f = fixtureF()
    const result = f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', {})
    expect(f.sim.dispatcher.explain(result)).toEqual([])
    f.sim.world.addMember(G, DAVE) // D's session is not subscribed: world mutators change data only
    const later = f.sim.gateway.identify({ userId: CAROL, shard: [0, 2] })
    expect(f.sim.dispatcher.explain(result)).toEqual([
      { sessionId: later.sessionId, reason: 'not-subscribed' },
      { sessionId: f.D.sessionId, reason: 'not-subscribed' },
    ])
  })

  it('for a DM, lists the recipients sessions that were not subscribed (shards other than 0)', () => {
    const sim = createSimulation()
    addUsers(sim, ALICE, BOB, CAROL)
    const dm = sim.world.createChannel({ type: 1, recipients: [ALICE, BOB] })
    sim.gateway.identify({ userId: ALICE })
    const b1 = sim.gateway.identify({ userId: BOB, shard: [1, 2] })
    sim.gateway.identify({ userId: CAROL })
    const result = sim.dispatcher.dispatch('channel', dm.id, 'CHANNEL_PINS_UPDATE', {})
    expect(sim.dispatcher.explain(result)).toEqual([
      { sessionId: b1.sessionId, reason: 'not-subscribed' },
    ])
  })

  it('returns nothing for friend, whose dispatch considers every session of every friend', () => {
    const f = fixtureF()
    f.sim.actions.addFriend(ALICE, BOB)
    const result = f.sim.dispatcher.dispatch('friend', ALICE, 'X', {})
    expect(result.delivered).toEqual([f.B1.sessionId, f.B2.sessionId])
    expect(f.sim.dispatcher.explain(result)).toEqual([])
  })
})
