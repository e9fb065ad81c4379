import { describe, expect, it } from 'vitest'
import { GatewayCloseError } from '../errors.ts'
import { createSimulation } from '../simulation.ts'
import { ALICE, BOB, fixtureF, G, GENERAL, lastFrame, SECRET } from '../testing/fixtures.ts'
import type { Frame } from '../types.ts'
import { Intents } from './intents.ts'

function closeCode(fn: () => unknown): number {
  try {
    fn()
  } catch (error) {
    if (error instanceof GatewayCloseError) return error.code
    throw error
  }
  throw new Error('expected a GatewayCloseError')
}

function world() {
  const sim = createSimulation()
  sim.world.createUser({ id: ALICE, username: 'alice' })
  sim.world.createUser({ id: BOB, username: 'bob' })
  sim.world.createGuild({ id: G, name: 'G', ownerId: ALICE })
  sim.world.addMember(G, BOB)
  sim.world.createChannel({ id: GENERAL, guildId: G, name: 'general' })
  return sim
}

describe('gateway.identify', () => {
  it('sends READY first (op 0, s = 1) with the guilds as unavailable stubs, then GUILD_CREATE', () => {
    const sim = world()
    const a = sim.gateway.identify({ userId: ALICE })
    const [ready, guildCreate] = a.frames as [Frame, Frame]
    expect(ready).toMatchObject({ op: 0, t: 'READY', s: 1 })
    expect(ready.d).toMatchObject({
      v: 10,
      user: { id: ALICE, username: 'alice' },
      session_id: a.sessionId,
      shard: [0, 1],
      guilds: [{ id: G, unavailable: true }],
      private_channels: [],
      relationships: [],
    })
    expect(guildCreate).toMatchObject({ op: 0, t: 'GUILD_CREATE', s: 2, d: { id: G, name: 'G' } })
  })

  it('sends no GUILD_CREATE to a session without GUILDS', () => {
    const sim = world()
    const a = sim.gateway.identify({ userId: ALICE, intents: Intents.GUILD_MESSAGES })
    expect(a.frames.map((f) => f.t)).toEqual(['READY'])
  })

  it('serves only the guilds of its shard (guild 5 << 22 is on shard 1 of 2)', () => {
    const sim = world()
    const s0 = sim.gateway.identify({ userId: ALICE, shard: [0, 2] })
    const s1 = sim.gateway.identify({ userId: ALICE, shard: [1, 2] })
    expect((s0.frames[0]?.d as { guilds: unknown[] }).guilds).toEqual([])
    expect((s1.frames[0]?.d as { guilds: unknown[] }).guilds).toEqual([
      { id: G, unavailable: true },
    ])
    expect(sim.dispatcher.subscribers('guild', G)).toEqual([s1.sessionId])
    expect(sim.dispatcher.subscribers('channel', GENERAL)).toEqual([s1.sessionId])
  })

  it('GUILD_CREATE carries the own member and at most large_threshold members, lowest ids first', () => {
    const sim = createSimulation()
    const owner = sim.world.createUser({ id: '5000', username: 'owner' })
    sim.world.createGuild({ id: G, name: 'G', ownerId: owner.id })
    for (let i = 1; i <= 120; i++) {
      sim.world.createUser({ id: String(1000 + i), username: `u${i}` })
      sim.world.addMember(G, String(1000 + i))
    }
    const s = sim.gateway.identify({ userId: owner.id, presence: { status: 'offline' } })
    const d = s.frames[1]?.d as {
      members: { user: { id: string } }[]
      large: boolean
      member_count: number
    }
    expect(d.large).toBe(true)
    expect(d.member_count).toBe(121)
    expect(d.members).toHaveLength(50)
    expect(d.members[0]?.user.id).toBe('5000')
    expect(d.members.slice(1).map((m) => m.user.id)).toEqual(
      Array.from({ length: 49 }, (_, i) => String(1001 + i)),
    )
  })

  it('includes presences only for sessions with GUILD_PRESENCES', () => {
    const sim = world()
    sim.gateway.identify({ userId: BOB })
    const with_ = sim.gateway.identify({ userId: ALICE })
    const without = sim.gateway.identify({ userId: ALICE, intents: Intents.GUILDS })
    const presences = (s: typeof with_) =>
      (s.frames[1]?.d as { presences: { user: { id: string } }[] }).presences.map((p) => p.user.id)
    expect(presences(with_)).toEqual([ALICE, BOB])
    expect(presences(without)).toEqual([])
  })

  it('subscribes DMs only on shard 0', () => {
    const sim = world()
    const dm = sim.world.createChannel({ type: 1, recipients: [ALICE, BOB] })
    const s0 = sim.gateway.identify({ userId: ALICE, shard: [0, 2] })
    sim.gateway.identify({ userId: ALICE, shard: [1, 2] })
    expect(sim.dispatcher.subscribers('channel', dm.id)).toEqual([s0.sessionId])
    expect(
      (s0.frames[0]?.d as { private_channels: { id: string }[] }).private_channels[0]?.id,
    ).toBe(dm.id)
  })

  it('subscribes readable text channels only', () => {
    const f = fixtureF()
    expect(f.sim.dispatcher.subscribers('channel', SECRET)).toEqual([f.A.sessionId])
    expect(f.sim.dispatcher.subscribers('channel', GENERAL)).toHaveLength(4)
  })

  it.each([
    ['an unknown user', { userId: '999' }, 4004],
    ['a malformed user id', { userId: 'alice' }, 4004],
    ['shard id ≥ count', { userId: ALICE, shard: [2, 2] }, 4010],
    ['shard count 0', { userId: ALICE, shard: [0, 0] }, 4010],
    ['a negative shard', { userId: ALICE, shard: [-1, 2] }, 4010],
    ['a fractional shard', { userId: ALICE, shard: [0.5, 2] }, 4010],
    ['negative intents', { userId: ALICE, intents: -1 }, 4013],
    ['fractional intents', { userId: ALICE, intents: 1.5 }, 4013],
    [
      'a user-account-only intent (PRIVATE_CHANNELS, 1 << 18)',
      { userId: ALICE, intents: 1 << 18 },
      4013,
    ],
    ['intents beyond 31 bits (2^32 + GUILDS)', { userId: ALICE, intents: 2 ** 32 + 1 }, 4013],
    ['intents that are not a number', { userId: ALICE, intents: '1' }, 4013],
    ['a shard count that is not an integer', { userId: ALICE, shard: [0, 1.5] }, 4010],
    ['a shard that is not a pair', { userId: ALICE, shard: [0] }, 4010],
    ['an unknown presence status', { userId: ALICE, presence: { status: 'away' } }, 4001],
  ])('refuses %s with its close code and creates nothing', (_name, input, code) => {
    const sim = world()
    expect(closeCode(() => sim.gateway.identify(input as never))).toBe(code)
    expect(sim.states.all()).toEqual([])
    expect(sim.dispatcher.subscribers('guild', G)).toEqual([])
  })
})

