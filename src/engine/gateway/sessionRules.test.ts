import { afterEach, describe, expect, it, vi } from 'vitest'
import { Topic, TopicTable } from '../backends/topics.ts'
import { createSimulation } from '../simulation.ts'
import {
  addUsers,
  ALICE,
  BOB,
  CAROL,
  fixtureF,
  G,
  GENERAL,
  lastFrame,
  SECRET,
} from '../testing/fixtures.ts'
import { closeCode } from '../testing/refusal.ts'
import type { Frame, GatewayState } from '../types.ts'
import { Intents } from './intents.ts'

/** Rules of docs/design/semantics.md §3 and §10 "Time" beyond gateway.test.ts. */

const G2 = '16777216' // 4 << 22: shard 0 of 2 (G is shard 1 of 2)

const ready = (s: GatewayState) =>
  s.frames[0]?.d as { private_channels: { id: string }[]; relationships: unknown[] }

describe('IDENTIFY (semantics §3)', () => {
  it('lists DMs and group DMs in READY on shard 0 only, and the friends as relationships of type 1', () => {
    const sim = createSimulation()
    addUsers(sim, ALICE, BOB, CAROL)
    const dm = sim.world.createChannel({ type: 1, recipients: [ALICE, BOB] })
    const group = sim.world.createChannel({ type: 3, recipients: [ALICE, BOB, CAROL] })
    sim.world.addFriendship(ALICE, CAROL)
    const s0 = sim.gateway.identify({ userId: ALICE, shard: [0, 2] })
    const s1 = sim.gateway.identify({ userId: ALICE, shard: [1, 2] })
    expect(ready(s0).private_channels.map((c) => c.id)).toEqual([dm.id, group.id])
    expect(ready(s1).private_channels).toEqual([])
    for (const s of [s0, s1]) {
      expect(ready(s).relationships).toEqual([
        { id: CAROL, type: 1, user: expect.objectContaining({ id: CAROL }) },
      ])
    }
    expect(sim.dispatcher.subscribers('channel', group.id)).toEqual([s0.sessionId])
    expect(sim.dispatcher.dispatch('channel', group.id, 'MESSAGE_CREATE', {}).delivered).toEqual([
      s0.sessionId,
    ])
  })

  it('sends one GUILD_CREATE per served guild, in join order, and none for guilds of other shards', () => {
    const sim = createSimulation()
    addUsers(sim, ALICE)
    for (const id of [G, G2, '29360128' /* 7 << 22: shard 1 */]) {
      sim.world.createGuild({ id, name: id, ownerId: ALICE })
    }
    const one = sim.gateway.identify({ userId: ALICE })
    const s0 = sim.gateway.identify({ userId: ALICE, shard: [0, 2] })
    const s1 = sim.gateway.identify({ userId: ALICE, shard: [1, 2] })
    const creates = (s: GatewayState) =>
      s.frames.filter((f) => f.t === 'GUILD_CREATE').map((f) => (f.d as { id: string }).id)
    expect(creates(one)).toEqual([G, G2, '29360128'])
    expect(creates(s0)).toEqual([G2])
    expect(creates(s1)).toEqual([G, '29360128'])
    expect(s1.frames.map((f) => f.t)).toEqual(['READY', 'GUILD_CREATE', 'GUILD_CREATE'])
  })

  it('takes the presence of the most recent IDENTIFY or op 3, whichever came last', () => {
    const f = fixtureF()
    const statusSeenByCarol = () => (lastFrame(f.C).d as { status: string }).status
    f.sim.gateway.updatePresence(f.B2.sessionId, { status: 'dnd' })
    expect(statusSeenByCarol()).toBe('dnd')
    f.sim.gateway.identify({ userId: BOB, presence: { status: 'idle' } })
    expect(statusSeenByCarol()).toBe('idle')
    f.sim.gateway.identify({ userId: BOB }) // the default is online
    expect(statusSeenByCarol()).toBe('online')
    const late = f.sim.gateway.identify({ userId: ALICE })
    const presences = (
      late.frames[1]?.d as { presences: { user: { id: string }; status: string }[] }
    ).presences
    expect(presences.find((p) => p.user.id === BOB)?.status).toBe('online')
  })

  it('creates nothing for a refused IDENTIFY: no session, no presence change, no frame anywhere', () => {
    const f = fixtureF()
    f.sim.gateway.invalidate(f.D.sessionId) // dave is offline now
    const frames = () => [f.A, f.B1, f.B2, f.C].map((s) => s.frames.length)
    const before = frames()
    const sessions = f.sim.states.all().length
    expect(
      closeCode(() =>
        f.sim.gateway.identify({ userId: CAROL, shard: [2, 2], presence: { status: 'dnd' } }),
      ),
    ).toBe(4010)
    expect(
      closeCode(() =>
        f.sim.gateway.identify({ userId: CAROL, intents: 1 << 30, presence: { status: 'dnd' } }),
      ),
    ).toBe(4013)
    expect(frames()).toEqual(before)
    expect(f.sim.states.all()).toHaveLength(sessions)
    // carol's presence is still online: a real change to dnd is sent, so it had not been set.
    f.sim.gateway.updatePresence(f.C.sessionId, { status: 'dnd' })
    expect(lastFrame(f.A).d).toMatchObject({ user: { id: CAROL }, status: 'dnd' })
  })
  it('draws no session id for a refused IDENTIFY: the next session ids are as if it never happened', () => {
    const ids = (refuseFirst: boolean) => {
      const sim = createSimulation({ seed: 3 })
      addUsers(sim, ALICE)
      if (refuseFirst)
        expect(closeCode(() => sim.gateway.identify({ userId: ALICE, shard: [1, 1] }))).toBe(4010)
      return [
        sim.gateway.identify({ userId: ALICE }).sessionId,
        sim.gateway.identify({ userId: ALICE }).sessionId,
      ]
    }
    expect(ids(true)).toEqual(ids(false))
  })
})

