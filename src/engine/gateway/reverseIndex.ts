/**
 * A subscription list a session is in (a guild or channel topic, backends/topics.ts). The session keeps
 * them, each with its own position in it, so that closing it costs O(its own subscriptions).
 */
export interface SubscriptionSlot {
  /** Removes the session at `position` of this list; called when the session closes. */
  evict(position: number): void
  /** The session at `position` of this list now keeps it at `index` of its reverse index. */
  slotMoved(position: number, index: number): void
}

/** Above this many lists, a session finds one in a Map rather than by scanning its short array. */
const SCAN_LIMIT = 32

/**
 * One session's side of its subscriptions: every list it is in (`slots`, in the order they were
 * made, swap-removed) and its position in each (`positions`, side by side). A list keeps, for each of
 * its sessions, the index here; each side tells the other when an entry moves, so subscribing,
 * unsubscribing and closing are O(1) per subscription with no Map on the list's side (a Map entry per
 * subscription cost IDENTIFY a tenth of its time and about 40 bytes each).
 */
export class ReverseIndex {
  /** The lists this session is in. Replaced, not grown in place, while short (see `appended`). */
  slots: SubscriptionSlot[] = []
  /** `positions[i]`: where this session sits in `slots[i]`; the list rewrites it when it compacts. */
  positions: number[] = []
  /** slot → index, made only once a session is in more than {@link SCAN_LIMIT} lists. */
  private byList: Map<SubscriptionSlot, number> | null = null

  /** How many lists the session is in. */
  get length(): number {
    return this.slots.length
  }

  /** The index of `slot` here, or -1: a scan of a short array, a Map for a long one. */
  indexOf(slot: SubscriptionSlot): number {
    const slots = this.slots
    if (slots.length <= SCAN_LIMIT) {
      for (let i = 0; i < slots.length; i++) if (slots[i] === slot) return i
      return -1
    }
    if (this.byList === null) {
      this.byList = new Map()
      for (let i = 0; i < slots.length; i++) this.byList.set(slots[i] as SubscriptionSlot, i)
    }
    return this.byList.get(slot) ?? -1
  }

  /** Appends `slot`, where the session sits at `position`; returns the entry's index. */
  add(slot: SubscriptionSlot, position: number): number {
    const index = this.slots.length
    this.slots = appended(this.slots, slot)
    this.positions = appended(this.positions, position)
    this.byList?.set(slot, index)
    return index
  }

  /** Removes entry `index` by moving the last entry into it (and telling that entry's list). */
  removeAt(index: number): void {
    const slots = this.slots
    const last = slots.length - 1
    const removed = slots[index] as SubscriptionSlot
    if (index !== last) {
      const moved = slots[last] as SubscriptionSlot
      const position = this.positions[last] as number
      slots[index] = moved
      this.positions[index] = position
      moved.slotMoved(position, index)
      this.byList?.set(moved, index)
    }
    slots.pop()
    this.positions.pop()
    this.byList?.delete(removed)
    if (slots.length <= SCAN_LIMIT / 2) this.byList = null
  }

  /** The session closed: every list lets go of it, then the index is empty. */
  evictAll(): void {
    const { slots, positions } = this
    for (let i = 0; i < slots.length; i++)
      (slots[i] as SubscriptionSlot).evict(positions[i] as number)
    this.slots = []
    this.positions = []
    this.byList = null
  }

  /** Puts the entries in the order of `order` (each one of them: a snapshot's recorded order). */
  reorder(order: readonly SubscriptionSlot[]): void {
    const positions = order.map((slot) => this.positions[this.indexOf(slot)] as number)
    this.slots = [...order]
    this.positions = positions
    this.byList = null
    order.forEach((slot, i) => slot.slotMoved(positions[i] as number, i))
  }
}

/**
 * `array` with `item` appended. Capacity doubles from 1 (up to 1,024, then `push` takes over): V8's
 * own `push` grows an empty array to 17 slots, 152 bytes for a session in a single topic, which alone
 * was more than a whole subscription should cost.
 */
function appended<T>(array: T[], item: T): T[] {
  const n = array.length
  if (n === 0) return [item]
  if (n < 1024 && (n & (n - 1)) === 0) {
    // Full at a power of two: copy into twice the room (shortening a fresh array keeps its capacity).
    const grown = new Array<T>(2 * n)
    for (let i = 0; i < n; i++) grown[i] = array[i] as T
    grown[n] = item
    grown.length = n + 1
    return grown
  }
  array.push(item)
  return array
}
