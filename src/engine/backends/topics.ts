import type { Session, SubscriptionSlot } from '../gateway/session.ts'

/**
 * One topic's subscribers: the seed's `Dict[K, Set[V]]` entry (litecord `DispatchWithState`), tuned for
 * 100,000 sessions. Insertion-ordered; subscribe and unsubscribe are O(1); the fan-out iterates a cached
 * array snapshot (safe if the list changes mid-delivery, and faster than iterating the Map), rebuilt only
 * after a change. Each session keeps the topics it is in (its `slots`), and each topic remembers the
 * session's position there, so closing a session costs O(its own subscriptions).
 *
 * Most topics have one subscriber (a DM, a small guild's channel, a user's own topics): a topic holds its
 * first subscriber in fields and makes its Map only when a second one arrives (a Map per singleton topic
 * costs about 200 bytes: docs/design/playground.md §8).
 */
export class Topic implements SubscriptionSlot {
  /** session → its index in `session.slots`; null while the topic has never had two subscribers. */
  private members: Map<Session, number> | null = null
  /** The subscriber while `members` is null, and its index in `only.slots`. */
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
    return this.members !== null ? this.members.size : this.only !== null ? 1 : 0
  }

  has(session: Session): boolean {
    return this.members !== null ? this.members.has(session) : this.only === session
  }

  /** Adds `session`; returns false when it was already there (subscribing twice is idempotent). */
  add(session: Session): boolean {
    if (this.holds(session)) return false
    const index = session.addSlot(this)
    if (this.members !== null) this.members.set(session, index)
    else if (this.only === null) {
      this.only = session
      this.onlyIndex = index
    } else {
      this.members = new Map([
        [this.only, this.onlyIndex],
        [session, index],
      ])
      this.only = null
    }
    this.snapshot = null
    return true
  }

  /**
   * `has`, asked of the session's own reverse index while it is short (a session is in a topic exactly
   * when the topic is in its `slots`): a few comparisons in one small array instead of a lookup in a
   * Map of 100,000 sessions, which was a tenth of IDENTIFY's time (a dozen subscriptions each).
   */
  private holds(session: Session): boolean {
    if (this.members === null) return this.only === session
    const slots = session.slots
    if (slots.length > 32) return this.members.has(session)
    for (let i = 0; i < slots.length; i++) if (slots[i] === this) return true
    return false
  }

  /** Removes `session`; returns false when it was absent (a no-op). */
  remove(session: Session): boolean {
    const index = this.forget(session)
    if (index < 0) return false
    // Swap-remove from the session's reverse index and fix the moved slot's recorded position.
    const last = session.slots.pop() as Topic
    if (last !== this) {
      session.slots[index] = last
      last.moved(session, index)
    }
    if (this.size === 0) this.table.drop(this)
    return true
  }

  /** The session closed: leave this list, tell the backend (for the inspection stream). */
  evict(session: Session): void {
    if (this.forget(session) < 0) return
    this.table.removed(this, session)
    if (this.size === 0) this.table.drop(this)
  }

  /** The subscribers in subscription order. Do not mutate: it is shared until the next change. */
  sessions(): readonly Session[] {
    return (this.snapshot ??=
      this.members !== null
        ? Array.from(this.members.keys())
        : this.only !== null
          ? [this.only]
          : [])
  }

  /** Drops `session` from this topic; returns its index in `session.slots`, or -1 if absent. */
  private forget(session: Session): number {
    let index: number
    if (this.members !== null) {
      const found = this.members.get(session)
      if (found === undefined) return -1
      this.members.delete(session)
      index = found
    } else {
      if (this.only !== session) return -1
      this.only = null
      index = this.onlyIndex
    }
    this.snapshot = null
    return index
  }

  /** `session` moved this topic to position `index` of its slots (a swap-remove, a restore). */
  moved(session: Session, index: number): void {
    if (this.members !== null) this.members.set(session, index)
    else this.onlyIndex = index
  }
}

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
