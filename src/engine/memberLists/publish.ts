import type { EventDispatcherInternal } from '../dispatcher.ts'
import type { Session } from '../gateway/session.ts'
import type { ListItem, ListOp } from '../lazyGuild/index.ts'
import { freezeOwned } from '../payload.ts'
import type { ListState } from './registry.ts'

/**
 * Sends GUILD_MEMBER_LIST_UPDATE for `state` (docs/design/gateway-facts.md §9.2): `sessions[i]` its
 * own ops `opsOf[i]`, as one dispatch through `lazy_guild`; a session whose ops are `null` (the change
 * touches none of its ranges) is listed as skipped with reason `range`. Every member-list frame the
 * engine sends goes through here. Sessions given the same ops array (holders of the same ranges share
 * one plan: `ListSubscription.update`'s memo) share one payload, as the recipients of a guild dispatch
 * do.
 */
export function sendListUpdate(
  dispatcher: EventDispatcherInternal,
  state: ListState,
  sessions: readonly Session[],
  opsOf: readonly (readonly ListOp[] | null)[],
): void {
  if (sessions.length === 0) return
  // The list does not change while its update goes out: its groups are the same for everyone.
  let groups: unknown = null
  let lastOps: readonly ListOp[] | null = null
  let lastPayload: unknown = null
  const payloads = new Map<readonly ListOp[], unknown>()
  const each: unknown[] = new Array(sessions.length)
  for (let i = 0; i < sessions.length; i++) {
    const ops = opsOf[i] ?? null
    if (ops === null) each[i] = null
    else if (ops === lastOps) each[i] = lastPayload
    else {
      let payload = payloads.get(ops)
      if (payload === undefined) {
        groups ??= freezeOwned(state.list.groups())
        payload = updatePayload(state, groups, ops)
        payloads.set(ops, payload)
      }
      lastOps = ops
      each[i] = lastPayload = payload
    }
  }
  dispatcher.sendEach(
    'lazy_guild',
    state.guildId,
    'GUILD_MEMBER_LIST_UPDATE',
    sessions,
    each,
    'range',
  )
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
