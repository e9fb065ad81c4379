import type { EachTarget, EventDispatcherInternal } from '../dispatcher.ts'
import type { Session } from '../gateway/session.ts'
import type { ListItem, ListOp } from '../lazyGuild/index.ts'
import { freezeOwned } from '../payload.ts'
import type { ListState } from './registry.ts'

/** One session's share of a list update: its ops, or `null` when the change touches none of its ranges. */
export type ListTarget = readonly [Session, readonly ListOp[] | null]

/**
 * Sends GUILD_MEMBER_LIST_UPDATE for `state` (docs/design/gateway-facts.md §9.2): each target its
 * own ops, as one dispatch through `lazy_guild`; a target with `null` is listed as skipped with reason
 * `range`. Every member-list frame the engine sends goes through here. Targets given the same ops
 * array (holders of the same ranges share one plan: `ListSubscription.update`'s memo) share one
 * payload, as the recipients of a guild dispatch do.
 */
export function sendListUpdate(
  dispatcher: EventDispatcherInternal,
  state: ListState,
  targets: readonly ListTarget[],
): void {
  if (targets.length === 0) return
  const payloads = new Map<readonly ListOp[], unknown>()
  let groups: unknown = null
  const payloadOf = (ops: readonly ListOp[]) => {
    let payload = payloads.get(ops)
    if (payload === undefined) {
      // The list does not change while its update goes out: its groups are the same for everyone.
      groups ??= freezeOwned(state.list.groups())
      payload = updatePayload(state, groups, ops)
      payloads.set(ops, payload)
    }
    return payload
  }
  const each: EachTarget[] = targets.map(([session, ops]) =>
    ops === null ? [session, null, 'range'] : [session, payloadOf(ops)],
  )
  dispatcher.sendEach('lazy_guild', state.guildId, 'GUILD_MEMBER_LIST_UPDATE', each)
}

/** The payload: `{ id, guild_id, member_count, online_count, groups, ops }`, as of the list now. */
function updatePayload(state: ListState, groups: unknown, ops: readonly ListOp[]): unknown {
  return freezeOwned({
    id: state.id,
    guild_id: state.guildId,
    member_count: state.list.memberCount,
    online_count: state.list.onlineCount,
    groups,
    ops,
  })
}

/**
 * True when an op carries the member row of one of `userIds` (an INSERT, UPDATE or SYNC item): only
 * then has the session been told about that member (docs/design/semantics.md §10). Empty ops, or
 * ops that only recount a group header, tell nothing about the member.
 */
export function carriesMember(ops: readonly ListOp[], userIds: readonly string[]): boolean {
  if (userIds.length === 0) return false
  const isAbout = (item: ListItem) =>
    'member' in item && userIds.includes((item.member as { user: { id: string } }).user.id)
  return ops.some((op) =>
    op.op === 'SYNC' ? op.items.some(isAbout) : 'item' in op && isAbout(op.item),
  )
}
