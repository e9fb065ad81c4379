import fc from 'fast-check'
import LZString from 'lz-string'
import { describe, expect, it } from 'vitest'
import { decompressBounded, TooLargeError } from './lzBounded.ts'

describe('decompressBounded', () => {
  it('reads whatever lz-string writes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2_000 }), (text) => {
        const packed = LZString.compressToEncodedURIComponent(text)
        expect(decompressBounded(packed, 1_000_000)).toBe(text)
      }),
      { numRuns: 300 },
    )
  })

  // lz-string reads some junk into junk (a first code of 3 gives text built from "undefined"); this
  // answers null there. Elsewhere both agree.
  it('reads input that is not its data as lz-string does, or as nothing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (junk) => {
        let expected: string | null | undefined
        try {
          expected = LZString.decompressFromEncodedURIComponent(junk)
        } catch {
          expected = null // lz-string itself throws on some input
        }
        const got = decompressBounded(junk, 1_000_000)
        if (got === null) return
        expect(got).toBe(expected ?? '')
      }),
      { numRuns: 300 },
    )
  })

  it('stops a small input that would expand past the bound', () => {
    const packed = LZString.compressToEncodedURIComponent('a'.repeat(200_000))
    expect(packed.length).toBeLessThan(2_000)
    expect(() => decompressBounded(packed, 100_000)).toThrow(TooLargeError)
    expect(decompressBounded(packed, 200_000)).toHaveLength(200_000)
  })
})
