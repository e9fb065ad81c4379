import { describe, expect, it } from 'vitest'
import { createSimulation } from './simulation.ts'
import { Intents } from './gateway/intents.ts'
import { addUsers, ALICE, BOB, CAROL, fixtureF, G, lastFrame, SECRET } from './testing/fixtures.ts'

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
    const result = sim.dispatcher.dispatch('friend', ALICE, 'PRESENCE_UPDATE', {
      user: { id: ALICE },
    })
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

describe('fan-out rules (semantics §1, §4, §5)', () => {
  it('names the first failing check: filter, then shard, intents, permission, then the send', () => {
    const f = fixtureF()
    const { sim } = f
    // SECRET is readable by alice only; G is served by shard 1 of 2.
    const filtered = sim.gateway.identify({ userId: CAROL, shard: [0, 2], intents: 0 })
    const wrongShard = sim.gateway.identify({ userId: CAROL, shard: [0, 2], intents: 0 })
    const noIntent = sim.gateway.identify({ userId: CAROL, shard: [1, 2], intents: Intents.GUILDS })
    const cannotView = sim.gateway.identify({ userId: CAROL, shard: [1, 2] })
    const failing = sim.gateway.identify({ userId: ALICE, shard: [1, 2] })
    const fine = sim.gateway.identify({ userId: ALICE, shard: [1, 2] })
    for (const s of [filtered, wrongShard, noIntent, cannotView])
      sim.dispatcher.sub('channel', SECRET, s.sessionId)
    sim.gateway.failSocket(cannotView.sessionId, true)
    sim.gateway.failSocket(failing.sessionId, true)
    const seqBefore = cannotView.seq
    const result = sim.dispatcher.dispatchFilter(
      'channel',
      SECRET,
      (id) => id !== filtered.sessionId,
      'MESSAGE_CREATE',
      { channel_id: SECRET, guild_id: G },
    )
    const reasonOf = (id: string) => result.skipped.find((s) => s.sessionId === id)?.reason
    expect(reasonOf(filtered.sessionId)).toBe('filter')
    expect(reasonOf(wrongShard.sessionId)).toBe('shard')
    expect(reasonOf(noIntent.sessionId)).toBe('intents')
    expect(reasonOf(cannotView.sessionId)).toBe('permission')
    expect(reasonOf(failing.sessionId)).toBe('send-failed')
    expect(result.delivered).toEqual([f.A.sessionId, fine.sessionId])
    expect(cannotView.seq).toBe(seqBefore) // a skip sends nothing: only a failed send counts the seq
  })

  it('keeps a frame whose send failed in the resume buffer, so a resume replays it', () => {
    const f = fixtureF()
    const before = f.A.seq
    f.sim.gateway.failSocket(f.A.sessionId, true)
    f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { id: G, name: 'lost on the wire' })
    f.sim.gateway.failSocket(f.A.sessionId, false)
    f.sim.gateway.disconnect(f.A.sessionId)
    const r = f.sim.gateway.resume(f.A.sessionId, before)
    expect(r.resumed && r.replayed.map((x) => [x.t, x.s, x.d])).toEqual([
      ['GUILD_UPDATE', before + 1, { id: G, name: 'lost on the wire' }],
    ])
  })

  it('delivers in subscription order, not id or IDENTIFY order: a re-subscribed session comes last', () => {
    const f = fixtureF()
    f.sim.dispatcher.unsub('guild', G, f.A.sessionId)
    f.sim.dispatcher.unsub('guild', G, f.B1.sessionId)
    f.sim.dispatcher.sub('guild', G, f.A.sessionId)
    f.sim.dispatcher.sub('guild', G, f.B1.sessionId)
    const result = f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', {})
    expect(result.delivered).toEqual([f.B2.sessionId, f.C.sessionId, f.A.sessionId, f.B1.sessionId])
  })

  it('serves a real snowflake beyond 2^53 by the exact BigInt formula (gateway-facts §4: shard 6 of 16)', () => {
    const big = '41771983423143937'
    const sim = createSimulation()
    addUsers(sim, ALICE)
    sim.world.createGuild({ id: big, name: 'big', ownerId: ALICE })
    const sessions = Array.from({ length: 16 }, (_, i) =>
      sim.gateway.identify({ userId: ALICE, shard: [i, 16], presence: { status: 'offline' } }),
    )
    const six = sessions[6]!.sessionId
    expect(sim.dispatcher.subscribers('guild', big)).toEqual([six])
    expect(sim.states.fetchStates(ALICE, big).map((s) => s.sessionId)).toEqual([six])
    const member = sim.dispatcher.dispatch('member', [big, ALICE], 'GUILD_UPDATE', {})
    expect(member.delivered).toEqual([six])
    expect(member.skipped).toHaveLength(15)
    expect(member.skipped.every((s) => s.reason === 'shard')).toBe(true)
  })

  it('records exactly { op: 0, t, s, d } per dispatch frame, s following the session seq', () => {
    const f = fixtureF()
    const s = f.C.seq
    f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { id: G })
    expect(lastFrame(f.C)).toStrictEqual({ op: 0, t: 'GUILD_UPDATE', s: s + 1, d: { id: G } })
    expect(f.C.seq).toBe(s + 1)
  })

  it('reports the same result and payload to the inspection stream as it returns', () => {
    const f = fixtureF()
    const seen: unknown[] = []
    f.sim.inspect((e) => {
      if (e.type === 'dispatch') seen.push([e.backend, e.key, e.eventType, e.payload, e.result])
    })
    const result = f.sim.dispatcher.dispatch('guild', G, 'MESSAGE_REACTION_ADD', { guild_id: G })
    expect(seen).toEqual([['guild', G, 'MESSAGE_REACTION_ADD', { guild_id: G }, result]])
    expect(result.skipped).toEqual([{ sessionId: f.B1.sessionId, reason: 'intents' }])
  })

  it('friend: reaches a friend on any shard, whatever its intents', () => {
    const sim = createSimulation()
    addUsers(sim, ALICE, BOB)
    sim.world.addFriendship(ALICE, BOB)
    const b0 = sim.gateway.identify({ userId: BOB, shard: [0, 2], intents: 0 })
    const b1 = sim.gateway.identify({ userId: BOB, shard: [1, 2], intents: 0 })
    const result = sim.dispatcher.dispatch('friend', ALICE, 'PRESENCE_UPDATE', {
      user: { id: ALICE },
    })
    expect(result.delivered).toEqual([b0.sessionId, b1.sessionId])
    expect(result.skipped).toEqual([])
  })
})

describe('friend links (semantics §5, §10)', () => {
  it('link both ways when only one side identifies, and unlink both ways whichever side ends it', () => {
    const sim = createSimulation()
    addUsers(sim, ALICE, BOB, CAROL)
    sim.world.addFriendship(ALICE, BOB)
    sim.world.addFriendship(CAROL, BOB)
    const a = sim.gateway.identify({ userId: ALICE })
    expect(sim.dispatcher.subscribers('friend', ALICE)).toEqual([BOB])
    expect(sim.dispatcher.subscribers('friend', BOB)).toEqual([ALICE])
    expect(sim.dispatcher.dispatch('friend', BOB, 'X', {}).delivered).toEqual([a.sessionId])
    sim.gateway.identify({ userId: CAROL })
    sim.actions.removeFriend(ALICE, BOB)
    expect(sim.dispatcher.subscribers('friend', ALICE)).toEqual([])
    expect(sim.dispatcher.subscribers('friend', BOB)).toEqual([CAROL])
    sim.actions.removeFriend(BOB, CAROL)
    expect(sim.dispatcher.subscribers('friend', BOB)).toEqual([])
    expect(sim.dispatcher.subscribers('friend', CAROL)).toEqual([])
  })
})