describe('resume', () => {
  it('replays every frame after seq, in order, with its original s, then RESUMED (example 8)', () => {
    const sim = world()
    const a = sim.gateway.identify({ userId: ALICE, presence: { status: 'offline' } })
    const base = a.seq
    for (const t of [
      'MESSAGE_CREATE',
      'PRESENCE_UPDATE',
      'TYPING_START',
      'MESSAGE_UPDATE',
      'PRESENCE_UPDATE',
    ]) {
      sim.dispatcher.dispatch('user', ALICE, t, {})
    }
    sim.gateway.disconnect(a.sessionId)
    const buffered = sim.dispatcher.dispatch('user', ALICE, 'MESSAGE_DELETE', {})
    expect(buffered.buffered).toEqual([a.sessionId])
    const framesBefore = a.frames.length
    const result = sim.gateway.resume(a.sessionId, base + 3)
    expect(result.resumed).toBe(true)
    if (!result.resumed) return
    expect(result.replayed.map((f) => [f.t, f.s])).toEqual([
      ['MESSAGE_UPDATE', base + 4],
      ['PRESENCE_UPDATE', base + 5],
      ['MESSAGE_DELETE', base + 6],
    ])
    expect(a.frames.slice(framesBefore).map((f) => [f.t, f.s])).toEqual([
      ['MESSAGE_UPDATE', base + 4],
      ['PRESENCE_UPDATE', base + 5],
      ['MESSAGE_DELETE', base + 6],
      ['RESUMED', base + 7],
    ])
    expect(a.status).toBe('connected')
  })

  it('resuming at the last seq replays nothing but RESUMED', () => {
    const sim = world()
    const a = sim.gateway.identify({ userId: ALICE })
    sim.gateway.disconnect(a.sessionId)
    const r = sim.gateway.resume(a.sessionId, a.seq)
    expect(r.resumed && r.replayed).toEqual([])
    expect(lastFrame(a).t).toBe('RESUMED')
  })

  it('closes with 4007 when seq is from the future, and the session stays disconnected', () => {
    const sim = world()
    const a = sim.gateway.identify({ userId: ALICE })
    sim.gateway.disconnect(a.sessionId)
    expect(closeCode(() => sim.gateway.resume(a.sessionId, a.seq + 1))).toBe(4007)
    expect(a.status).toBe('disconnected')
  })

  it('answers INVALID_SESSION for unknown, closed and still-connected sessions', () => {
    const sim = world()
    const a = sim.gateway.identify({ userId: ALICE })
    expect(sim.gateway.resume('nope', 0)).toEqual({ resumed: false, reason: 'unknown-session' })
    const framesBefore = a.frames.length
    expect(sim.gateway.resume(a.sessionId, 0)).toEqual({
      resumed: false,
      reason: 'still-connected',
    })
    expect(a.frames.length).toBe(framesBefore)
    sim.gateway.invalidate(a.sessionId)
    expect(sim.gateway.resume(a.sessionId, 0)).toEqual({ resumed: false, reason: 'closed' })
  })

  it('closes a session whose missed frames left the buffer (events-lost), with op 9 d:false', () => {
    const sim = createSimulation({ resumeBufferSize: 5 })
    sim.world.createUser({ id: ALICE, username: 'alice' })
    const a = sim.gateway.identify({ userId: ALICE })
    const seenUpTo = a.seq
    sim.gateway.disconnect(a.sessionId)
    for (let i = 0; i < 6; i++) sim.dispatcher.dispatch('user', ALICE, 'X', {})
    expect(sim.gateway.resume(a.sessionId, seenUpTo)).toEqual({
      resumed: false,
      reason: 'events-lost',
    })
    expect(lastFrame(a)).toEqual({ op: 9, t: null, s: null, d: false })
    expect(a.status).toBe('closed')
    expect(sim.states.fetchRaw(a.sessionId)).toBeUndefined()
  })

  it('still resumes when the oldest missed frame is exactly the oldest kept', () => {
    const sim = createSimulation({ resumeBufferSize: 5 })
    sim.world.createUser({ id: ALICE, username: 'alice' })
    const a = sim.gateway.identify({ userId: ALICE })
    const seenUpTo = a.seq
    sim.gateway.disconnect(a.sessionId)
    for (let i = 0; i < 5; i++) sim.dispatcher.dispatch('user', ALICE, 'X', {})
    const r = sim.gateway.resume(a.sessionId, seenUpTo)
    expect(r.resumed && r.replayed.length).toBe(5)
  })

  it('refuses a seq that is not an integer ≥ 0', () => {
    const sim = world()
    const a = sim.gateway.identify({ userId: ALICE })
    sim.gateway.disconnect(a.sessionId)
    expect(() => sim.gateway.resume(a.sessionId, -1)).toThrow(
      expect.objectContaining({ code: 'INVALID_SEQ' }),
    )
  })
})

