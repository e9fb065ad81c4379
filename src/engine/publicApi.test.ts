import { describe, expect, it } from 'vitest'
import { createSimulation } from './simulation.ts'
import { fixtureF, G, GENERAL } from './testing/fixtures.ts'
import { fixtureL, L } from './testing/fixtureL.ts'

/**
 * docs/design/semantics.md §10 (review decisions): what the engine hands out is read-only. A
 * GatewayState is a live view that refuses assignment and serialises to plain JSON; the parts of a
 * Simulation expose their public methods only, frozen; described member lists are frozen copies.
 */
describe('GatewayState views', () => {
  it('refuses assignment, and the session (and its GUILD_CREATE) stay as they were', () => {
    const { sim, A } = fixtureF()
    const before = A.frames.map((f) => f.t)
    expect(() => {
      ;(A as { seq: number }).seq = 0
    }).toThrow(TypeError)
    expect(() => {
      ;(A as unknown as { frames: unknown }).frames = []
    }).toThrow(TypeError)
    expect(() => {
      ;(A as unknown as { extra: number }).extra = 1
    }).toThrow(TypeError)
    expect(A.frames.map((f) => f.t)).toEqual(before)
    sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { id: G })
    expect(A.frames.at(-1)).toEqual({ op: 0, t: 'GUILD_UPDATE', s: A.seq, d: { id: G } })
    expect(A.frames.map((f) => f.t)).toContain('GUILD_CREATE')
  })

  it('serialises to plain JSON, all of them at once', () => {
    const { sim, A } = fixtureF()
    const json = JSON.parse(JSON.stringify(sim.states.all())) as Record<string, unknown>[]
    expect(json).toHaveLength(5)
    expect(json[0]).toEqual({
      sessionId: A.sessionId,
      userId: A.userId,
      shard: [0, 1],
      intents: A.intents,
      seq: A.seq,
      status: 'connected',
      socketFailing: false,
      frames: JSON.parse(JSON.stringify(A.frames)),
    })
  })

  it('is one object per session, so listing 1,000 sessions again allocates no new views', () => {
    const sim = createSimulation()
    sim.world.createUser({ id: '1', username: 'a' })
    for (let i = 0; i < 1_000; i++) sim.gateway.identify({ userId: '1', intents: 0 })
    const first = sim.states.all()
    const second = sim.states.all()
    expect(second.every((s, i) => s === first[i])).toBe(true)
    expect(sim.states.fetchRaw(first[7]!.sessionId)).toBe(first[7])
    expect(sim.states.userStates('1')[3]).toBe(first[3])
  })

  it('stays live: a view kept after close shows the closed status and every frame', () => {
    const { sim, C } = fixtureF()
    const frames = C.frames.length
    sim.gateway.invalidate(C.sessionId)
    expect(C.status).toBe('closed')
    expect(C.frames).toHaveLength(frames + 1) // op 9
    expect(sim.states.fetchRaw(C.sessionId)).toBeUndefined()
  })
})

describe('the parts of a simulation', () => {
  it('are frozen and expose only the public API', () => {
    const sim = createSimulation()
    for (const part of [
      sim,
      sim.world,
      sim.states,
      sim.dispatcher,
      sim.gateway,
      sim.actions,
      sim.clock,
    ]) {
      expect(Object.isFrozen(part)).toBe(true)
    }
    const hidden = (part: object, names: string[]) =>
      names.filter((n) => n in part || (part as Record<string, unknown>)[n] !== undefined)
    expect(hidden(sim.dispatcher, ['send', 'sendEach', 'collect', 'nextDispatchId'])).toEqual([])
    expect(hidden(sim.world, ['restore', 'setPresence', 'removeMember', 'snapshot'])).toEqual([])
    expect(hidden(sim.states, ['insert', 'remove', 'session', 'sessionsOf'])).toEqual([])
  })

  it('describes member lists as frozen copies: changing one changes nothing', () => {
    const { sim, V } = fixtureL()
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 9]] })
    const [list] = sim.memberLists(L.guild)
    expect(Object.isFrozen(list)).toBe(true)
    expect(Object.isFrozen(list!.holders[0]!.ranges)).toBe(true)
    expect(() => (list!.holders[0]!.ranges as [number, number][]).push([10, 19])).toThrow(TypeError)
    expect(sim.memberLists(L.guild)[0]!.holders[0]!.ranges).toEqual([[0, 9]])
  })

  it('keeps the session list of dispatchManyFilterList the caller passed, extended in place', () => {
    const { sim, A } = fixtureF()
    const reached: string[] = []
    expect(
      sim.dispatcher.dispatchManyFilterList('channel', [GENERAL], reached, 'TYPING_START', {}),
    ).toBe(reached)
    expect(reached).toContain(A.sessionId)
  })
})
