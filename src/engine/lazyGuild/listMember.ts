import { compareSnowflakes } from '../ids.ts'

/** The group of members who are offline, whatever their roles; always the last group. */
export const OFFLINE_GROUP = 'offline'
/** The group of online (idle, dnd) members without a hoisted role that is a group of the list. */
export const ONLINE_GROUP = 'online'

/** A member as a list holds it. The caller decides the group and the sort name. */
export interface ListMember {
  readonly userId: string
  /** A hoisted role id, {@link ONLINE_GROUP} or {@link OFFLINE_GROUP}; in the group order. */
  readonly groupId: string
  /** The display name (nick, else username), already lower-cased. */
  readonly sortName: string
  /** The row's `member` payload (`{ user, nick, roles, …, presence }`); opaque to the list. */
  readonly item: unknown
}

/**
 * Within a group: display name by UTF-16 code units (plain `<`, never `localeCompare`, whose answer
 * differs between runtimes), then user id numerically (docs/design/semantics.md §10).
 */
export function compareMembers(a: ListMember, b: ListMember): number {
  if (a.sortName !== b.sortName) return a.sortName < b.sortName ? -1 : 1
  return compareSnowflakes(a.userId, b.userId)
}
