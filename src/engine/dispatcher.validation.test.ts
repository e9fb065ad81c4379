import { describe, expect, it } from 'vitest'
import { BOB, fixtureF, G, lastFrame } from './testing/fixtures.ts'
import { refusal } from './testing/refusal.ts'
import type { GatewayState } from './types.ts'

const seqs = (...states: GatewayState[]) => states.map((s) => s.seq)

describe('EventDispatcher.dispatch: validation before anything is delivered', () => {
  const cases: [string, (f: ReturnType<typeof fixtureF>) => unknown, string][] = [
    [
      'an unknown backend',
      (f) => f.sim.dispatcher.dispatch('guilds' as never, G, 'GUILD_UPDATE', {}),
      'UNKNOWN_BACKEND',
    ],
    [
      'a prototype name as backend',
      (f) => f.sim.dispatcher.dispatch('constructor' as never, G, 'X', {}),
      'UNKNOWN_BACKEND',
    ],
    [
      'a key with letters',
      (f) => f.sim.dispatcher.dispatch('guild', '12a', 'GUILD_UPDATE', {}),
      'INVALID_KEY',
    ],
    [
      'a negative key',
      (f) => f.sim.dispatcher.dispatch('guild', -5, 'GUILD_UPDATE', {}),
      'INVALID_KEY',
    ],
    [
      'a negative string key',
      (f) => f.sim.dispatcher.dispatch('guild', '-5', 'GUILD_UPDATE', {}),
      'INVALID_KEY',
    ],
    [
      'an unsafe number key',
      (f) => f.sim.dispatcher.dispatch('guild', 2 ** 60, 'GUILD_UPDATE', {}),
      'INVALID_KEY',
    ],
    [
      'a fractional key',
      (f) => f.sim.dispatcher.dispatch('guild', 1.5, 'GUILD_UPDATE', {}),
      'INVALID_KEY',
    ],
    [
      'a leading zero',
      (f) => f.sim.dispatcher.dispatch('guild', '020971520', 'GUILD_UPDATE', {}),
      'INVALID_KEY',
    ],
    [
      'a key over 2^64 − 1',
      (f) => f.sim.dispatcher.dispatch('guild', '18446744073709551616', 'GUILD_UPDATE', {}),
      'INVALID_KEY',
    ],
    [
      'a pair for guild',
      (f) => f.sim.dispatcher.dispatch('guild', [G, BOB], 'GUILD_UPDATE', {}),
      'INVALID_KEY',
    ],
    [
      'a single id for member',
      (f) => f.sim.dispatcher.dispatch('member', G, 'GUILD_CREATE', {}),
      'INVALID_KEY',
    ],
    [
      'a triple for member',
      (f) => f.sim.dispatcher.dispatch('member', [G, BOB, BOB] as never, 'X', {}),
      'INVALID_KEY',
    ],
    [
      'a bad member pair',
      (f) => f.sim.dispatcher.dispatch('member', [G, 'bob'], 'GUILD_CREATE', {}),
      'INVALID_KEY',
    ],
    [
      'a lower-case event',
      (f) => f.sim.dispatcher.dispatch('guild', G, 'guild_update', {}),
      'INVALID_EVENT_TYPE',
    ],
    [
      'an event starting with a digit',
      (f) => f.sim.dispatcher.dispatch('guild', G, '1_UPDATE', {}),
      'INVALID_EVENT_TYPE',
    ],
    ['an empty event', (f) => f.sim.dispatcher.dispatch('guild', G, '', {}), 'INVALID_EVENT_TYPE'],
    [
      'a function payload',
      (f) => f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { f: () => 1 }),
      'INVALID_PAYLOAD',
    ],
    [
      'a bigint payload',
      (f) => f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { id: 5n }),
      'INVALID_PAYLOAD',
    ],
    [
      'undefined payload',
      (f) => f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', undefined),
      'INVALID_PAYLOAD',
    ],
    [
      'NaN in a payload',
      (f) => f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { n: NaN }),
      'INVALID_PAYLOAD',
    ],
    [
      'Infinity in a payload',
      (f) => f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', [Infinity]),
      'INVALID_PAYLOAD',
    ],
    [
      'a Map in a payload',
      (f) => f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { m: new Map() }),
      'INVALID_PAYLOAD',
    ],
    [
      'a cyclic payload',
      (f) => {
        const cyclic: Record<string, unknown> = {}
        cyclic.self = cyclic
        return f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', cyclic)
      },
      'INVALID_PAYLOAD',
    ],
  ]
  it.each(cases)(
    'refuses %s with a clear EngineError and delivers nothing',
    (_name, call, code) => {
      const f = fixtureF()
      const before = seqs(f.A, f.B1, f.B2, f.C, f.D)
      const error = refusal(() => call(f))
      expect(error.code).toBe(code)
      expect(error.message.length).toBeGreaterThan(30)
      expect(seqs(f.A, f.B1, f.B2, f.C, f.D)).toEqual(before)
    },
  )

  it('lists the six backends when the backend is unknown', () => {
    const f = fixtureF()
    const error = refusal(() => f.sim.dispatcher.dispatch('guilds' as never, G, 'X', {}))
    expect(error.message).toContain('guild, member, channel, user, friend, lazy_guild')
  })

  it('names the path of what is not JSON', () => {
    const f = fixtureF()
    const error = refusal(() =>
      f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { a: [1, { b: () => 0 }] }),
    )
    expect(error.message).toContain('payload.a[1].b')
  })

  it('accepts keys as canonical strings, bigints and safe numbers, returning the decimal string', () => {
    const f = fixtureF()
    expect(f.sim.dispatcher.dispatch('guild', 20971520n, 'GUILD_UPDATE', {}).key).toBe(G)
    expect(f.sim.dispatcher.dispatch('guild', 20971520, 'GUILD_UPDATE', {}).key).toBe(G)
    expect(f.sim.dispatcher.dispatch('member', [G, 20n], 'GUILD_CREATE', {}).key).toBe(`${G}:20`)
    expect(f.sim.dispatcher.dispatch('guild', '18446744073709551615', 'X', {}).key).toBe(
      '18446744073709551615',
    )
  })
})

describe('payloads', () => {
  it('are never mutated, and every recipient sees a deep-frozen copy', () => {
    const f = fixtureF()
    const payload = { id: G, name: 'Renamed', nested: { list: [1, 2] } }
    f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', payload)
    expect(Object.isFrozen(payload)).toBe(false)
    payload.nested.list.push(3)
    const d = lastFrame(f.A).d as typeof payload
    expect(d.nested.list).toEqual([1, 2])
    expect(Object.isFrozen(d.nested.list)).toBe(true)
    expect(lastFrame(f.C).d).toBe(d) // one shared copy, not one per recipient
  })

  it('drops undefined object fields, as JSON does', () => {
    const f = fixtureF()
    f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { id: G, icon: undefined })
    expect(lastFrame(f.A).d).toEqual({ id: G })
  })
})
