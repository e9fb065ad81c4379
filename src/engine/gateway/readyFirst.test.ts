import { describe, expect, it } from 'vitest'
import { EngineError } from '../errors.ts'
import { createSimulation, type SimulationOptions } from '../simulation.ts'

/**
 * docs/design/semantics.md §3: the first frame a session receives is READY with s = 1, whatever
 * else happens during IDENTIFY (its presence fanning out, a listener calling the engine); §7: a
 * user's presence never reaches its own sessions.
 */
function world(options: SimulationOptions = {}) {
  const sim = createSimulation(options)
  sim.world.createUser({ id: '10', username: 'a' })
  sim.world.createUser({ id: '20', username: 'b' })
  sim.world.createGuild({ id: '20971520', name: 'G', ownerId: '10' })
  sim.world.addMember('20971520', '20')
  return sim
}

describe('READY is always the first frame (§3)', () => {
  it('refuses a friend link of a user to itself through the raw API, as addFriendship does', () => {
    const sim = world()
    let error: unknown
    try {
      sim.dispatcher.sub('friend', '10', '10')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(EngineError)
    expect((error as EngineError).code).toBe('SELF_FRIENDSHIP')
    expect(sim.dispatcher.subscribers('friend', '10')).toEqual([])
    const A = sim.gateway.identify({ userId: '10' })
    expect(A.frames.map((f) => [f.t, f.s])).toEqual([
      ['READY', 1],
      ['GUILD_CREATE', 2],
    ])
  })

  it('holds back listeners until the new session has its first frames; they cannot send it anything during IDENTIFY', () => {
    const errors: unknown[] = []
    const sim = world({ onListenerError: (error) => errors.push(error) })
    const B = sim.gateway.identify({ userId: '20' })
    const heard: string[] = []
    const greet: string[] = []
    sim.inspect((event) => {
      heard.push(event.type)
      // A listener that reacts to the new session by sending its user something: refused while
      // IDENTIFY runs (docs/design/semantics.md §10, run to completion); it notes it for later.
      if (event.type === 'session' && event.change === 'identify' && event.userId === '10') {
        greet.push(event.userId)
        sim.dispatcher.dispatch('user', '10', 'NOTICE', { hello: true })
      }
    })
    const A = sim.gateway.identify({ userId: '10' })
    expect(errors).toEqual([expect.objectContaining({ code: 'REENTRANT_CALL' })])
    for (const userId of greet) sim.dispatcher.dispatch('user', userId, 'NOTICE', { hello: true })
    expect(A.frames.map((f) => [f.t, f.s])).toEqual([
      ['READY', 1],
      ['GUILD_CREATE', 2],
      ['NOTICE', 3],
    ])
    // Listeners still hear everything, in the order it happened.
    expect(heard[0]).toBe('session')
    expect(heard).toContain('send')
    expect(B.frames.at(-1)?.t).toBe('PRESENCE_UPDATE')
  })
})
