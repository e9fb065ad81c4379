import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSimulation, restoreSimulation } from '../simulation.ts'
import { fixtureL, L } from '../testing/fixtureL.ts'
import type { InspectionEvent } from './types.ts'

/**
 * docs/design/semantics.md §10 (review decisions): inspection listeners are observers. One that
 * throws never changes what the engine does: the call completes as it would without it and returns
 * normally, and the error goes to `onListenerError` (default: the host's console.error).
 */
function scenario(sim: ReturnType<typeof fixtureL>['sim']) {
  const [V] = sim.states.userStates(L.alice)
  sim.gateway.requestMemberList(V!.sessionId, L.guild, { [L.general]: [[0, 99]] })
  const nick = sim.actions.setNick(L.guild, L.carl, 'zed')
  const late = sim.gateway.identify({ userId: L.dave })
  return { nick, late }
}

describe('a throwing inspection listener', () => {
  afterEach(() => vi.restoreAllMocks())

  it('changes nothing the engine does: same results, same frames, and identify still returns', () => {
    const quiet = fixtureL()
    const expected = scenario(quiet.sim)

    const errors: [unknown, InspectionEvent][] = []
    const loud = fixtureL({ onListenerError: (error, event) => errors.push([error, event]) })
    loud.sim.inspect((event) => {
      if (event.type === 'dispatch' || event.type === 'session') throw new Error(`no ${event.type}`)
    })
    const got = scenario(loud.sim)

    expect(got.nick).toEqual(expected.nick)
    expect(got.late.sessionId).toBe(expected.late.sessionId)
    expect(loud.sim.states.fetchRaw(got.late.sessionId)).toBe(got.late)
    const frames = (sim: typeof quiet.sim) => sim.states.all().map((s) => s.frames)
    expect(frames(loud.sim)).toEqual(frames(quiet.sim))
    expect(loud.sim.world.member(L.guild, L.carl)?.nick).toBe('zed')
    // Every throw was reported, with the event it was thrown on.
    expect(errors.length).toBeGreaterThan(3)
    expect(errors.every(([e, ev]) => (e as Error).message === `no ${ev.type}`)).toBe(true)
  })

  it('does not stop the listeners after it, and a throwing onListenerError is dropped too', () => {
    const { sim, V } = fixtureL({
      onListenerError: () => {
        throw new Error('the handler fails as well')
      },
    })
    const seen: string[] = []
    sim.inspect(() => {
      throw new Error('first')
    })
    sim.inspect((e) => seen.push(e.type))
    expect(() =>
      sim.dispatcher.dispatch('guild', L.guild, 'GUILD_UPDATE', { id: L.guild }),
    ).not.toThrow()
    expect(seen).toEqual(['dispatch'])
    expect(V.frames.at(-1)?.t).toBe('GUILD_UPDATE')
  })

  it('goes to console.error by default', () => {
    // The engine's lib has no console type: reach the host's through globalThis, as the engine does.
    const host = globalThis as unknown as { console: { error: (...args: unknown[]) => void } }
    const error = vi.spyOn(host.console, 'error').mockImplementation(() => {})
    const sim = createSimulation()
    sim.inspect(() => {
      throw new Error('boom')
    })
    sim.world.createUser({ id: '1', username: 'a' })
    expect(error).toHaveBeenCalledTimes(1)
    expect(error.mock.calls[0]?.[1]).toEqual(new Error('boom'))
  })

  it('a restored simulation takes its own handler; a handler that is not a function is refused', () => {
    const handler = vi.fn()
    const restored = restoreSimulation(createSimulation().snapshot(), { onListenerError: handler })
    restored.inspect(() => {
      throw new Error('x')
    })
    restored.world.createUser({ id: '1', username: 'a' })
    expect(handler).toHaveBeenCalledTimes(1)
    expect(() => createSimulation({ onListenerError: 'log' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    )
    expect(() => createSimulation().inspect(42 as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_LISTENER' }),
    )
  })

  it('gets events that are frozen and stamped with the simulation time', () => {
    const sim = createSimulation({ startTime: 1_700_000_000_000 })
    const events: InspectionEvent[] = []
    sim.inspect((e) => events.push(e))
    sim.clock.advance(5)
    sim.world.createUser({ id: '1', username: 'a' })
    expect(events.map((e) => [e.type, e.at])).toEqual([
      ['clock', 1_700_000_000_005],
      ['world', 1_700_000_000_005],
    ])
    expect(events.every((e) => Object.isFrozen(e))).toBe(true)
  })
})
