import type { Session } from '../gateway/session.ts'
import { concatChanges, type ListChange, type ListOp } from '../lazyGuild/index.ts'
import type { WorldInternal } from '../world/createWorld.ts'
import type { Channel } from '../world/types.ts'
import type { GuildLists, ListState, MemberListRegistry } from './registry.ts'
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

/**
 * After roles or overwrites change (semantics §10): first, holders whose channels now show a different
 * list get INVALIDATE of their ranges in the old list and a SYNC of the same ranges in the new one (a
 * channel they can no longer read just loses its ranges); then each list that stays regroups (hoisted
 * roles appear, move or go; members gain or lose sight of the channel) with minimal ops.
 */
export const regroupList = {
  moveHolders(deps: MoveDeps, lists: GuildLists): void {
    const { world, registry } = deps
    for (const state of [...lists.lists.values()]) {
      for (const [session, holding] of [...state.holdings]) {
        const ranges = holding.sub.ranges
        const byId = new Map<string, { channel: Channel; channels: string[] }>()
        for (const channelId of holding.channels) {
          const channel = world.channel(channelId)
          if (!channel || !world.canView(session.userId, channelId)) continue
          const id = listIdFor(world, channel)
          const group = byId.get(id) ?? { channel, channels: [] }
          group.channels.push(channelId)
          byId.set(id, group)
        }
        const stays = byId.get(state.id)
        if (stays) {
          holding.channels.splice(0, holding.channels.length, ...stays.channels)
          byId.delete(state.id)
          if (byId.size === 0) continue
        } else {
          deps.send(state, session, holding.sub.request(state.list, []))
          registry.release(state, session)
        }
        for (const [id, { channel, channels }] of byId) {
          let target = lists.lists.get(id)
          if (!target) lists.lists.set(id, (target = deps.build(channel, id)))
          const sub = registry.subscription(target, session)
          deps.send(target, session, sub.request(target.list, ranges))
          registry.hold(target, session, channels)
        }
      }
      // The channel that defined this list may now show another one: take one that still shows it.
      const representative = world.channel(state.channelId)
      if (!representative || listIdFor(world, representative) !== state.id) {
        const other = [...state.holdings.values()].flatMap((h) => h.channels)[0]
        if (other !== undefined) state.channelId = other
      }
    }
  },

  /** Brings a list in line with the world's groups and visibility; null when nothing changed. */
  regroup(
    world: WorldInternal,
    state: ListState,
    refresh: (state: ListState, userId: string, groups: ReadonlySet<string>) => ListChange | null,
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
    const userIds = new Set<string>(world.guildMemberIds(state.guildId))
    for (const entry of state.list.entries()) userIds.add(entry.userId)
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
