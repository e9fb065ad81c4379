import type { EachTarget, EventDispatcherInternal } from '../dispatcher.ts'
import type { Session } from '../gateway/session.ts'
import type { ListItem, ListOp } from '../lazyGuild/index.ts'
import { freezeOwned } from '../payload.ts'
import type { ListState } from './registry.ts'

/** One session's share of a list update: its ops, or `null` when the change touches none of its ranges. */
export type ListTarget = readonly [Session, readonly ListOp[] | null]

/**
 * Sends GUILD_MEMBER_LIST_UPDATE for `state` (gateway-facts §9.2): each target its own ops, as one
 * dispatch through `lazy_guild`; a target with `null` is listed as skipped with reason `range`. Every
 * member-list frame the engine sends goes through here.
 */
export function sendListUpdate(
  dispatcher: EventDispatcherInternal,
  state: ListState,
  targets: readonly ListTarget[],
): void {
  if (targets.length === 0) return
  const each: EachTarget[] = targets.map(([session, ops]) =>
    ops === null ? [session, null, 'range'] : [session, updatePayload(state, ops)],
  )
  dispatcher.sendEach('lazy_guild', state.guildId, 'GUILD_MEMBER_LIST_UPDATE', each)
}

/** The payload: `{ id, guild_id, member_count, online_count, groups, ops }`, as of the list now. */
function updatePayload(state: ListState, ops: readonly ListOp[]): unknown {
  return freezeOwned({
    id: state.id,
    guild_id: state.guildId,
    member_count: state.list.memberCount,
    online_count: state.list.onlineCount,
    groups: state.list.groups(),
    ops,
  })
}

/**
 * True when an op carries the member row of one of `userIds` (an INSERT, UPDATE or SYNC item): only
 * then has the session been told about that member (semantics §10). Empty ops, or ops that only
 * recount a group header, tell nothing about the member.
 */
export function carriesMember(ops: readonly ListOp[], userIds: readonly string[]): boolean {
  if (userIds.length === 0) return false
  const isAbout = (item: ListItem) =>
    'member' in item && userIds.includes((item.member as { user: { id: string } }).user.id)
  return ops.some((op) =>
    op.op === 'SYNC' ? op.items.some(isAbout) : 'item' in op && isAbout(op.item),
  )
}
