import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EngineError } from './errors.ts'
import { ownPayload, type LastFlatCopy } from './payload.ts'
import { fixtureF, G, lastFrame } from './testing/fixtures.ts'
import { refusal } from './testing/refusal.ts'

describe('ownPayload', () => {
  it('returns a deep-frozen copy equal to the JSON round trip, leaving the input untouched', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = ownPayload(value)
        expect(copy).toEqual(JSON.parse(JSON.stringify(value)))
        if (typeof value === 'object' && value !== null) {
          expect(Object.isFrozen(copy)).toBe(true)
          expect(Object.isFrozen(value)).toBe(false)
        }
      }),
    )
  })

  it('skips the walk for a payload it already owns', () => {
    const copy = ownPayload({ a: [1] })
    expect(ownPayload(copy)).toBe(copy)
  })

  it.each([
    [
      'a class instance',
      new (class Point {
        x = 1
      })(),
      'a Point',
    ],
    ['a Date', new Date(0), 'a Date'],
    ['a symbol', { s: Symbol('x') }, 'a symbol'],
    // eslint-disable-next-line no-sparse-arrays
    ['a sparse array', [1, , 3], 'a hole'],
    ['undefined in an array', [undefined], 'undefined'],
    ['-Infinity', { n: -Infinity }, '-Infinity'],
  ])('refuses %s, naming it', (_name, value, words) => {
    let error: unknown
    try {
      ownPayload(value)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(EngineError)
    expect((error as EngineError).code).toBe('INVALID_PAYLOAD')
    expect((error as EngineError).message).toContain(words)
  })

  it('accepts the same object twice in a tree (a DAG is not a cycle)', () => {
    const shared = { id: '1' }
    expect(ownPayload({ a: shared, b: shared })).toEqual({ a: { id: '1' }, b: { id: '1' } })
  })
})

describe('which payloads the engine built is known only to the engine (§10)', () => {
  it('leaves no mark a caller can read on what it hands out: no symbol, no extra key', () => {
    const f = fixtureF()
    f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { id: G, name: 'x' })
    const d = lastFrame(f.A).d as object
    expect(Reflect.ownKeys(d)).toEqual(['id', 'name'])
    expect(Object.getOwnPropertySymbols(lastFrame(f.A).d as object)).toEqual([])
  })

  it('copies and freezes a caller object carrying every symbol an engine payload carries', () => {
    const f = fixtureF()
    f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { id: G })
    const marks = Object.getOwnPropertySymbols(lastFrame(f.A).d as object)
    const forged: Record<PropertyKey, unknown> = { name: 'before', nested: { n: 1 } }
    for (const mark of marks) Object.defineProperty(forged, mark, { value: true })
    f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', forged)
    forged['name'] = 'after'
    ;(forged['nested'] as { n: number }).n = 2
    expect(lastFrame(f.A).d).toEqual({ name: 'before', nested: { n: 1 } })
    expect(Object.isFrozen(lastFrame(f.A).d)).toBe(true)
    const withFunction: Record<PropertyKey, unknown> = { f: () => 1 }
    for (const mark of marks) Object.defineProperty(withFunction, mark, { value: true })
    expect(
      refusal(() => f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', withFunction)).code,
    ).toBe('INVALID_PAYLOAD')
  })

  it('walks a Proxy that claims to own every symbol, refusing what is not JSON in it', () => {
    const f = fixtureF()
    const claimsAll = <T extends object>(target: T) =>
      new Proxy(target, {
        getOwnPropertyDescriptor: (t, key) =>
          typeof key === 'symbol'
            ? { value: true, configurable: true, enumerable: false, writable: false }
            : Reflect.getOwnPropertyDescriptor(t, key),
        has: (t, key) => typeof key === 'symbol' || Reflect.has(t, key),
      })
    const cycle: Record<string, unknown> = { name: 'loop' }
    cycle['self'] = cycle
    for (const payload of [{ f: () => 1 }, cycle, { n: 10n }]) {
      expect(
        refusal(() => f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', claimsAll(payload)))
          .code,
      ).toBe('INVALID_PAYLOAD')
    }
    const target = { name: 'before' }
    f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', claimsAll(target))
    target.name = 'after'
    expect(lastFrame(f.A).d).toEqual({ name: 'before' })
    expect(Object.isFrozen(lastFrame(f.A).d)).toBe(true)
  })
})

describe('equal flat payloads share one frozen copy (docs/design/semantics.md §3)', () => {
  const flat = fc.dictionary(
    fc.constantFrom('a', 'b', 'c', '__proto__x'),
    fc.oneof(
      fc.constantFrom(0, -0, 1, '', 'x', true, false, null, undefined),
      fc.integer({ min: -2, max: 2 }),
    ),
  )

  it('gives each payload a copy equal to its JSON round trip at that moment, whatever came before', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(flat, fc.boolean()), { maxLength: 30 }), (steps) => {
        const reused: Record<string, unknown> = {}
        const seen: { copy: unknown; json: string }[] = []
        for (const [value, mutateInPlace] of steps) {
          let payload: Record<string, unknown> = { ...value }
          if (mutateInPlace) {
            // The same caller object changed in place: the copy must follow the change.
            for (const key of Object.keys(reused)) delete reused[key]
            Object.assign(reused, value)
            payload = reused
          }
          const copy = ownPayload(payload)
          const json = JSON.stringify(payload)
          expect(JSON.stringify(copy)).toBe(json)
          expect(Object.isFrozen(copy)).toBe(true)
          seen.push({ copy, json })
        }
        // Every copy handed out earlier still shows what it was made from.
        for (const { copy, json } of seen) expect(JSON.stringify(copy)).toBe(json)
      }),
    )
  })

  it('shares the copy only while names, order and values are the same', () => {
    const shared: LastFlatCopy = { names: [], copy: null }
    const first = ownPayload({ id: '1', name: 'x' }, shared)
    expect(ownPayload({ id: '1', name: 'x' }, shared)).toBe(first)
    expect(ownPayload({ name: 'x', id: '1' }, shared)).not.toBe(first)
    expect(Object.keys(ownPayload({ name: 'x', id: '1' }, shared) as object)).toEqual([
      'name',
      'id',
    ])
    const zero = ownPayload({ n: 0 }, shared)
    expect(ownPayload({ n: -0 }, shared)).toBe(zero)
    expect(ownPayload({ n: '0' }, shared)).not.toBe(zero)
  })

  it('shares nothing without a slot to remember the last copy in, nor between two slots', () => {
    const first = ownPayload({ id: '1' })
    expect(ownPayload({ id: '1' })).not.toBe(first)
    const [a, b]: LastFlatCopy[] = [
      { names: [], copy: null },
      { names: [], copy: null },
    ]
    expect(ownPayload({ id: '1' }, a)).not.toBe(ownPayload({ id: '1' }, b))
  })

  it('shows each dispatch the caller object as it was then, when the caller reuses and changes it', () => {
    const f = fixtureF()
    const payload = { id: G, name: 'first' }
    f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', payload)
    f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', payload)
    payload.name = 'second'
    f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', payload)
    Object.defineProperty(payload, 'name', { get: () => 'third', enumerable: true })
    expect(refusal(() => f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', payload)).code).toBe(
      'INVALID_PAYLOAD',
    )
    expect(f.A.frames.slice(-3).map((frame) => (frame.d as { name: string }).name)).toEqual([
      'first',
      'first',
      'second',
    ])
  })
})
