import type { Session } from '../gateway/session.ts'
import { concatChanges, type ListChange, type ListOp, type Range } from '../lazyGuild/index.ts'
import type { WorldInternal } from '../world/createWorld.ts'
import type { Channel } from '../world/types.ts'
import {
  allRanges,
  type ChannelRanges,
  type GuildLists,
  type ListState,
  type MemberListRegistry,
} from './registry.ts'
import { groupOrderFor, listIdFor } from './listEntries.ts'

/** What moving holders needs from the service. */
export interface MoveDeps {
  readonly world: WorldInternal
  readonly registry: MemberListRegistry
  /** A new list for `channel`, built from the world. */
  build(channel: Channel, id: string): ListState
  /** Sends one session its ops for a list. */
  send(state: ListState, session: Session, ops: readonly ListOp[]): void
}

/** INVALIDATEs owed to a session that stopped holding some ranges of a list, sent once the list is current. */
export type PendingInvalidation = readonly [ListState, Session, readonly ListOp[]]

/** Ranges a session asked through these channels, which now show list `id`. */
interface Arrival {
  readonly session: Session
  readonly id: string
  readonly channel: Channel
  readonly channels: ChannelRanges
}

/** What `planMoves` decided, for `finishMoves` once every list is current. */
export interface PendingMoves {
  readonly invalidations: PendingInvalidation[]
  readonly arrivals: Arrival[]
}

/**
 * After roles or overwrites change (docs/design/semantics.md §10), in three steps so that every
 * frame carries the list as it is after the change: 1. `planMoves`: each holder keeps the ranges of
 * the channels that still show the list; the ranges
 *    of a channel that now shows another list, or that it can no longer read, leave it (their
 *    INVALIDATEs are computed, not sent yet);
 * 2. the service regroups each list (hoisted roles appear, move or go; members gain or lose sight of
 *    the channel) and sends the holders that stay their minimal ops;
 * 3. `finishMoves`: the INVALIDATEs go out, then each moved channel's ranges get their SYNC in the
 *    list it now shows, adding up with what the session holds there already.
 */
