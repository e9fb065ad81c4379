import type { GraphModel } from './graphModel.ts'

/** One subscription: a topic key and a subscriber (a session id; a user id for `friend` topics). */
export interface Subscription {
  readonly topicId: string
  readonly subscriber: string
}

/** How the subscriptions of one step differ from another's (the "before" one marked to compare with). */
export interface SubscriptionDiff {
  /** Subscribed now, not then. */
  readonly added: readonly Subscription[]
  /** Subscribed then, not now. */
  readonly removed: readonly Subscription[]
  /** Sessions open now that were not then, and the reverse. */
  readonly opened: readonly string[]
  readonly closed: readonly string[]
}

const pairs = (model: GraphModel): Map<string, Subscription> =>
  new Map(
    model.topics.flatMap((t) =>
      t.subscribers.map((subscriber) => [`${t.id}\n${subscriber}`, { topicId: t.id, subscriber }]),
    ),
  )

/** What changed between two steps' subscriptions and open sessions, in topic order. */
export function diffSubscriptions(before: GraphModel, after: GraphModel): SubscriptionDiff {
  const then = pairs(before)
  const now = pairs(after)
  const openThen = new Set(before.sessions.map((s) => s.id))
  const openNow = new Set(after.sessions.map((s) => s.id))
  return {
    added: [...now].filter(([k]) => !then.has(k)).map(([, s]) => s),
    removed: [...then].filter(([k]) => !now.has(k)).map(([, s]) => s),
    opened: [...openNow].filter((id) => !openThen.has(id)),
    closed: [...openThen].filter((id) => !openNow.has(id)),
  }
}
