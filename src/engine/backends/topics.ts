import type { Session, SubscriptionSlot } from '../gateway/session.ts'

/**
 * One topic's subscribers: the seed's `Dict[K, Set[V]]` entry (litecord `DispatchWithState`), tuned for
 * 100,000 sessions. Insertion-ordered; subscribe and unsubscribe are O(1); the fan-out iterates a cached
 * array snapshot (safe if the list changes mid-delivery, and faster than iterating the Map), rebuilt only
 * after a change. Each session keeps the topics it is in (its `slots`), and each topic remembers the
 * session's position there, so closing a session costs O(its own subscriptions).
 */
export class Topic implements SubscriptionSlot {
  /** session → its index in `session.slots` */
  private readonly members = new Map<Session, number>()
  private snapshot: Session[] | null = null

  readonly key: string
  private readonly onEmpty: (topic: Topic) => void
  private readonly onRemove: (topic: Topic, session: Session) => void

  constructor(
    key: string,
    onEmpty: (topic: Topic) => void,
    onRemove: (topic: Topic, session: Session) => void,
  ) {
    this.key = key
    this.onEmpty = onEmpty
    this.onRemove = onRemove
  }

  get size(): number {
    return this.members.size
  }

  has(session: Session): boolean {
    return this.members.has(session)
  }

  /** Adds `session`; returns false when it was already there (subscribing twice is idempotent). */
  add(session: Session): boolean {
    if (this.members.has(session)) return false
    this.members.set(session, session.slots.push(this) - 1)
    this.snapshot = null
    return true
  }

  /** Removes `session`; returns false when it was absent (a no-op). */
  remove(session: Session): boolean {
    const index = this.members.get(session)
    if (index === undefined) return false
    this.members.delete(session)
    this.snapshot = null
    // Swap-remove from the session's reverse index and fix the moved slot's recorded position.
    const last = session.slots.pop() as Topic
    if (last !== this) {
      session.slots[index] = last
      last.members.set(session, index)
    }
    if (this.members.size === 0) this.onEmpty(this)
    return true
  }

  /** The session closed: leave this list, tell the backend (for the inspection stream). */
  evict(session: Session): void {
    if (this.members.delete(session)) {
      this.snapshot = null
      this.onRemove(this, session)
      if (this.members.size === 0) this.onEmpty(this)
    }
  }

  /** The subscribers in subscription order. Do not mutate: it is shared until the next change. */
  sessions(): readonly Session[] {
    return (this.snapshot ??= Array.from(this.members.keys()))
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
      topic = new Topic(key, (t) => this.topics.delete(t.key), this.onRemove)
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
    return Array.from(this.topics, ([key, topic]) => [key, topic.sessions().map((s) => s.sessionId)])
  }
}
