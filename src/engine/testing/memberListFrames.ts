import type { fixtureL } from './fixtureL.ts'
import type { Frame, GatewayState } from '../types.ts'
import { applyOps, type ClientCopy, type ListItem, type ListOp } from '../lazyGuild/index.ts'

/** Readers of the GUILD_MEMBER_LIST_UPDATE frames a session received, shared by the member-list rule tests. */
export interface Update {
  id: string
  guild_id: string
  member_count: number
  online_count: number
  groups: { id: string; count: number }[]
  ops: ListOp[]
}

export const updates = (state: GatewayState, since = 0) =>
  state.frames
    .slice(since)
    .filter((f: Frame) => f.t === 'GUILD_MEMBER_LIST_UPDATE')
    .map((f) => f.d as Update)

/** `H<group id>` for a header, the username (with `/nick`) for a member. */
export function label(item: ListItem | undefined): string {
  if (item === undefined) return '-'
  const i = item as {
    group?: { id: string }
    member?: { user: { username: string }; nick: string | null }
  }
  if (i.group) return `H${i.group.id}`
  return i.member?.nick
    ? `${i.member.user.username}/${i.member.nick}`
    : (i.member?.user.username ?? '?')
}

/** The items of the first SYNC `session` receives for one request. */
export function syncLabels(
  sim: ReturnType<typeof fixtureL>['sim'],
  session: GatewayState,
  guildId: string,
  channelId: string,
) {
  const mark = session.frames.length
  sim.gateway.requestMemberList(session.sessionId, guildId, { [channelId]: [[0, 99]] })
  const [update] = updates(session, mark)
  const sync = update?.ops[0]
  return { update, labels: sync?.op === 'SYNC' ? sync.items.map(label) : [] }
}

/** A client copy built from every GUILD_MEMBER_LIST_UPDATE `session` received. */
export function clientCopy(session: GatewayState): ClientCopy {
  return updates(session).reduce<ClientCopy>((copy, u) => applyOps(copy, u.ops), [])
}

/**
 * The copy a real client keeps of each member list, keyed by list id: every update applied to the
 * copy of the list it names, and nothing ever thrown away (docs/design/semantics.md §10: items
 * outside the ranges, and those of released ranges, stay until an op removes or replaces them).
 */
export function clientCopies(session: GatewayState): Map<string, ClientCopy> {
  const copies = new Map<string, ClientCopy>()
  for (const u of updates(session)) copies.set(u.id, applyOps(copies.get(u.id) ?? [], u.ops))
  return copies
}
