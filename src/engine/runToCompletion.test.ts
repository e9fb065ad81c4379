import { describe, expect, it } from 'vitest'
import { EngineError } from './errors.ts'
import { createSimulation, type SimulationOptions } from './simulation.ts'
import { ALICE, BOB, DAVE, fixtureF, G, GENERAL, lastFrame, SECRET } from './testing/fixtures.ts'
import { refusal } from './testing/refusal.ts'
import type { InspectionEvent } from './trace/types.ts'
import { Permissions } from './world/permissions.ts'

/**
 * docs/design/semantics.md §10, run to completion (turn 3): while a public call is in progress, an
 * inspection listener or a dispatchFilter filter may read the engine but any call that would change
 * it is refused with REENTRANT_CALL, naming the call in progress, before any effect. Each repro below
 * changed the engine from inside a call and left it wrong; now the attempt is refused and the outer
 * call completes as it would without it.
 */

/** Fixture F with the listener errors collected instead of logged. */
function fixture(options: SimulationOptions = {}) {
  const errors: unknown[] = []
  const f = fixtureF({ ...options, onListenerError: (error) => errors.push(error) })
  return { ...f, errors }
}

const codes = (errors: readonly unknown[]) =>
  errors.map((e) => (e instanceof EngineError ? e.code : String(e)))

/** Calls `fn` once, on the first event `when` accepts. */
function once(when: (event: InspectionEvent) => boolean, fn: (event: InspectionEvent) => void) {
  let done = false
  return (event: InspectionEvent) => {
    if (done || !when(event)) return
    done = true
    fn(event)
  }
}

describe('a filter that tries to change the engine', () => {
  it('closing an earlier recipient is refused; later recipients get their frames intact', () => {
    // The repro: a filter invalidated A while the fan-out was at B2. All recipients share one record
    // counted per holder, so closing A freed it while in use: later frames read a dangling record.
    const f = fixture()
    const refused: unknown[] = []
    const result = f.sim.dispatcher.dispatchFilter(
      'guild',
      G,
      (id) => {
        if (id === f.B2.sessionId) {
          try {
            f.sim.gateway.invalidate(f.A.sessionId)
          } catch (error) {
            refused.push(error)
          }
        }
        return true
      },
      'GUILD_UPDATE',
      { name: 'first' },
    )
    expect(codes(refused)).toEqual(['REENTRANT_CALL'])
    const message = (refused[0] as Error).message
    expect(message).toContain('gateway.invalidate was called while dispatcher.dispatchFilter')
    expect(message).toContain('Make the call after dispatcher.dispatchFilter returns')
    expect(f.A.status).toBe('connected')
    expect(result.delivered).toEqual([f.A.sessionId, f.B1.sessionId, f.B2.sessionId, f.C.sessionId])
    for (const s of [f.A, f.B2, f.C]) expect(lastFrame(s).d).toEqual({ name: 'first' })
    f.sim.gateway.invalidate(f.A.sessionId) // after the call: allowed
    f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { name: 'second' })
    const updates = f.B2.frames.filter((frame) => frame.t === 'GUILD_UPDATE')
    expect(updates.slice(-2).map((frame) => frame.d)).toEqual([
      { name: 'first' },
      { name: 'second' },
    ])
  })

  it('a refusal the filter does not catch stops the dispatch with FILTER_FAILED, deliveries standing', () => {
    const f = fixture()
    const error = refusal(() =>
      f.sim.dispatcher.dispatchFilter(
        'guild',
        G,
        (id) => {
          if (id === f.B2.sessionId) f.sim.gateway.invalidate(f.A.sessionId)
          return true
        },
        'GUILD_UPDATE',
        { name: 'first' },
      ),
    )
    expect(error.code).toBe('FILTER_FAILED')
    expect(error.message).toContain('REENTRANT_CALL')
    expect(error.message).toContain('Make the call after dispatcher.dispatchFilter returns')
    expect((error.detail as { delivered: string[] }).delivered).toEqual([
      f.A.sessionId,
      f.B1.sessionId,
    ])
    expect(f.A.status).toBe('connected')
    expect(lastFrame(f.A).d).toEqual({ name: 'first' })
  })
})

