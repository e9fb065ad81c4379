import { compareSnowflakes } from '../ids.ts'

/**
 * How many of a guild's lowest member ids are kept: the most GUILD_CREATE's `large_threshold`
 * allows.
 */
export const LOWEST_IDS_CAPACITY = 250

/**
 * @internal The (at most) 250 numerically lowest member ids of one guild, sorted, so that
 * GUILD_CREATE's member sample costs O(n) and never O(guild size) (docs/design/semantics.md §3).
 *
 * Invariant: `ids` holds exactly the min(250, members) lowest ids. While it holds fewer than 250,
 * it holds every member, so a join only needs to compare against the largest kept id, and only a
 * leave of a kept id, in a guild larger than the index, needs a scan to find the one that moves up.
 */
export class LowestIds {
  private ids: string[] = []

  /** Rebuilds the index from every member id, e.g. after a restore. O(members · 250) worst case. */
  static from(memberIds: Iterable<string>): LowestIds {
    const index = new LowestIds()
    for (const id of memberIds) index.add(id)
    return index
  }

  /** A member joined: O(250). */
  add(id: string): void {
    const { ids } = this
    if (ids.length === LOWEST_IDS_CAPACITY) {
      if (compareSnowflakes(id, ids[ids.length - 1] as string) >= 0) return
      ids.pop()
    }
    ids.splice(this.position(id), 0, id)
  }

  /**
   * A member left. `remaining` lists the guild's members after the leave; it is scanned only when
   * the leaver was kept and members outside the index exist.
   */
  remove(id: string, remaining: () => Iterable<string>, remainingCount: number): void {
    const at = this.position(id)
    if (this.ids[at] !== id) return
    const full = this.ids.length === LOWEST_IDS_CAPACITY
    this.ids.splice(at, 1)
    if (full && remainingCount > this.ids.length) this.ids = LowestIds.from(remaining()).ids
  }

  /** The `n` lowest ids, ascending: O(n). */
  lowest(n: number): string[] {
    return this.ids.slice(0, n)
  }

  /** Binary search: where `id` is, or where it would go. */
  private position(id: string): number {
    let lo = 0
    let hi = this.ids.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (compareSnowflakes(this.ids[mid] as string, id) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}