describe('GatewayState.dispatch (semantics §3)', () => {
  it('counts the seq and buffers the frame while disconnected, sending nothing until a resume', () => {
    const f = fixtureF()
    f.sim.gateway.disconnect(f.C.sessionId)
    const frames = f.C.frames.length
    const seq = f.C.seq
    f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { n: 1 })
    expect(f.C.seq).toBe(seq + 1)
    expect(f.C.frames).toHaveLength(frames)
    f.sim.gateway.resume(f.C.sessionId, seq)
    expect(f.C.frames.slice(frames).map((x: Frame) => [x.t, x.s])).toEqual([
      ['GUILD_UPDATE', seq + 1],
      ['RESUMED', seq + 2],
    ])
  })
})

describe('closing a session (semantics §3, §10)', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('closes after the default 60 s of simulation time', () => {
    const f = fixtureF()
    f.sim.gateway.disconnect(f.C.sessionId)
    f.sim.clock.advance(59_999)
    expect(f.C.status).toBe('disconnected')
    f.sim.clock.advance(1)
    expect(f.C.status).toBe('closed')
  })

  it('closes every session whose window has passed before clock.advance returns, and only those', () => {
    const f = fixtureF({ resumeWindowMs: 1000 })
    f.sim.gateway.disconnect(f.A.sessionId)
    f.sim.clock.advance(300)
    f.sim.gateway.disconnect(f.C.sessionId)
    f.sim.clock.advance(400)
    f.sim.gateway.disconnect(f.B1.sessionId)
    const statuses = () => [f.A, f.C, f.B1, f.B2].map((s) => s.status)
    f.sim.clock.advance(299)
    expect(statuses()).toEqual(['disconnected', 'disconnected', 'disconnected', 'connected'])
    f.sim.clock.advance(5000) // one step past both A's and C's and B1's deadlines
    expect(statuses()).toEqual(['closed', 'closed', 'closed', 'connected'])
    expect(f.sim.states.all().map((s) => s.sessionId)).toEqual([f.B2.sessionId, f.D.sessionId])
  })

  it('closes at the first clock move that reaches the deadline, not before', () => {
    const f = fixtureF({ resumeWindowMs: 1_000 })
    f.sim.gateway.disconnect(f.C.sessionId)
    f.sim.clock.advance(999)
    expect(f.C.status).toBe('disconnected')
    f.sim.clock.advance(1)
    expect(f.C.status).toBe('closed')
  })

  it('§10: resumeWindowMs 0 closes a disconnected session at once, never resumable', () => {
    const f = fixtureF({ resumeWindowMs: 0 })
    const seen: string[] = []
    f.sim.inspect((e) => {
      if (e.type === 'session') seen.push(`${e.change} ${e.status}`)
    })
    f.sim.gateway.disconnect(f.C.sessionId)
    expect(f.C.status).toBe('closed')
    expect(seen).toEqual(['disconnect disconnected', 'close closed'])
    expect(f.sim.gateway.resume(f.C.sessionId, f.C.seq)).toEqual({
      resumed: false,
      reason: 'closed',
    })
  })

  it('invalidate closes a disconnected session too, sending its gone socket nothing; the view shows it', () => {
    const f = fixtureF()
    f.sim.gateway.requestMemberList(f.A.sessionId, G, { [GENERAL]: [[0, 10]] })
    f.sim.gateway.disconnect(f.A.sessionId)
    const frames = f.A.frames.length
    f.sim.gateway.invalidate(f.A.sessionId)
    expect(f.A.status).toBe('closed')
    expect(f.A.frames).toHaveLength(frames)
    expect(f.sim.dispatcher.subscribers('channel', SECRET)).toEqual([])
    expect(f.sim.dispatcher.subscribers('guild', G)).not.toContain(f.A.sessionId)
    expect(f.sim.dispatcher.subscribers('lazy_guild', G)).toEqual([])
    expect(f.sim.gateway.resume(f.A.sessionId, 0)).toEqual({ resumed: false, reason: 'closed' })
  })

  it('costs O(its own subscriptions): closing a session touches none of the 3,000 topics it is not in', () => {
    const sim = createSimulation()
    addUsers(sim, ALICE, BOB)
    sim.world.createGuild({ id: G, name: 'big', ownerId: ALICE })
    for (let i = 0; i < 3000; i++) sim.world.createChannel({ guildId: G, name: `c${i}` })
    sim.world.createGuild({ id: G2, name: 'small', ownerId: BOB })
    const own = sim.world.createChannel({ guildId: G2, name: 'own' })
    sim.gateway.identify({ userId: ALICE, presence: { status: 'offline' } })
    const bob = sim.gateway.identify({
      userId: BOB,
      presence: { status: 'offline' },
      intents: Intents.GUILDS,
    })
    expect(sim.dispatcher.topics('channel')).toHaveLength(3001)

    let calls = 0
    for (const proto of [Topic.prototype, TopicTable.prototype]) {
      for (const name of Object.getOwnPropertyNames(proto)) {
        const descriptor = Object.getOwnPropertyDescriptor(proto, name)
        if (name === 'constructor' || typeof descriptor?.value !== 'function') continue
        vi.spyOn(proto as unknown as Record<string, () => unknown>, name).mockImplementation(
          function (this: unknown, ...args: unknown[]) {
            calls++
            return (descriptor.value as (...a: unknown[]) => unknown).apply(this, args)
          },
        )
      }
    }
    sim.gateway.invalidate(bob.sessionId)
    vi.restoreAllMocks()
    expect(bob.status).toBe('closed')
    expect(sim.dispatcher.subscribers('channel', own.id)).toEqual([])
    expect(calls).toBeGreaterThan(0) // the spies do see the close…
    expect(calls).toBeLessThan(20) // …and it works on bob's 2 topics, not on 3,000
  })
})