describe('disconnect and the resume window', () => {
  it('keeps subscriptions and buffers guild and channel events (litecord-notes example 7, bug 9)', () => {
    const f = fixtureF()
    f.sim.gateway.disconnect(f.B2.sessionId)
    const guild = f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', {})
    const typing = f.sim.dispatcher.dispatch('channel', GENERAL, 'TYPING_START', { guild_id: G })
    expect(guild.buffered).toEqual([f.B2.sessionId])
    expect(typing.buffered).toEqual([f.B2.sessionId])
    const r = f.sim.gateway.resume(f.B2.sessionId, f.B2.seq - 2)
    expect(r.resumed && r.replayed.map((x) => x.t)).toEqual(['GUILD_UPDATE', 'TYPING_START'])
    expect(f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', {}).delivered).toContain(
      f.B2.sessionId,
    )
  })

  it('closes a session when disconnect time + window ≤ now, removing it from every list', () => {
    const f = fixtureF({ resumeWindowMs: 1000 })
    f.sim.gateway.disconnect(f.A.sessionId)
    f.sim.clock.advance(999)
    expect(f.A.status).toBe('disconnected')
    f.sim.clock.advance(1)
    expect(f.A.status).toBe('closed')
    expect(f.sim.states.fetchRaw(f.A.sessionId)).toBeUndefined()
    expect(f.sim.states.userStates(ALICE)).toEqual([])
    expect(f.sim.dispatcher.subscribers('guild', G)).not.toContain(f.A.sessionId)
    expect(f.sim.dispatcher.subscribers('channel', SECRET)).toEqual([])
    expect(f.sim.gateway.resume(f.A.sessionId, 0)).toEqual({ resumed: false, reason: 'closed' })
  })

  it('a resume within the window stops the countdown', () => {
    const f = fixtureF({ resumeWindowMs: 1000 })
    f.sim.gateway.disconnect(f.A.sessionId)
    f.sim.clock.advance(500)
    f.sim.gateway.resume(f.A.sessionId, f.A.seq)
    f.sim.clock.advance(5000)
    expect(f.A.status).toBe('connected')
  })

  it('refuses to disconnect a session twice, and unknown or closed sessions', () => {
    const f = fixtureF()
    f.sim.gateway.disconnect(f.A.sessionId)
    expect(() => f.sim.gateway.disconnect(f.A.sessionId)).toThrow(
      expect.objectContaining({ code: 'NOT_CONNECTED' }),
    )
    expect(() => f.sim.gateway.disconnect('nope')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_SESSION' }),
    )
    f.sim.gateway.invalidate(f.A.sessionId)
    expect(() => f.sim.gateway.disconnect(f.A.sessionId)).toThrow(
      expect.objectContaining({ code: 'SESSION_CLOSED' }),
    )
  })

  it('invalidate sends op 9 d:false to a connected session and closes it at once', () => {
    const f = fixtureF()
    f.sim.gateway.invalidate(f.C.sessionId)
    expect(lastFrame(f.C)).toEqual({ op: 9, t: null, s: null, d: false })
    expect(f.C.status).toBe('closed')
  })

  it('clock.advance refuses negative or non-finite time', () => {
    const f = fixtureF()
    expect(() => f.sim.clock.advance(-1)).toThrow(expect.objectContaining({ code: 'INVALID_TIME' }))
    expect(() => f.sim.clock.advance(Infinity)).toThrow(
      expect.objectContaining({ code: 'INVALID_TIME' }),
    )
  })
})

