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
      const parts: string[] = []
      for (let i = 0; i < 4; i++) parts.push(nextUint32().toString(16).padStart(8, '0'))
      // join makes one flat string; `+=` would make a rope of 7 strings, and a closed session's id is
      // all it leaves behind (docs/design/semantics.md §10), so its size is the size of that trace.
      return parts.join('')
    },
  }
}
