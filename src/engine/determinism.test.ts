import { afterEach, describe, expect, it, vi } from 'vitest'
import { snowflakeTime } from './ids.ts'
import { createSimulation, type Simulation } from './simulation.ts'
import { addUsers, ALICE, BOB, CAROL, G, GENERAL } from './testing/fixtures.ts'

/**
 * docs/design/semantics.md §9 and §10 "Ids and input": time and randomness come from the simulation
 * only.
 */

/** A history touching everything that makes ids, timestamps or session ids. */
function history(seed: number): string {
  const sim: Simulation = createSimulation({ seed })
  addUsers(sim, ALICE, BOB, CAROL)
  const gen = sim.world.createUser({ username: 'generated' })
  sim.world.createGuild({ id: G, name: 'G', ownerId: ALICE })
  sim.world.addMember(G, BOB)
  sim.world.createChannel({ id: GENERAL, guildId: G, name: 'general' })
  const a = sim.gateway.identify({ userId: ALICE })
  const b = sim.gateway.identify({ userId: BOB, presence: { status: 'idle' } })
  sim.clock.advance(1234)
  sim.actions.joinGuild(G, CAROL)
  sim.actions.sendMessage(GENERAL, BOB, 'hello')
  sim.actions.createGroupDm(ALICE, [BOB, gen.id])
  sim.gateway.requestMemberList(a.sessionId, G, { [GENERAL]: [[0, 5]] })
  sim.gateway.disconnect(b.sessionId)
  sim.actions.createRole(G, { name: 'r', hoist: true })
  sim.clock.advance(70_000)
  sim.gateway.identify({ userId: CAROL })
  return JSON.stringify({
    sessions: [...sim.states.all(), b].map((s) => [s.sessionId, s.status, s.frames]),
    users: sim.world.users(),
    channels: sim.world.channels(),
    members: sim.world.members(G),
  })
}

describe('determinism (semantics §9)', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
  })

  it('gives the same frames byte for byte whatever the wall clock and Math.random say', () => {
    const reference = history(5)
    vi.useFakeTimers({ now: new Date('2001-02-03T04:05:06Z') })
    vi.spyOn(Math, 'random').mockReturnValue(0.123)
    const underOtherTime = history(5)
    vi.setSystemTime(new Date('2099-12-31T23:59:59Z'))
    vi.spyOn(Math, 'random').mockReturnValue(0.987)
    const underAnotherTime = history(5)
    expect(underOtherTime).toBe(reference)
    expect(underAnotherTime).toBe(reference)
    expect(history(6)).not.toBe(reference) // the seed does drive the session ids
  })

  it('starts the simulation clock at 1_700_000_000_000 by default and stamps generated ids with it', () => {
    const sim = createSimulation()
    expect(sim.clock.now()).toBe(1_700_000_000_000)
    expect(snowflakeTime(sim.world.createUser({ username: 'x' }).id)).toBe(1_700_000_000_000)
    sim.clock.advance(250)
    expect(sim.clock.now()).toBe(1_700_000_000_250)
    expect(snowflakeTime(sim.world.createUser({ username: 'y' }).id)).toBe(1_700_000_000_250)
  })
})
