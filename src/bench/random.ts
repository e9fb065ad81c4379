/**
 * A seeded generator (mulberry32), so every run picks the same victims in the same order, and the docs'
 * gateway-nodes model places sessions the same way on every visit. (The engine keeps its own, with a
 * state that snapshots; it exports none, and no layer below the engine can hold one for both.)
 */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** `k` distinct items of `items` in random order (a partial Fisher–Yates over a copy). */
export function sample<T>(items: readonly T[], k: number, random: () => number): T[] {
  const pool = items.slice()
  const n = Math.min(k, pool.length)
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i))
    const swap = pool[i] as T
    pool[i] = pool[j] as T
    pool[j] = swap
  }
  return pool.slice(0, n)
}
