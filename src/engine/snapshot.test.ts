import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createSimulation, restoreSimulation, type Simulation } from './simulation.ts'
import { ALICE, BOB, CAROL, DAVE, fixtureF, G, GENERAL } from './testing/fixtures.ts'
import { GUILDS, startHistory } from './testing/histories.ts'

type Step = (sim: Simulation) => void

/** Calls that touch every part a snapshot holds: frames, seqs, lists, links, the window, ids. */
const steps: fc.Arbitrary<Step>[] = [
  fc
    .constantFrom(ALICE, BOB, CAROL)
    .map((u) => (sim: Simulation) => void sim.actions.sendMessage(GENERAL, u, 'hi')),
  fc.constant((sim: Simulation) => void sim.gateway.identify({ userId: DAVE })),
  fc.constant((sim: Simulation) => {
    const s = sim.states.all().find((x) => x.status === 'connected')
    if (s) sim.gateway.disconnect(s.sessionId)
  }),
  fc.constant((sim: Simulation) => {
    const s = sim.states.all().find((x) => x.status === 'disconnected')
    if (s) sim.gateway.resume(s.sessionId, Math.max(0, s.seq - 1))
  }),
  fc.constant((sim: Simulation) => sim.clock.advance(40_000)),
  fc.constant((sim: Simulation) => {
    if (!sim.world.member(G, DAVE)) sim.actions.joinGuild(G, DAVE)
    else sim.actions.leaveGuild(G, DAVE)
  }),
  fc.constant((sim: Simulation) => {
    if (!sim.world.user(DAVE) || sim.dispatcher.subscribers('friend', DAVE).includes(CAROL)) return
    sim.actions.addFriend(DAVE, CAROL)
  }),
  fc.constant((sim: Simulation) => void sim.actions.createRole(G, { name: 'r', hoist: true })),
  fc.constant((sim: Simulation) => void sim.actions.openDm(ALICE, DAVE)),
  fc.nat(20).map((start) => (sim: Simulation) => {
    const s = sim.states
      .all()
      .find((x) => x.status === 'connected' && sim.world.member(G, x.userId))
    if (s) sim.gateway.requestMemberList(s.sessionId, G, { [GENERAL]: [[start, start + 5]] })
  }),
  fc.constantFrom('online', 'idle', 'offline').map((status) => (sim: Simulation) => {
    const s = sim.states.all().find((x) => x.status === 'connected')
    if (s) sim.gateway.updatePresence(s.sessionId, { status: status as 'online' })
  }),
]

const everything = (sim: Simulation) =>
  JSON.stringify({
    sessions: sim.states.all().map((s) => [s.sessionId, s.status, s.seq, s.frames]),
    guild: sim.dispatcher.subscribers('guild', G),
    channel: sim.dispatcher.subscribers('channel', GENERAL),
    friends: sim.dispatcher.subscribers('friend', DAVE),
    lists: sim.dispatcher.subscribers('lazy_guild', G),
    now: sim.clock.now(),
    users: sim.world.users(),
    channels: sim.world.channels(),
  })

