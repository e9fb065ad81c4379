import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EngineError } from './errors.ts'
import { ownPayload } from './payload.ts'

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
