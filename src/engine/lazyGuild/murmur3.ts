/**
 * MurmurHash3, x86 32-bit variant (Austin Appleby's public-domain reference), over the UTF-8 bytes
 * of a string. Discord's clients name a member list by this hash (docs/design/gateway-facts.md
 * §9.4).
 */

const C1 = 0xcc9e2d51
const C2 = 0x1b873593

/**
 * The standard MurmurHash3 x86 32-bit of `text`'s UTF-8 bytes, as an unsigned integer.
 *
 * litecord's copy differs on inputs whose byte length is 2 or 3 mod 4: its tail does not fall
 * through, so only the last leftover byte is mixed in (docs/design/litecord-notes.md bug 13). This
 * is the standard tail.
 *
 * @example
 * murmur3('allow:2002,deny:1000') // 3991150528
 */
export function murmur3(text: string, seed = 0): number {
  let hash = seed >>> 0
  let block = 0
  let filled = 0
  let length = 0
  forEachUtf8Byte(text, (byte) => {
    block |= byte << (filled * 8)
    length += 1
    filled += 1
    if (filled === 4) {
      hash ^= scramble(block)
      hash = rotl(hash, 13)
      hash = (Math.imul(hash, 5) + 0xe6546b64) | 0
      block = 0
      filled = 0
    }
  })
  // The 1–3 leftover bytes are already little-endian in `block`: mix them all in (the standard
  // tail).
  if (filled > 0) hash ^= scramble(block)
  return finalize(hash ^ length)
}

function scramble(block: number): number {
  return Math.imul(rotl(Math.imul(block, C1), 15), C2)
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r))
}

function finalize(hash: number): number {
  let h = hash
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/**
 * Feeds `text`'s UTF-8 encoding to `emit`, byte by byte. Written out because the engine's lib has
 * no TextEncoder; like TextEncoder, it encodes a lone surrogate as U+FFFD.
 */
function forEachUtf8Byte(text: string, emit: (byte: number) => void): void {
  for (const char of text) {
    let code = char.codePointAt(0) ?? 0
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd
    if (code < 0x80) {
      emit(code)
    } else if (code < 0x800) {
      emit(0xc0 | (code >> 6))
      emit(0x80 | (code & 0x3f))
    } else if (code < 0x10000) {
      emit(0xe0 | (code >> 12))
      emit(0x80 | ((code >> 6) & 0x3f))
      emit(0x80 | (code & 0x3f))
    } else {
      emit(0xf0 | (code >> 18))
      emit(0x80 | ((code >> 12) & 0x3f))
      emit(0x80 | ((code >> 6) & 0x3f))
      emit(0x80 | (code & 0x3f))
    }
  }
}
