import { describe, expect, it } from 'vitest'
import { createSimulation } from './simulation.ts'
import { addUsers, ALICE, BOB, CAROL, fixtureF, G } from './testing/fixtures.ts'

describe('guild backend', () => {
  it('delivers an event under no intent to every subscribed session (litecord dropped it, bug 6)', () => {
    const f = fixtureF()
    const result = f.sim.dispatcher.dispatch('guild', G, 'USER_UPDATE', {})
    expect(result.delivered).toEqual([f.A.sessionId, f.B1.sessionId, f.B2.sessionId, f.C.sessionId])
    expect(result.skipped).toEqual([])
  })

  it('skips sessions without the intent, naming the reason', () => {
    const f = fixtureF()
    const result = f.sim.dispatcher.dispatch('guild', G, 'MESSAGE_REACTION_ADD', { guild_id: G })
    expect(result.delivered).toEqual([f.A.sessionId, f.B2.sessionId, f.C.sessionId])
    expect(result.skipped).toEqual([{ sessionId: f.B1.sessionId, reason: 'intents' }])
  })

  it('sends GUILD_MEMBER_UPDATE to GUILD_MEMBERS holders and to the member whatever its intents (bug 7)', () => {
    const f = fixtureF()
    const result = f.sim.dispatcher.dispatch('guild', G, 'GUILD_MEMBER_UPDATE', {
      guild_id: G,
      user: { id: BOB },
    })
    expect(result.delivered).toEqual([f.A.sessionId, f.B1.sessionId, f.B2.sessionId, f.C.sessionId])
    const forCarol = f.sim.dispatcher.dispatch('guild', G, 'GUILD_MEMBER_UPDATE', {
      guild_id: G,
      user: { id: CAROL },
    })
    expect(forCarol.skipped).toEqual([{ sessionId: f.B1.sessionId, reason: 'intents' }])
  })

  it('delivers in subscription order', () => {
    const f = fixtureF()
    expect(f.sim.dispatcher.subscribers('guild', G)).toEqual([
      f.A.sessionId,
      f.B1.sessionId,
      f.B2.sessionId,
      f.C.sessionId,
    ])
  })

  it('skips sessions that do not serve the guild shard (litecord-notes example 3)', () => {
    const sim = createSimulation()
    sim.world.createUser({ id: BOB, username: 'bob' })
    sim.world.createGuild({ id: G, name: 'G', ownerId: BOB })
    const b0 = sim.gateway.identify({ userId: BOB, shard: [0, 2] })
    const b1 = sim.gateway.identify({ userId: BOB, shard: [1, 2] })
    expect(sim.dispatcher.subscribers('guild', G)).toEqual([b1.sessionId])
    sim.dispatcher.sub('guild', G, b0.sessionId) // a raw sub: the shard check still applies at dispatch
    const result = sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', {})
    expect(result.delivered).toEqual([b1.sessionId])
    expect(result.skipped).toEqual([{ sessionId: b0.sessionId, reason: 'shard' }])
    expect(b0.shard).toEqual([0, 2])
    expect((b1.frames[0]?.d as { shard: number[] }).shard).toEqual([1, 2])
  })

  it('checks the filter first, then shard, then intents', () => {
    const sim = createSimulation()
    sim.world.createUser({ id: BOB, username: 'bob' })
    sim.world.createGuild({ id: G, name: 'G', ownerId: BOB })
    const b0 = sim.gateway.identify({ userId: BOB, shard: [0, 2], intents: 0 })
    sim.dispatcher.sub('guild', G, b0.sessionId)
    const filtered = sim.dispatcher.dispatchFilter('guild', G, () => false, 'GUILD_UPDATE', {})
    expect(filtered.skipped).toEqual([{ sessionId: b0.sessionId, reason: 'filter' }])
    const sharded = sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', {})
    expect(sharded.skipped).toEqual([{ sessionId: b0.sessionId, reason: 'shard' }])
  })
})

describe('member, user and friend backends', () => {
  it('member: reaches the user sessions serving the guild shard; the others are skipped with shard', () => {
    const sim = createSimulation()
    sim.world.createUser({ id: BOB, username: 'bob' })
    sim.world.createGuild({ id: G, name: 'G', ownerId: BOB })
    const b0 = sim.gateway.identify({ userId: BOB, shard: [0, 2] })
    const b1 = sim.gateway.identify({ userId: BOB, shard: [1, 2], intents: 0 })
    const result = sim.dispatcher.dispatch('member', [G, BOB], 'GUILD_MEMBER_UPDATE', {})
    expect(result.delivered).toEqual([b1.sessionId])
    expect(result.skipped).toEqual([{ sessionId: b0.sessionId, reason: 'shard' }])
    expect(result.key).toBe(`${G}:${BOB}`)
  })

  it('user: reaches every session of the user, any shard, any intents', () => {
    const sim = createSimulation()
    sim.world.createUser({ id: BOB, username: 'bob' })
    const b0 = sim.gateway.identify({ userId: BOB, shard: [0, 2], intents: 0 })
    const b1 = sim.gateway.identify({ userId: BOB, shard: [1, 2], intents: 0 })
    const result = sim.dispatcher.dispatch('user', BOB, 'USER_UPDATE', {})
    expect(result.delivered).toEqual([b0.sessionId, b1.sessionId])
  })

  it('friend: reaches every session of each friend of the key user', () => {
    const sim = createSimulation()
    addUsers(sim, ALICE, BOB, CAROL)
    sim.world.addFriendship(ALICE, BOB)
    const a = sim.gateway.identify({ userId: ALICE })
    const b = sim.gateway.identify({ userId: BOB, intents: 0 })
    sim.gateway.identify({ userId: CAROL })
    expect(sim.dispatcher.subscribers('friend', ALICE)).toEqual([BOB])
    expect(sim.dispatcher.subscribers('friend', BOB)).toEqual([ALICE])
    const result = sim.dispatcher.dispatch('friend', ALICE, 'PRESENCE_UPDATE', { user: { id: ALICE } })
    expect(result.delivered).toEqual([b.sessionId])
    expect(sim.dispatcher.dispatch('friend', BOB, 'X', {}).delivered).toEqual([a.sessionId])
  })

  it('friend links survive the sessions coming and going', () => {
    const sim = createSimulation()
    sim.world.createUser({ id: ALICE, username: 'alice' })
    sim.world.createUser({ id: BOB, username: 'bob' })
    sim.world.addFriendship(ALICE, BOB)
    const a = sim.gateway.identify({ userId: ALICE })
    sim.gateway.invalidate(a.sessionId)
    expect(sim.dispatcher.subscribers('friend', ALICE)).toEqual([BOB])
    const b = sim.gateway.identify({ userId: BOB })
    expect(sim.dispatcher.dispatch('friend', ALICE, 'X', {}).delivered).toEqual([b.sessionId])
  })
})
