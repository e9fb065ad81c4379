/**
 * A set of list positions kept as sorted, disjoint, non-adjacent inclusive runs; the last run may
 * be unbounded (`end` = `Infinity`). It follows positions through inserts and deletes, which is
 * what the op planner needs to know which of a client's slots are still right. It holds a handful
 * of runs (one per range, plus holes), so every operation is a short linear pass.
 *
 * @internal
 */
export class PositionSet {
  private runs: { start: number; end: number }[] = []

  /** The positions of `ranges`, plus everything from `tailFrom` on. */
  static of(ranges: readonly (readonly [number, number])[], tailFrom = Infinity): PositionSet {
    const set = new PositionSet()
    for (const [start, end] of ranges) set.add(start, end)
    set.add(tailFrom, Infinity)
    return set
  }

  has(position: number): boolean {
    return this.runs.some((run) => run.start <= position && position <= run.end)
  }

  /** The positions from `start` to `end` inclusive that are not in the set. */
  missing(start: number, end: number): number[] {
    const out: number[] = []
    for (let position = start; position <= end; position++)
      if (!this.has(position)) out.push(position)
    return out
  }

  /** Adds the positions `start` to `end` inclusive. */
  add(start: number, end = start): void {
    if (start > end || start === Infinity) return
    this.runs.push({ start, end })
    this.normalize()
  }

  /** Removes one position. */
  remove(position: number): void {
    this.runs = this.runs.flatMap((run) => {
      if (position < run.start || position > run.end) return [run]
      return [
        { start: run.start, end: position - 1 },
        { start: position + 1, end: run.end },
      ].filter((part) => part.start <= part.end)
    })
  }

  /** Keeps only the positions before `position`. */
  truncate(position: number): void {
    this.runs = this.runs
      .filter((run) => run.start < position)
      .map((run) => ({ start: run.start, end: Math.min(run.end, position - 1) }))
  }

  /** A slot was inserted at `index`: later positions move up one, and `index` joins the set. */
  insertAt(index: number): void {
    for (const run of this.runs) {
      if (run.start >= index) run.start += 1
      if (run.end >= index) run.end += 1
    }
    this.add(index)
  }

  /** The slot at `index` was deleted: it leaves the set and later positions move down one. */
  deleteAt(index: number): void {
    this.remove(index)
    for (const run of this.runs) {
      if (run.start > index) run.start -= 1
      if (run.end > index) run.end -= 1
    }
    this.normalize()
  }

  /** Sorts the runs and joins those that overlap or touch. */
  private normalize(): void {
    const sorted = [...this.runs].sort((a, b) => a.start - b.start)
    const runs: { start: number; end: number }[] = []
    for (const run of sorted) {
      const last = runs[runs.length - 1]
      if (last && run.start <= last.end + 1) last.end = Math.max(last.end, run.end)
      else runs.push({ ...run })
    }
    this.runs = runs
  }
}
