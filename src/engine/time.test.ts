import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EngineError } from './errors.ts'
import { isoTimestamp } from './time.ts'

describe('isoTimestamp', () => {
  it('writes the simulation start time as Discord writes timestamps', () => {
    expect(isoTimestamp(1_700_000_000_000)).toBe('2023-11-14T22:13:20.000Z')
  })

  it('keeps milliseconds and the Discord epoch exact', () => {
    expect(isoTimestamp(1_420_070_400_000)).toBe('2015-01-01T00:00:00.000Z')
    expect(isoTimestamp(1_430_029_616_934)).toBe('2015-04-26T06:26:56.934Z')
  })

  it('agrees with Date.prototype.toISOString on any representable instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
        expect(isoTimestamp(ms)).toBe(new Date(ms).toISOString())
      }),
    )
  })

  it('refuses times that are not finite numbers within Date range', () => {
    for (const bad of [NaN, Infinity, 8.64e15 + 1, '1' as unknown as number]) {
      expect(() => isoTimestamp(bad)).toThrow(EngineError)
    }
  })
})
