import type { Session } from '../gateway/session.ts'
import type { SubscriptionSlot } from '../gateway/reverseIndex.ts'

/** Compact a topic once more than this many of its entries, and more than half, are empty. */
const MIN_HOLES = 16

/**
 * One topic's subscribers: the seed's `Dict[K, Set[V]]` entry (litecord `DispatchWithState`), tuned for
 * 100,000 sessions. Insertion-ordered; subscribe and unsubscribe are O(1); the fan-out iterates a cached
 * array snapshot (safe if the list changes mid-delivery), rebuilt only after a change.
 *
 * The subscribers sit in an array in subscription order; one that leaves becomes a hole, and the array
 * is compacted once holes are more than half of it (amortised O(1)). Each session keeps the topics it
 * is in with its position in each (its `slots`, gateway/reverseIndex.ts), and each topic keeps, per
 * entry, that entry's index in the session's slots, so either side can find and fix the other: closing a
 * session costs O(its own subscriptions), and no Map entry per subscription is needed (IDENTIFY spent a
 * tenth of its time in them; each cost about 40 bytes).
 *
 * Most topics have one subscriber (a DM, a small guild's channel, a user's own topics): a topic holds its
 * first subscriber in fields and makes its arrays only when a second one arrives.
 */
export class Topic implements SubscriptionSlot {
  /** The subscribers in order, `null` where one left; null while there has never been a second one. */
  private list: (Session | null)[] | null = null
  /** For each entry of `list`, its index in that session's `slots`. */
  private slotIndex: number[] = NO_INDEX
  private holes = 0
  /** The subscriber while `list` is null, and its index in `only.slots`. */
  private only: Session | null = null
  private onlyIndex = 0
  private snapshot: Session[] | null = null

  readonly key: string
  private readonly table: TopicTable

  constructor(key: string, table: TopicTable) {
    this.key = key
    this.table = table
  }

  get size(): number {
    return this.list !== null ? this.list.length - this.holes : this.only !== null ? 1 : 0
  }

  has(session: Session): boolean {
    return session.slots.indexOf(this) >= 0
  }

  /** Adds `session`; returns false when it was already there (subscribing twice is idempotent). */
  add(session: Session): boolean {
    if (session.slots.indexOf(this) >= 0) return false
    if (this.list === null && this.only === null) {
      this.only = session
      this.onlyIndex = session.slots.add(this, 0)
    } else {
      const list = this.toList()
      const position = list.length
      list.push(session)
      this.slotIndex.push(session.slots.add(this, position))
    }
    this.snapshot = null
    return true
  }

  /** Removes `session`; returns false when it was absent (a no-op). */
  remove(session: Session): boolean {
    const index = session.slots.indexOf(this)
    if (index < 0) return false
    this.forget(session.slots.positions[index] as number)
    session.slots.removeAt(index)
    this.afterRemoval()
    return true
  }

  /** The session at `position` closed: leave this list, tell the backend (the inspection stream). */
  evict(position: number): void {
    const session = this.forget(position)
    this.table.removed(this, session)
    this.afterRemoval()
  }

  /** The subscribers in subscription order. Do not mutate: it is shared until the next change. */
  sessions(): readonly Session[] {
    return (this.snapshot ??=
      this.list !== null
        ? (this.list.filter((s) => s !== null) as Session[])
        : this.only !== null
          ? [this.only]
          : [])
  }

  /** The session at `position` was moved to `index` of its reverse index (a swap-remove, a restore). */
  slotMoved(position: number, index: number): void {
    if (this.list !== null) this.slotIndex[position] = index
    else this.onlyIndex = index
  }

  /** The arrays, made from the single subscriber when a second one arrives. */
  private toList(): (Session | null)[] {
    if (this.list === null) {
      this.list = [this.only]
      this.slotIndex = [this.onlyIndex]
      this.only = null
    }
    return this.list
  }

  /** Empties entry `position`; returns the session that was there. */
  private forget(position: number): Session {
    this.snapshot = null
    if (this.list === null) {
      const session = this.only as Session
      this.only = null
      return session
    }
    const session = this.list[position] as Session
    this.list[position] = null
    this.holes++
    return session
  }

  /** Drops an empty topic from its table; compacts once holes are more than half of the list. */
  private afterRemoval(): void {
    if (this.size === 0) this.table.drop(this)
    else if (this.holes > MIN_HOLES && this.holes * 2 > (this.list as unknown[]).length)
      this.compact()
  }

  /** Closes the holes, telling each moved session its new position. */
  private compact(): void {
    const list = this.list as (Session | null)[]
    const slotIndex = this.slotIndex
    let to = 0
    for (let from = 0; from < list.length; from++) {
      const session = list[from] as Session | null
      if (session === null) continue
      if (to !== from) {
        const index = slotIndex[from] as number
        list[to] = session
        slotIndex[to] = index
        session.slots.positions[index] = to
      }
      to++
    }
    list.length = to
    slotIndex.length = to
    this.holes = 0
  }
}

const NO_INDEX: number[] = []

/** A backend's keyed topics, created on first subscribe and dropped when empty. */
export class TopicTable {
  private readonly topics = new Map<string, Topic>()

  private readonly onRemove: (topic: Topic, session: Session) => void

  constructor(onRemove: (topic: Topic, session: Session) => void = () => {}) {
    this.onRemove = onRemove
  }

  get(key: string): Topic | undefined {
    return this.topics.get(key)
  }

  /** Subscribes; returns false when already subscribed. */
  add(key: string, session: Session): boolean {
    let topic = this.topics.get(key)
    if (!topic) {
      topic = new Topic(key, this)
      this.topics.set(key, topic)
    }
    return topic.add(session)
  }

  /** Unsubscribes; returns false when it was not subscribed. */
  remove(key: string, session: Session): boolean {
    return this.topics.get(key)?.remove(session) ?? false
  }

  sessions(key: string): readonly Session[] {
    return this.topics.get(key)?.sessions() ?? []
  }

  keys(): IterableIterator<string> {
    return this.topics.keys()
  }

  /** Every topic with its subscribers' session ids, in order (snapshots). */
  entries(): [string, string[]][] {
    return Array.from(this.topics, ([key, topic]) => [
      key,
      topic.sessions().map((s) => s.sessionId),
    ])
  }

  /** @internal A topic lost its last subscriber. */
  drop(topic: Topic): void {
    if (this.topics.get(topic.key) === topic) this.topics.delete(topic.key)
  }

  /** @internal A closing session left `topic`. */
  removed(topic: Topic, session: Session): void {
    this.onRemove(topic, session)
  }
}
