import { describe, expect, it } from 'vitest'
import { createSimulation } from '../simulation.ts'
import { addUsers, ALICE, G, GENERAL } from '../testing/fixtures.ts'
import type { InspectionEvent, SessionInspection } from './types.ts'

const closes = (events: InspectionEvent[]) =>
  events.filter((e): e is SessionInspection => e.type === 'session' && e.change === 'close')

describe('a closed session on the inspection stream', () => {
  it('carries every frame the session was sent, so a viewer can still show its history', () => {
    const sim = createSimulation()
    const events: InspectionEvent[] = []
    sim.inspect((e) => events.push(e))
    addUsers(sim, ALICE)
    sim.world.createGuild({ id: G, name: 'G', ownerId: ALICE })
    sim.world.createChannel({ id: GENERAL, guildId: G })
    const a = sim.gateway.identify({ userId: ALICE, presence: { status: 'offline' } })
    sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { name: 'G2' })
    const before = a.frames.map((f) => f.t ?? `op${f.op}`)
    sim.gateway.invalidate(a.sessionId)

    const [close] = closes(events)
    expect(sim.states.fetchRaw(a.sessionId)).toBeUndefined()
    expect(close?.reason).toBe('invalidated')
    // Everything it had, then the op 9 that closed it, as its live view shows it.
    expect(close?.frames?.map((f) => f.t ?? `op${f.op}`)).toEqual([...before, 'op9'])
    expect(close?.frames).toEqual(a.frames)
  })

  it('leaves the other lifecycle events without frames', () => {
    const sim = createSimulation()
    const events: InspectionEvent[] = []
    sim.inspect((e) => events.push(e))
    addUsers(sim, ALICE)
    const a = sim.gateway.identify({ userId: ALICE })
    sim.gateway.disconnect(a.sessionId)
    const lifecycle = events.filter((e) => e.type === 'session')
    expect(lifecycle.map((e) => e.change)).toEqual(['identify', 'disconnect'])
    expect(lifecycle.every((e) => e.frames === undefined)).toBe(true)
  })
})
