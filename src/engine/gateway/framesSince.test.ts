import { describe, expect, it } from 'vitest'
import { EngineError } from '../errors.ts'
import { createSimulation } from '../simulation.ts'
import { ALICE, BOB, G, GENERAL } from '../testing/fixtures.ts'

function world() {
  const sim = createSimulation()
  sim.world.createUser({ id: ALICE, username: 'alice' })
  sim.world.createUser({ id: BOB, username: 'bob' })
  sim.world.createGuild({ id: G, name: 'G', ownerId: ALICE })
  sim.world.addMember(G, BOB)
  sim.world.createChannel({ id: GENERAL, guildId: G, name: 'general' })
  return sim
}

/**
 * `states.framesSince(sessionId, count)`: a session's frames after the first `count`, for a reader that
 * keeps count (the local gateway forwards each session's new frames to its socket after every call).
 */
describe('states.framesSince', () => {
  it('is frames.slice(count) through sends, buffering, a resume and op 9, read in any order', () => {
    const sim = world()
    const b = sim.gateway.identify({ userId: BOB })
    const id = b.sessionId
    let seen = 0
    const read: unknown[] = []
    const follow = () => {
      const fresh = sim.states.framesSince(id, seen)
      expect(fresh).toEqual(b.frames.slice(seen))
      expect(Object.isFrozen(fresh)).toBe(true)
      read.push(...fresh)
      seen += fresh.length
    }
    follow()
    sim.actions.sendMessage(GENERAL, ALICE, 'one')
    sim.actions.sendMessage(GENERAL, ALICE, 'two')
    follow()
    follow() // nothing new
    sim.gateway.disconnect(id)
    sim.actions.sendMessage(GENERAL, ALICE, 'missed')
    follow() // buffered, not sent: nothing new on the socket
    const lastSeen = b.seq - 1
    sim.gateway.resume(id, lastSeen)
    sim.actions.sendMessage(GENERAL, ALICE, 'after')
    // `frames` read between two framesSince calls changes nothing for either.
    expect(b.frames.length).toBeGreaterThan(seen)
    follow()
    expect(read).toEqual(b.frames)
    expect(read.map((f) => (f as { t: string }).t).slice(-3)).toEqual([
      'MESSAGE_CREATE',
      'RESUMED',
      'MESSAGE_CREATE',
    ])
    expect(sim.states.framesSince(id, 0)).toEqual(b.frames)
    expect(sim.states.framesSince(id, seen)).toEqual([])
    expect(sim.states.framesSince(id, seen + 100)).toEqual([])
  })

  it('keeps the frames view one array while nothing new arrives, and a new one after', () => {
    const sim = world()
    const b = sim.gateway.identify({ userId: BOB })
    const before = b.frames
    sim.states.framesSince(b.sessionId, 0)
    expect(b.frames).toBe(before)
    sim.actions.sendMessage(GENERAL, ALICE, 'hi')
    expect(sim.states.framesSince(b.sessionId, before.length)).toHaveLength(1)
    const after = b.frames
    expect(after).not.toBe(before)
    expect(after).toHaveLength(before.length + 1)
    expect(before).toHaveLength(after.length - 1) // the old view did not change
  })

  it('answers [] for unknown and closed sessions; a view kept from before the close still reads', () => {
    const sim = world()
    const b = sim.gateway.identify({ userId: BOB })
    expect(sim.states.framesSince('nope', 0)).toEqual([])
    sim.gateway.invalidate(b.sessionId)
    expect(sim.states.framesSince(b.sessionId, 0)).toEqual([])
    expect(b.frames.at(-1)).toEqual({ op: 9, t: null, s: null, d: false })
  })

  it('refuses a count that is not an integer ≥ 0 with INVALID_INPUT, and reads nothing', () => {
    const sim = world()
    const b = sim.gateway.identify({ userId: BOB })
    const view = b.frames
    for (const count of [-1, 1.5, Number.NaN, Infinity, '2', null]) {
      let error: unknown
      try {
        sim.states.framesSince(b.sessionId, count as number)
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(EngineError)
      expect((error as EngineError).code).toBe('INVALID_INPUT')
    }
    expect(b.frames).toBe(view)
  })
})
