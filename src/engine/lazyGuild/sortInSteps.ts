/**
 * A stable merge sort that yields after about `every` items sorted or merged: sorting 100,000 members
 * at once is one task of a few hundred milliseconds on a busy machine, which a page must not make.
 * Runs of `every` items (at most 1,024) are sorted with `Array.prototype.sort`, then merged pairwise.
 * Returns a new sorted array; `items` is left as it was.
 */
export function* sortInSteps<T>(
  items: readonly T[],
  compare: (a: T, b: T) => number,
  every: number,
): Generator<void, T[]> {
  const n = items.length
  if (!(every < n)) return [...items].sort(compare)
  const run = Math.max(1, Math.min(1024, Math.floor(every)))
  let from: T[] = []
  for (let start = 0; start < n; start += run) {
    const sorted = items.slice(start, start + run).sort(compare)
    for (const item of sorted) from.push(item)
    yield
  }
  let to: T[] = new Array<T>(n)
  let done = 0
  for (let width = run; width < n; width *= 2) {
    for (let left = 0; left < n; left += 2 * width) {
      const middle = Math.min(left + width, n)
      const right = Math.min(left + 2 * width, n)
      let i = left
      let j = middle
      let k = left
      while (i < middle && j < right) {
        // `<= 0` keeps equal items in their order (stable).
        to[k++] = compare(from[i] as T, from[j] as T) <= 0 ? (from[i++] as T) : (from[j++] as T)
        if (++done >= every) {
          done = 0
          yield
        }
      }
      while (i < middle) to[k++] = from[i++] as T
      while (j < right) to[k++] = from[j++] as T
    }
    ;[from, to] = [to, from]
  }
  return from
}
