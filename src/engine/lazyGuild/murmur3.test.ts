import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { murmur3 } from './murmur3.ts'

/** The textbook algorithm over a byte array, deliberately naive: the property's oracle. */
function referenceMurmur3(bytes: readonly number[], seed = 0): number {
  const c1 = 0xcc9e2d51
  const c2 = 0x1b873593
  const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r))
  const at = (i: number) => bytes[i] ?? 0
  let h = seed
  const whole = bytes.length - (bytes.length % 4)
  for (let i = 0; i < whole; i += 4) {
    let k = at(i) | (at(i + 1) << 8) | (at(i + 2) << 16) | (at(i + 3) << 24)
    k = Math.imul(rotl(Math.imul(k, c1), 15), c2)
    h = (Math.imul(rotl(h ^ k, 13), 5) + 0xe6546b64) | 0
  }
  let k = 0
  for (let i = bytes.length - 1; i >= whole; i--) k = (k << 8) | at(i)
  if (bytes.length > whole) h ^= Math.imul(rotl(Math.imul(k, c1), 15), c2)
  h ^= bytes.length
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/** UTF-8 through a different road: encodeURIComponent's %XX escapes are exactly the UTF-8 bytes. */
function utf8(text: string): number[] {
  const escaped = encodeURIComponent(text)
  const bytes: number[] = []
  for (let i = 0; i < escaped.length; i++) {
    if (escaped[i] === '%') {
      bytes.push(parseInt(escaped.slice(i + 1, i + 3), 16))
      i += 2
    } else {
      bytes.push(escaped.charCodeAt(i))
    }
  }
  return bytes
}

describe('murmur3', () => {
  it.each([
    ['', 0],
    ['a', 1009084850],
    ['ab', 2613040991],
    ['abc', 3017643002],
    ['abcd', 1139631978],
    ['deny:1000', 2114346988],
    ['allow:2002', 1556473615],
    ['allow:1234', 3094831219],
    ['deny:1000,allow:2002', 3680120112],
    ['allow:2002,deny:1000', 3991150528],
  ])('hashes %j to the standard value %d (litecord-notes §5.1)', (text, hash) => {
    expect(murmur3(text)).toBe(hash)
  })

  // Computed with an independent Python implementation that reproduces every vector above.
  it.each([
    ['é', 269551495],
    ['héllo wörld', 2549609076],
    ['日本語', 2779017879],
    ['🙂', 1042440291],
    ['allow:2002,deny:1000 — ✓', 3983532611],
  ])('hashes the UTF-8 bytes of non-ASCII %j', (text, hash) => {
    expect(murmur3(text)).toBe(hash)
  })

  it('encodes a lone surrogate as U+FFFD, as TextEncoder does', () => {
    expect(murmur3('\ud83d')).toBe(murmur3('\ufffd'))
    expect(murmur3('\ufffd')).toBe(3063719617)
  })

  it('agrees with a naive reference on any well-formed string and seed', () => {
    const wellFormed = fc.string({ unit: 'binary' }).filter((s) => !/\p{Cs}/u.test(s))
    fc.assert(
      fc.property(wellFormed, fc.nat({ max: 0xffffffff }), (text, seed) => {
        expect(murmur3(text, seed)).toBe(referenceMurmur3(utf8(text), seed))
      }),
    )
  })
})
