import type { Session } from '../gateway/session.ts'
import type { BackendName } from '../types.ts'
import { TopicTable } from './topics.ts'
import type { BackendContext, SubscriptionLists } from './types.ts'

/**
 * The keyed session lists of `guild` and `channel` (the seed's `DispatchWithState`), with the inspection
 * events every change emits. Internal callers (IDENTIFY, actions) use `add`/`remove` with sessions.
 */
export class SessionLists {
  readonly table: TopicTable
  private readonly name: BackendName
  private readonly ctx: BackendContext

  constructor(name: BackendName, ctx: BackendContext) {
    this.name = name
    this.ctx = ctx
    this.table = new TopicTable((topic, session) => this.emit('unsubscribe', topic.key, session))
  }

  add(key: string, session: Session): void {
    if (this.table.add(key, session)) this.emit('subscribe', key, session)
  }

  remove(key: string, session: Session): void {
    if (this.table.remove(key, session)) this.emit('unsubscribe', key, session)
  }

  has(key: string, session: Session): boolean {
    return this.table.get(key)?.has(session) ?? false
  }

  sessions(key: string): readonly Session[] {
    return this.table.sessions(key)
  }

  /** How many sessions the list holds (0 for a key with no list). */
  size(key: string): number {
    return this.table.get(key)?.size ?? 0
  }

  /**
   * Those of `candidates` the list holds, in the list's order (subscription order, as `sessions`
   * gives it): each is found by its own reverse index and sorted by its position in the list, so it
   * costs O(k log k) for k candidates, not a pass over the list. Candidates must be distinct.
   */
  inListOrder(key: string, candidates: readonly Session[]): Session[] {
    const topic = this.table.get(key)
    if (topic === undefined) return []
    const held: { position: number; session: Session }[] = []
    for (const session of candidates) {
      const index = session.slots.indexOf(topic)
      // A list's positions grow with subscription order; compacting it keeps their order.
      if (index >= 0) held.push({ position: session.slots.positions[index] as number, session })
    }
    held.sort((a, b) => a.position - b.position)
    return held.map((h) => h.session)
  }

  subscriberIds(key: string): string[] {
    return this.table.sessions(key).map((s) => s.sessionId)
  }

  /**
   * The raw API's `sub`/`unsub` over these lists: `requireKey` refuses keys naming nothing (an unknown
   * guild or channel), `states.require` unknown and closed sessions; `unsub` of either is a no-op.
   */
  subscriptionApi(requireKey: (key: string) => void): SubscriptionLists {
    const { states } = this.ctx
    return {
      check: (key, id) => {
        requireKey(key)
        states.require(id)
      },
      sub: (key, id) => {
        requireKey(key)
        this.add(key, states.require(id))
      },
      unsub: (key, id) => {
        const session = states.session(id)
        if (session) this.remove(key, session)
      },
    }
  }

  /** `explain`: the open sessions of `userIds` that a fan-out did not consider, in user order. */
  unconsideredOf(userIds: Iterable<string>, considered: ReadonlySet<string>): string[] {
    const missing: string[] = []
    for (const userId of userIds) {
      for (const s of this.ctx.states.sessionsOf(userId)) {
        if (!considered.has(s.sessionId)) missing.push(s.sessionId)
      }
    }
    return missing
  }

  private emit(type: 'subscribe' | 'unsubscribe', key: string, session: Session): void {
    const { inspector } = this.ctx
    if (!inspector.active) return
    inspector.emit({
      type,
      backend: this.name,
      key,
      subscriber: session.sessionId,
    })
  }
}
