import type { Session } from '../gateway/session.ts'
import type { StateManagerInternal } from '../gateway/stateManager.ts'
import { ListSubscription, MemberList, type ListMember, type Range } from '../lazyGuild/index.ts'
import { keyOf, type ListState, type MemberListRegistry } from './registry.ts'

/** Member lists as plain data: the rows themselves (the world may have moved on), and who holds what. */
export interface MemberListsSnapshot {
  readonly guilds: readonly {
    readonly guildId: string
    readonly holderOrder: readonly string[]
    readonly lists: readonly {
      readonly id: string
      readonly channelId: string
      readonly order: readonly string[]
      readonly entries: readonly ListMember[]
      readonly holdings: readonly {
        readonly sessionId: string
        readonly ranges: readonly Range[]
        readonly clientLength: number
        readonly channels: readonly string[]
        /** Each channel's own ranges, in the order of `channels` (absent in older snapshots). */
        readonly channelRanges?: readonly (readonly Range[])[]
      }[]
    }[]
  }[]
  /**
   * Lists sessions let go of: their clients keep a copy of this length (docs/design/semantics.md
   * §10).
   */
  readonly released: readonly {
    readonly sessionId: string
    readonly key: string
    readonly clientLength: number
  }[]
  /**
   * The sessions subscribed to more than one list, with the keys in the order they first asked: the
   * order closing the session lets go of them (and reports it). Absent in older snapshots.
   */
  readonly subscriptionOrder?: readonly {
    readonly sessionId: string
    readonly keys: readonly string[]
  }[]
}

/** The registry as plain data; ranges are copied, so the snapshot and the live lists share nothing mutable. */
export function snapshotLists(registry: MemberListRegistry): MemberListsSnapshot {
  const released: MemberListsSnapshot['released'][number][] = []
  const subscriptionOrder: { sessionId: string; keys: string[] }[] = []
  for (const [session, subs] of registry.allSubscriptions()) {
    if (subs.size > 1)
      subscriptionOrder.push({ sessionId: session.sessionId, keys: [...subs.keys()] })
    for (const [key, sub] of subs) {
      if (sub.ranges.length > 0) continue
      released.push({ sessionId: session.sessionId, key, clientLength: sub.clientLength })
    }
  }
  return {
    released,
    subscriptionOrder,
    guilds: Array.from(registry.allGuilds(), ([guildId, lists]) => ({
      guildId,
      holderOrder: lists.holderSessions().map((s) => s.sessionId),
      lists: Array.from(lists.lists.values(), (state) => ({
        id: state.id,
        channelId: state.channelId,
        order: state.list.groupOrder,
        entries: state.list.entries(),
        holdings: Array.from(state.holdings, ([session, h]) => ({
          sessionId: session.sessionId,
          ranges: h.sub.ranges.map(([start, end]): Range => [start, end]),
          clientLength: h.sub.clientLength,
          channels: [...h.channels.keys()],
          channelRanges: [...h.channels.values()].map((rs) => rs.map(([a, b]): Range => [a, b])),
        })),
      })),
    })),
  }
}

/** Puts a snapshot's lists and subscriptions back into an empty registry (sessions restored first). */
export function restoreLists(
  data: unknown,
  states: StateManagerInternal,
  registry: MemberListRegistry,
): void {
  const snapshot = data as MemberListsSnapshot
  const session = (id: string) => states.session(id) as Session
  for (const g of snapshot.guilds) {
    const lists = registry.guildOf(g.guildId)
    lists.restoreHolderOrder(g.holderOrder.map(session))
    for (const l of g.lists) {
      const list = new MemberList(l.order)
      for (const entry of l.entries) list.upsert(entry)
      const state: ListState = {
        id: l.id,
        guildId: g.guildId,
        channelId: l.channelId,
        list,
        holdings: new Map(),
      }
      lists.lists.set(l.id, state)
      for (const h of l.holdings) {
        const sub = ListSubscription.restore(h.ranges, h.clientLength)
        registry.restoreSubscription(session(h.sessionId), keyOf(state), sub)
        registry.hold(state, session(h.sessionId), channelRangesOf(h))
      }
    }
  }
  for (const r of snapshot.released) {
    registry.restoreSubscription(
      session(r.sessionId),
      r.key,
      ListSubscription.restore([], r.clientLength),
    )
  }
  for (const { sessionId, keys } of snapshot.subscriptionOrder ?? []) {
    registry.restoreSubscriptionOrder(session(sessionId), keys)
  }
}

/** A holding's channels with their ranges; an older snapshot without them gives all to the first. */
function channelRangesOf(
  h: MemberListsSnapshot['guilds'][number]['lists'][number]['holdings'][number],
): Map<string, readonly Range[]> {
  return new Map(
    h.channels.map((channelId, i) => [
      channelId,
      h.channelRanges?.[i]?.map(([a, b]): Range => [a, b]) ?? (i === 0 ? h.ranges : []),
    ]),
  )
}
