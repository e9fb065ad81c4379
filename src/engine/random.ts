/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence, so session ids and
 * everything derived from them replay byte for byte. The engine never calls Math.random.
 */
export interface Random {
  /** The next 32-bit unsigned integer. */
  nextUint32(): number
  /** 32 lowercase hex characters, the form of a session id. */
  nextHex32(): string
  /** @internal The generator's state, for snapshots. */
  state(): number
  /** @internal Restores a state from {@link state}. */
  setState(state: number): void
}

/** The char codes of 0-9a-f, by value. */
const HEX_DIGITS: readonly number[] = Array.from('0123456789abcdef', (c) => c.charCodeAt(0))
/** One session id's char codes, rewritten by each nextHex32 (the engine is single-threaded). */
const HEX_CODES: number[] = new Array<number>(32).fill(0)

export function createRandom(seed: number): Random {
  let state = seed >>> 0
  function nextUint32(): number {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }
  return {
    nextUint32,
    state: () => state,
    setState(value) {
      state = value >>> 0
    },
    nextHex32() {
      for (let i = 0; i < 32; i += 8) {
        const x = nextUint32()
        for (let j = 0; j < 8; j++)
          HEX_CODES[i + j] = HEX_DIGITS[(x >>> (28 - 4 * j)) & 15] as number
      }
      // One flat string from the 32 char codes: a closed session's id is all it leaves behind
      // (docs/design/semantics.md §10), so its size is the size of that trace (`+=` would make a rope
      // of 32 strings). About ten times cheaper than toString(16), padStart and join (7% of an IDENTIFY at scale).
      return String.fromCharCode.apply(null, HEX_CODES)
    },
  }
}