describe('snapshot and restoreSimulation', () => {
  it('a restored simulation behaves exactly as the original from that point on', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(...steps)), fc.array(fc.oneof(...steps)), (before, after) => {
        const { sim } = fixtureF()
        for (const step of before) step(sim)
        const snapshot = sim.snapshot()
        const copy = restoreSimulation(snapshot)
        expect(everything(copy)).toBe(everything(sim))
        for (const step of after) {
          step(sim)
          step(copy)
        }
        expect(everything(copy)).toBe(everything(sim))
        // Ids and session ids continue identically.
        expect(copy.gateway.identify({ userId: BOB }).sessionId).toBe(
          sim.gateway.identify({ userId: BOB }).sessionId,
        )
        expect(copy.world.createUser({ username: 'x' }).id).toBe(
          sim.world.createUser({ username: 'x' }).id,
        )
      }),
      { numRuns: 60 },
    )
  }, 60_000)

  it('is immutable and unaffected by what the original does next', () => {
    const { sim, A } = fixtureF()
    const snapshot = sim.snapshot()
    expect(Object.isFrozen(snapshot)).toBe(true)
    const frames = A.frames.length
    sim.actions.sendMessage(GENERAL, BOB, 'later')
    const copy = restoreSimulation(snapshot)
    expect(copy.states.fetchRaw(A.sessionId)?.frames.length).toBe(frames)
  })

  it('closing a session after a restore reports its unsubscribes in the original order (§10)', () => {
    // alice in two guilds: subscribe-all gives her session guild, channel, guild, channel topics; a
    // restore used to put back every guild topic first, so closing it interleaved them differently.
    const sim = createSimulation()
    sim.world.createUser({ id: ALICE, username: 'alice' })
    sim.world.createGuild({ id: G, name: 'one', ownerId: ALICE })
    sim.world.createGuild({ id: '16777216', name: 'two', ownerId: ALICE })
    sim.world.createChannel({ id: GENERAL, guildId: G })
    sim.world.createChannel({ id: '200', guildId: '16777216' })
    const session = sim.gateway.identify({ userId: ALICE })
    sim.dispatcher.unsub('guild', G, session.sessionId) // a swap in its reverse index
    sim.dispatcher.sub('guild', G, session.sessionId)
    const restored = restoreSimulation(sim.snapshot())
    const unsubscribes = (s: Simulation) => {
      const seen: string[] = []
      s.inspect((e) => {
        if (e.type === 'unsubscribe') seen.push(`${e.backend}:${e.key}`)
      })
      s.gateway.invalidate(session.sessionId)
      return seen
    }
    const expected = unsubscribes(sim)
    expect(expected).toHaveLength(4)
    expect(unsubscribes(restored)).toEqual(expected)
  })

  it('closing a session after a restore lets go of its member lists in the original order (§10)', () => {
    const { sim, state } = startHistory()
    const [first, second] = state.sessions as [string, string]
    sim.gateway.requestMemberList(first, GUILDS[0]!, { '100': [[0, 9]] })
    // The second session asks the other guild first: a restore used to put back its lists guild by guild.
    sim.gateway.requestMemberList(second, GUILDS[1]!, { '200': [[0, 9]] })
    sim.gateway.requestMemberList(second, GUILDS[0]!, { '100': [[0, 9]] })
    const restored = restoreSimulation(sim.snapshot())
    const released = (s: Simulation) => {
      const seen: string[] = []
      s.inspect((e) => {
        if (e.type === 'unsubscribe' && e.backend === 'lazy_guild') seen.push(e.key)
      })
      s.gateway.invalidate(second)
      return seen
    }
    const expected = released(sim)
    expect(expected).toEqual([`${GUILDS[1]}:everyone`, `${GUILDS[0]}:everyone`])
    expect(released(restored)).toEqual(expected)
  })

  it('refuses a snapshot whose recorded subscription order does not match the subscriptions', () => {
    const { sim, A } = fixtureF()
    sim.dispatcher.unsub('guild', G, A.sessionId)
    sim.dispatcher.sub('guild', G, A.sessionId) // A's reverse index: channels first, then the guild
    const good = JSON.parse(JSON.stringify(sim.snapshot())) as { slotOrder: [string, number[]][] }
    const [id, order] = good.slotOrder.find(([s]) => s === A.sessionId)!
    expect(order.length).toBeGreaterThan(1)
    const edits: [string, number[]][][] = [
      [[id, order.slice(1)]],
      [[id, [order[0]!, ...order.slice(0, -1)]]],
      [[id, [...order.slice(0, -1), 999]]],
      [
        [id, order],
        [id, order],
      ],
    ]
    for (const slotOrder of edits) {
      expect(() => restoreSimulation({ ...good, slotOrder } as never)).toThrow(
        expect.objectContaining({ code: 'INVALID_SNAPSHOT' }),
      )
    }
    expect(() => restoreSimulation(good as never)).not.toThrow()
  })

  it('refuses what is not a snapshot', () => {
    expect(() => restoreSimulation({} as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_SNAPSHOT' }),
    )
  })

  it('a snapshot keeps the resume buffer as the frames received, not new copies, and restores it exactly', () => {
    // A checkpoint of 1,000 sessions built up to 250 new frames each: garbage for the page to collect.
    const sim = createSimulation({ resumeBufferSize: 3 })
    sim.world.createUser({ id: ALICE, username: 'alice' })
    sim.world.createGuild({ id: G, name: 'one', ownerId: ALICE })
    sim.world.createChannel({ id: GENERAL, guildId: G })
    const { sessionId } = sim.gateway.identify({ userId: ALICE })
    for (let i = 0; i < 5; i++) sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { i })
    const ringOf = (snapshot: ReturnType<Simulation['snapshot']>) =>
      snapshot.sessions.find((x) => x.sessionId === sessionId)!
    const shared = ringOf(sim.snapshot())
    expect(shared.ring.map((f) => f.s)).toEqual([shared.seq - 2, shared.seq - 1, shared.seq])
    expect(shared.ring.every((f) => shared.received.includes(f))).toBe(true)
    // After a replay the end of what was received holds copies: the buffer is built, and equal.
    sim.gateway.disconnect(sessionId)
    sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { i: 5 })
    sim.gateway.resume(sessionId, shared.seq - 1)
    const replayed = ringOf(sim.snapshot())
    const restored = ringOf(restoreSimulation(sim.snapshot()).snapshot())
    expect(replayed.ring.map((f) => f.s)).toEqual([
      replayed.seq - 2,
      replayed.seq - 1,
      replayed.seq,
    ])
    expect(restored.ring).toEqual(replayed.ring)
    expect(restored.received).toEqual(replayed.received)
  })
})