describe('a listener that tries to change the engine', () => {
  it('refused in IDENTIFY: the code editor meets this as inspect(e => dispatcher.dispatch(...))', () => {
    const f = fixture()
    f.sim.inspect((event) => {
      if (event.type === 'session' && event.change === 'identify') {
        f.sim.dispatcher.dispatch('user', event.userId, 'NOTICE', { hello: true })
      }
    })
    const D2 = f.sim.gateway.identify({ userId: DAVE })
    expect(codes(f.errors)).toEqual(['REENTRANT_CALL'])
    expect((f.errors[0] as Error).message).toBe(
      'dispatcher.dispatch was called while gateway.identify is still running (from an inspect ' +
        'listener or a dispatchFilter filter), and it would change the engine. The engine runs each ' +
        'call to completion: a listener or filter may read the engine (states, world, subscribers, ' +
        'explain) but not change it. Make the call after gateway.identify returns (for instance, ' +
        'note what you need in the listener and act on it once the call is done).',
    )
    expect(D2.frames.map((frame) => frame.t)).toEqual(['READY'])
  })

  it('is refused before its arguments are checked: the refusal names the call, not its input', () => {
    const f = fixture()
    f.sim.inspect(
      once(
        (e) => e.type === 'dispatch',
        () => f.sim.dispatcher.dispatch('nope' as never, 'x', 'lower', undefined),
      ),
    )
    f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', {})
    expect(codes(f.errors)).toEqual(['REENTRANT_CALL'])
  })

  it('making the joiner leave during joinGuild is refused: no non-member stays subscribed', () => {
    const f = fixture()
    f.sim.inspect(
      once(
        (e) => e.type === 'subscribe' && e.subscriber === f.D.sessionId,
        () => f.sim.actions.leaveGuild(G, DAVE),
      ),
    )
    f.sim.actions.joinGuild(G, DAVE)
    expect(codes(f.errors)).toEqual(['REENTRANT_CALL'])
    expect(f.sim.world.member(G, DAVE)).toBeDefined()
    expect(f.sim.dispatcher.subscribers('guild', G)).toContain(f.D.sessionId)
    f.sim.actions.leaveGuild(G, DAVE)
    expect(f.sim.dispatcher.subscribers('guild', G)).not.toContain(f.D.sessionId)
    expect(f.sim.dispatcher.subscribers('channel', GENERAL)).not.toContain(f.D.sessionId)
  })

  it('closing the session at its op 14 subscribe is refused: no closed session holds the list', () => {
    const f = fixture()
    f.sim.inspect(
      once(
        (e) => e.type === 'subscribe' && e.backend === 'lazy_guild',
        (e) => f.sim.gateway.invalidate((e as { subscriber: string }).subscriber),
      ),
    )
    f.sim.gateway.requestMemberList(f.A.sessionId, G, { [GENERAL]: [[0, 9]] })
    expect(codes(f.errors)).toEqual(['REENTRANT_CALL'])
    expect(f.A.status).toBe('connected')
    expect(f.sim.memberLists(G)[0]?.holders.map((h) => h.sessionId)).toEqual([f.A.sessionId])
    f.sim.gateway.invalidate(f.A.sessionId)
    expect(f.sim.memberLists(G)).toEqual([])
    expect(f.sim.dispatcher.subscribers('lazy_guild', G)).toEqual([])
  })

  it('a nested op 3 during a presence fan-out is refused: every guild and friend hears one status', () => {
    const f = fixture()
    const OTHER = '16777216'
    f.sim.world.createGuild({ id: OTHER, name: 'other', ownerId: ALICE })
    f.sim.world.addMember(OTHER, BOB)
    f.sim.actions.addFriend(ALICE, DAVE)
    f.sim.dispatcher.sub('guild', OTHER, f.B2.sessionId)
    f.sim.inspect(
      once(
        (e) => e.type === 'dispatch' && e.eventType === 'PRESENCE_UPDATE',
        () => f.sim.gateway.updatePresence(f.A.sessionId, { status: 'dnd' }),
      ),
    )
    const marks = [f.B2, f.D].map((s) => s.frames.length)
    f.sim.gateway.updatePresence(f.A.sessionId, { status: 'idle' })
    expect(codes(f.errors)).toEqual(['REENTRANT_CALL'])
    const heard = (frames: readonly { t: string | null; d: unknown }[]) =>
      frames.filter((x) => x.t === 'PRESENCE_UPDATE').map((x) => (x.d as { status: string }).status)
    expect(heard(f.B2.frames.slice(marks[0]))).toEqual(['idle', 'idle'])
    expect(heard(f.D.frames.slice(marks[1]))).toEqual(['idle'])
  })

  it('invalidating during resume is refused: resume answers for a session that stays open', () => {
    const f = fixture()
    f.sim.gateway.disconnect(f.A.sessionId)
    const lastSeen = f.A.seq
    f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { name: 'missed' })
    f.sim.inspect(
      once(
        (e) => e.type === 'session' && e.change === 'resume',
        () => f.sim.gateway.invalidate(f.A.sessionId),
      ),
    )
    const resumed = f.sim.gateway.resume(f.A.sessionId, lastSeen)
    expect(codes(f.errors)).toEqual(['REENTRANT_CALL'])
    expect(resumed.resumed).toBe(true)
    expect(f.A.status).toBe('connected')
    expect(f.A.frames.slice(-2).map((frame) => frame.t)).toEqual(['GUILD_UPDATE', 'RESUMED'])
  })

  it('closing a session while syncChannels re-subscribes is refused: no closed session stays in a topic', () => {
    const f = fixture()
    // Bob gets a role that can read #secret: setMemberRoles subscribes his sessions to it one by one.
    f.sim.world.createRole(G, { id: '700', name: 'secret', permissions: Permissions.VIEW_CHANNEL })
    f.sim.actions.updateChannel(SECRET, {
      overwrites: [
        { id: G, type: 0, deny: Permissions.VIEW_CHANNEL },
        { id: ALICE, type: 1, allow: Permissions.VIEW_CHANNEL },
        { id: '700', type: 0, allow: Permissions.VIEW_CHANNEL },
      ],
    })
    f.sim.inspect(
      once(
        (e) => e.type === 'subscribe' && e.key === SECRET,
        () => f.sim.gateway.invalidate(f.B2.sessionId),
      ),
    )
    f.sim.actions.setMemberRoles(G, BOB, ['700'])
    expect(codes(f.errors)).toEqual(['REENTRANT_CALL'])
    expect(f.B2.status).toBe('connected')
    expect(f.sim.dispatcher.subscribers('channel', SECRET)).toContain(f.B2.sessionId)
    f.sim.gateway.invalidate(f.B2.sessionId)
    const result = f.sim.dispatcher.dispatch('channel', SECRET, 'CHANNEL_PINS_UPDATE', {})
    expect(result.skipped.map((s) => s.sessionId)).not.toContain(f.B2.sessionId)
  })

  it('an onListenerError handler is code the call runs too: its changes are refused as well', () => {
    const seen: string[] = []
    const f = fixtureF({
      onListenerError: () => {
        try {
          f.sim.clock.advance(1_000)
        } catch (error) {
          seen.push((error as EngineError).code)
        }
      },
    })
    const now = f.sim.clock.now()
    f.sim.inspect(
      once(
        (e) => e.type === 'dispatch',
        () => {
          throw new Error('listener bug')
        },
      ),
    )
    f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', {})
    expect(seen).toEqual(['REENTRANT_CALL'])
    expect(f.sim.clock.now()).toBe(now)
  })

  it("a Proxy argument's trap runs inside the call: what it tries to change is refused", () => {
    const sim = createSimulation()
    const inner: string[] = []
    const sneaky = new Proxy(
      { username: 'outer' },
      {
        ownKeys(target) {
          try {
            sim.world.createUser({ username: 'from a trap' })
          } catch (error) {
            inner.push((error as EngineError).code)
          }
          return Reflect.ownKeys(target)
        },
      },
    )
    try {
      sim.world.createUser(sneaky)
    } catch {
      // Whether a Proxy is read or refused is input.ts's business; the trap's call is what matters.
    }
    expect(inner).toEqual(['REENTRANT_CALL'])
    expect(sim.world.users().map((u) => u.username)).not.toContain('from a trap')
  })
})