describe('StateManager', () => {
  it('finds sessions by id, by user, and by guild shard', () => {
    const sim = world()
    const s0 = sim.gateway.identify({ userId: BOB, shard: [0, 2] })
    const s1 = sim.gateway.identify({ userId: BOB, shard: [1, 2] })
    expect(sim.states.fetchRaw(s0.sessionId)).toBe(s0)
    expect(sim.states.userStates(BOB)).toEqual([s0, s1])
    expect(sim.states.userStates(20n)).toEqual([s0, s1])
    expect(sim.states.fetchStates(BOB, G)).toEqual([s1])
    expect(sim.states.all()).toEqual([s0, s1])
    expect(sim.states.count()).toBe(2)
    sim.gateway.invalidate(s0.sessionId)
    expect(sim.states.count()).toBe(1)
    expect(sim.states.all()).toEqual([s1])
  })

  it('hands out live views', () => {
    const sim = world()
    const a = sim.gateway.identify({ userId: ALICE })
    const seq = a.seq
    sim.dispatcher.dispatch('user', ALICE, 'X', {})
    expect(a.seq).toBe(seq + 1)
    expect(a.frames.at(-1)?.t).toBe('X')
    expect(Object.isFrozen(a.frames)).toBe(true)
  })
})

describe('GatewayState.socketFailing', () => {
  it('shows fault injection on the live view', () => {
    const sim = world()
    const a = sim.gateway.identify({ userId: ALICE })
    expect(a.socketFailing).toBe(false)
    sim.gateway.failSocket(a.sessionId, true)
    expect(a.socketFailing).toBe(true)
    sim.gateway.failSocket(a.sessionId, false)
    expect(a.socketFailing).toBe(false)
  })
})
