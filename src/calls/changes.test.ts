import { describe, expect, it } from 'vitest'
import { createSimulation, type InspectionEvent } from '../engine/index.ts'
import { isChange } from './index.ts'

/** The events `fn` makes the simulation emit (a throw is caught: a refusal still emits what it did). */
function eventsOf(fn: (sim: ReturnType<typeof createSimulation>) => void): InspectionEvent[] {
  const sim = createSimulation({ seed: 1 })
  sim.world.createUser({ id: '10', username: 'alice' })
  const events: InspectionEvent[] = []
  sim.inspect((e) => events.push(e))
  try {
    fn(sim)
  } catch {
    // refused
  }
  return events
}

describe('isChange', () => {
  it('counts a clock tick and a world change, and not an action refused after its start marker', () => {
    expect(eventsOf((sim) => sim.clock.advance(5)).filter(isChange)).toHaveLength(1)
    expect(
      eventsOf((sim) => sim.world.createUser({ id: '11', username: 'bob' })).some(isChange),
    ).toBe(true)
    const refused = eventsOf((sim) => sim.actions.joinGuild('404', '10'))
    expect(refused.map((e) => e.type)).toContain('action')
    expect(refused.filter(isChange)).toEqual([])
  })
})