describe('what a listener or filter may do while a call runs', () => {
  it('reads the engine: states, world, subscribers, topics, explain, member lists, the clock', () => {
    const f = fixture()
    f.sim.gateway.requestMemberList(f.A.sessionId, G, { [GENERAL]: [[0, 9]] })
    const reads: unknown[] = []
    f.sim.inspect((event) => {
      if (event.type !== 'dispatch') return
      reads.push(
        f.sim.states.all().length,
        f.sim.states.fetchRaw(f.A.sessionId)?.status,
        f.sim.states.userStates(BOB).length,
        f.sim.states.fetchStates(BOB, G).length,
        f.sim.states.count(),
        f.sim.world.member(G, DAVE) !== undefined,
        f.sim.world.canView(DAVE, GENERAL),
        f.sim.world.users().length,
        f.sim.dispatcher.subscribers('guild', G).length,
        f.sim.dispatcher.topics('channel').length,
        f.sim.dispatcher.explain(event.result).length,
        f.sim.memberLists(G).length,
        f.sim.clock.now() > 0,
      )
    })
    let filterReads = 0
    f.sim.dispatcher.dispatchFilter(
      'guild',
      G,
      (id) => {
        filterReads += f.sim.dispatcher.subscribers('guild', G).length
        return f.sim.states.fetchRaw(id)?.userId !== BOB
      },
      'GUILD_UPDATE',
      {},
    )
    f.sim.actions.joinGuild(G, DAVE)
    expect(f.errors).toEqual([])
    expect(filterReads).toBeGreaterThan(0)
    expect(reads.length).toBeGreaterThan(13)
  })

  it('a snapshot mid-call is refused: it would hold half of the call', () => {
    const f = fixture()
    f.sim.inspect(
      once(
        (e) => e.type === 'subscribe',
        () => f.sim.snapshot(),
      ),
    )
    f.sim.actions.joinGuild(G, DAVE)
    expect(codes(f.errors)).toEqual(['REENTRANT_CALL'])
    expect((f.errors[0] as Error).message).toContain(
      'sim.snapshot was called while actions.joinGuild',
    )
    expect(() => f.sim.snapshot()).not.toThrow()
  })

  it('changes another simulation: the guard is per simulation', () => {
    const f = fixture()
    const other = createSimulation()
    f.sim.inspect(() => void other.world.createUser({ username: 'elsewhere' }))
    f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', {})
    expect(f.errors).toEqual([])
    expect(other.world.users().length).toBeGreaterThan(0)
  })

  it('once the call returns, every call is allowed again, even after a refusal or an error', () => {
    const f = fixture()
    f.sim.inspect(
      once(
        (e) => e.type === 'dispatch',
        () => f.sim.gateway.invalidate(f.A.sessionId),
      ),
    )
    expect(refusal(() => f.sim.dispatcher.dispatch('guild', G, 'lower', {})).code).toBe(
      'INVALID_EVENT_TYPE',
    )
    f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', {})
    expect(codes(f.errors)).toEqual(['REENTRANT_CALL'])
    f.sim.gateway.invalidate(f.A.sessionId)
    expect(f.A.status).toBe('closed')
  })
})