export const regroupList = {
  /**
   * Step 1. With `only`, just the holdings of those users are checked (a role's permissions changed:
   * only its members can lose or gain sight of a channel, and no channel shows another list).
   */
  planMoves(
    deps: Pick<MoveDeps, 'world' | 'registry'>,
    lists: GuildLists,
    only: ReadonlySet<string> | null = null,
  ): PendingMoves {
    const { world, registry } = deps
    const pending: PendingMoves = { invalidations: [], arrivals: [] }
    // A channel's list id is a hash of its overwrites: work it out once per channel, not per holder.
    const ids = new Map<string, string>()
    const idOf = (channel: Channel) => {
      let id = ids.get(channel.id)
      if (id === undefined) ids.set(channel.id, (id = listIdFor(world, channel)))
      return id
    }
    for (const state of [...lists.lists.values()]) {
      for (const [session, holding] of [...state.holdings]) {
        if (only !== null && !only.has(session.userId)) continue
        const kept = new Map<string, readonly Range[]>()
        const moves = new Map<
          string,
          { channel: Channel; channels: Map<string, readonly Range[]> }
        >()
        for (const [channelId, ranges] of holding.channels) {
          const channel = world.channel(channelId)
          if (!channel || !world.canView(session.userId, channelId)) continue
          const id = idOf(channel)
          if (id === state.id) {
            kept.set(channelId, ranges)
            continue
          }
          const move = moves.get(id) ?? { channel, channels: new Map() }
          move.channels.set(channelId, ranges)
          moves.set(id, move)
        }
        if (kept.size === holding.channels.size) continue
        pending.invalidations.push([state, session, leave(registry, state, session, kept)])
        for (const [id, { channel, channels }] of moves)
          pending.arrivals.push({ session, id, channel, channels })
      }
      // The channel that defined this list may now show another one: take one that still shows it.
      const representative = world.channel(state.channelId)
      if (!representative || listIdFor(world, representative) !== state.id) {
        const other = [...state.holdings.values()].flatMap((h) => [...h.channels.keys()])[0]
        if (other !== undefined) state.channelId = other
      }
    }
    return pending
  },

  finishMoves(deps: MoveDeps, lists: GuildLists, pending: PendingMoves): void {
    const { registry } = deps
    for (const [state, session, ops] of pending.invalidations)
      if (ops.length > 0) deps.send(state, session, ops)
    for (const { session, id, channel, channels } of pending.arrivals) {
      const ranges = allRanges(channels)
      if (ranges.length === 0) continue
      let target = lists.lists.get(id)
      if (!target) lists.lists.set(id, (target = deps.build(channel, id)))
      const sub = registry.subscription(target, session)
      const existing = target.holdings.get(session)
      const ops = existing ? sub.add(target.list, ranges) : sub.request(target.list, ranges)
      registry.hold(
        target,
        session,
        existing ? new Map([...existing.channels, ...channels]) : channels,
      )
      // Ranges it held there already (through another channel) get no second SYNC; the update still
      // goes out (with the list's counts), as for every channel that moves.
      deps.send(target, session, ops)
    }
  },

  /** True when the list's channel still exists and shows it (a list nobody shows is not regrouped). */
  stillShown(world: WorldInternal, state: ListState): boolean {
    const channel = world.channel(state.channelId)
    return channel !== undefined && listIdFor(world, channel) === state.id
  },

  /**
   * Brings a list in line with the world's groups and visibility; null when nothing changed. With
   * `users` (in join order), only their rows are read again: a change that concerns a role's members
   * costs O(those members), not O(guild); without, every member's and every row's.
   */
  regroup(
    world: WorldInternal,
    state: ListState,
    refresh: (state: ListState, userId: string, groups: ReadonlySet<string>) => ListChange | null,
    users?: readonly string[],
  ): ListChange | null {
    const channel = world.channel(state.channelId)
    if (!channel) return null
    const target = groupOrderFor(world, channel)
    const current = state.list.groupOrder
    const changes: ListChange[] = []
    // Groups that go stay in place until their members have moved out (setGroupOrder refuses to drop
    // a non-empty group); new groups come in at their final places.
    const merged = mergeOrders(target, current)
    if (!sameOrder(merged, current)) changes.push(state.list.setGroupOrder(merged))
    const groups = new Set(target)
    let userIds: Iterable<string> | undefined = users
    if (userIds === undefined) {
      const all = new Set<string>(world.guildMemberIds(state.guildId))
      for (const entry of state.list.entries()) all.add(entry.userId)
      userIds = all
    }
    for (const userId of userIds) {
      const change = refresh(state, userId, groups)
      if (change) changes.push(change)
    }
    if (!sameOrder(target, merged)) changes.push(state.list.setGroupOrder(target))
    return changes.length > 0 ? concatChanges(changes) : null
  },
}

/** `target` with each group of `current` that it lacks put back right after its old predecessor. */
export function mergeOrders(target: readonly string[], current: readonly string[]): string[] {
  const merged = [...target]
  current.forEach((group, i) => {
    if (merged.includes(group)) return
    const before = current
      .slice(0, i)
      .reverse()
      .find((g) => merged.includes(g))
    merged.splice(before === undefined ? 0 : merged.indexOf(before) + 1, 0, group)
  })
  return merged
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((g, i) => g === b[i])
}

/**
 * The session keeps holding `state` through the `kept` channels only (none: it lets go of the list).
 * Returns the INVALIDATEs of the ranges no kept channel holds, for the caller to send once the list is
 * current.
 */
export function leave(
  registry: MemberListRegistry,
  state: ListState,
  session: Session,
  kept: ChannelRanges,
): ListOp[] {
  const holding = state.holdings.get(session)
  if (!holding) return []
  if (kept.size === 0) {
    const ops = holding.sub.request(state.list, [])
    registry.release(state, session)
    return ops
  }
  const ops = holding.sub.narrow(allRanges(kept))
  registry.hold(state, session, kept)
  return ops
}
