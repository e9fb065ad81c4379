import { describe, expect, it } from 'vitest'
import { createSimulation, restoreSimulation } from './simulation.ts'
import type { SimulationSnapshot } from './snapshot.ts'
import { fixtureF, G, GENERAL } from './testing/fixtures.ts'
import { refusal } from './testing/refusal.ts'

/**
 * docs/design/semantics.md §10: bad input gets an EngineError before any effect, values as much as
 * shapes (the clock's step, a result handed back to explain, a snapshot's fields, the size of an op
 * 14), and building the error's message never fails on what it describes.
 */

const plain = (sim: ReturnType<typeof createSimulation>) =>
  JSON.parse(JSON.stringify(sim.snapshot())) as Record<string, unknown> & {
    world: { users: { id: string }[] }
  }

describe('clock.advance takes whole ms', () => {
  it('refuses a fractional, negative or non-number step, changing nothing', () => {
    const sim = createSimulation()
    const before = JSON.stringify(sim.snapshot())
    for (const ms of [0.5, -1, NaN, Infinity, '5', [Symbol('x')], Symbol('y')]) {
      expect(refusal(() => sim.clock.advance(ms as number)).code).toBe('INVALID_TIME')
    }
    expect(JSON.stringify(sim.snapshot())).toBe(before)
    // Ids keep working after the refusals.
    expect(sim.world.createUser({ username: 'q' }).id).toMatch(/^[1-9][0-9]*$/)
  })
})

describe('error messages describe any value', () => {
  it('names a symbol instead of throwing while building the message', () => {
    const error = refusal(() => createSimulation({ seed: [Symbol('s')] as unknown as number }))
    expect(error.code).toBe('INVALID_OPTIONS')
    expect(error.message).toMatch(/seed/)
  })
})

describe('explain checks what it is given', () => {
  it('refuses a result whose lists are not lists, with INVALID_INPUT', () => {
    const f = fixtureF()
    const result = f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { id: G })
    for (const bad of [
      { ...result, delivered: null },
      { ...result, buffered: 'x' },
      { ...result, skipped: [null] },
      { ...result, key: 5 },
      null,
    ]) {
      expect(refusal(() => f.sim.dispatcher.explain(bad as unknown as typeof result)).code).toBe(
        'INVALID_INPUT',
      )
    }
    expect(f.sim.dispatcher.explain(result)).toEqual(expect.any(Array))
  })
})

describe('restoreSimulation checks the values of a snapshot', () => {
  it('refuses impossible clocks, id states, ids and references with INVALID_SNAPSHOT', () => {
    const sim = createSimulation()
    sim.world.createUser({ id: '10', username: 'a' })
    sim.world.createUser({ id: '20', username: 'b' })
    sim.world.addFriendship('10', '20')
    const good = plain(sim)
    const edits: ((s: ReturnType<typeof plain>) => void)[] = [
      (s) => (s['now'] = 1e20),
      (s) => (s['now'] = 'x'),
      (s) => (s['now'] = 1.7e12 + 0.5),
      (s) => (s['ids'] = [279929600000.5, 0]),
      (s) => (s['ids'] = [0, 5000]),
      (s) => (s.world.users[0]!.id = '01'),
      (s) => (s.world.users[0]!.id = '18446744073709551616'),
      (s) => (s['friend'] = [['10', ['10']]]),
      (s) => (s['nextDispatchId'] = -1),
      (s) => (s['slotOrder'] = 'x'),
      (s) => (s['slotOrder'] = [['nope', []]]),
    ]
    for (const edit of edits) {
      const bad = JSON.parse(JSON.stringify(good)) as typeof good
      edit(bad)
      expect(refusal(() => restoreSimulation(bad as unknown as SimulationSnapshot)).code).toBe(
        'INVALID_SNAPSHOT',
      )
    }
    const restored = restoreSimulation(good as unknown as SimulationSnapshot)
    expect(restored.world.users().map((u) => u.id)).toEqual(['10', '20'])
  })
})

describe('op 14 has bounds', () => {
  it('refuses more than 16 ranges for a channel, or more than 100 channels, whole', () => {
    const f = fixtureF()
    const many = Array.from({ length: 17 }, (_, i): [number, number] => [i * 100, i * 100 + 99])
    expect(
      refusal(() => f.sim.gateway.requestMemberList(f.A.sessionId, G, { [GENERAL]: many })).code,
    ).toBe('INVALID_RANGE')
    const channels = Object.fromEntries(
      Array.from({ length: 101 }, (_, i) => [String(5000 + i), [[0, 9]] as [number, number][]]),
    )
    expect(refusal(() => f.sim.gateway.requestMemberList(f.A.sessionId, G, channels)).code).toBe(
      'INVALID_INPUT',
    )
    expect(f.sim.memberLists(G)).toEqual([])
    f.sim.gateway.requestMemberList(f.A.sessionId, G, { [GENERAL]: many.slice(0, 16) })
    expect(f.sim.memberLists(G)[0]!.holders[0]!.ranges).toHaveLength(16)
  })
})
