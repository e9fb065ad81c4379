import { presencePayload, userPayload } from '../gateway/payloads.ts'
import { compareSnowflakes } from '../ids.ts'
import { freezeOwned, ownedOf } from '../payload.ts'
import type { WorldInternal } from '../world/createWorld.ts'
import type { PresenceStatus } from '../types.ts'
import type { Channel, Member, User } from '../world/types.ts'
import { memberListId } from '../lazyGuild/index.ts'
import { OFFLINE_GROUP, ONLINE_GROUP, type ListMember } from '../lazyGuild/index.ts'

/**
 * How the world decides lists (docs/design/semantics.md §6): which list a channel shows, its
 * groups, and each member's row. Pure reads of the world.
 */

/** The list a guild channel shows: `"everyone"` or the murmur3 id of its VIEW_CHANNEL overwrites. */
export function listIdFor(world: WorldInternal, channel: Channel): string {
  return memberListId(world.everyoneCanView(channel.id), channel.permission_overwrites)
}

/**
 * The groups of the list `channel` shows: hoisted roles that can view it, highest position first
 * (equal positions by role id), then `online`, then `offline`.
 */
export function groupOrderFor(world: WorldInternal, channel: Channel): string[] {
  const guildId = channel.guild_id as string
  const hoisted = world
    .roles(guildId)
    .filter((r) => r.hoist && r.id !== guildId && world.roleCanView(r.id, channel.id))
    .sort((a, b) => b.position - a.position || compareSnowflakes(a.id, b.id))
  return [...hoisted.map((r) => r.id), ONLINE_GROUP, OFFLINE_GROUP]
}

/**
 * The row of `userId` in the list `channel` shows, or `undefined` when the user is not a member who can
 * view it. An online (idle, dnd) member goes to the highest of its hoisted roles that is a group of
 * this list, else `online`; an offline member always to `offline`.
 */
export function entryFor(
  world: WorldInternal,
  channel: Channel,
  groups: ReadonlySet<string>,
  userId: string,
): ListMember | undefined {
  const guildId = channel.guild_id as string
  const member = world.member(guildId, userId)
  const user = world.user(userId)
  if (!member || !user || !world.canView(userId, channel.id)) return undefined
  const presence = world.presence(userId)
  let groupId = presence.status === 'offline' ? OFFLINE_GROUP : ONLINE_GROUP
  if (groupId === ONLINE_GROUP) {
    let best: { id: string; position: number } | undefined
    for (const roleId of member.roles) {
      if (!groups.has(roleId)) continue
      const role = world.role(guildId, roleId)
      if (!role) continue
      if (
        !best ||
        role.position > best.position ||
        (role.position === best.position && compareSnowflakes(role.id, best.id) < 0)
      ) {
        best = role
      }
    }
    if (best) groupId = best.id
  }
  const item =
    presence.activities.length === 0
      ? ownedRow(user, member, userId, presence.status)
      : freezeOwned({
          user: userPayload(user),
          nick: member.nick,
          roles: [...member.roles],
          joined_at: member.joined_at,
          deaf: false,
          mute: false,
          presence: presencePayload(userId, presence, null),
        })
  return { userId, groupId, sortName: (member.nick ?? user.username).toLowerCase(), item }
}

/** Frozen and shared: a row's presence without activities. */
const NO_ACTIVITIES: readonly never[] = Object.freeze([])

/**
 * A member's row built frozen and owned from the engine's own records, field for field what
 * `freezeOwned` of {@link userPayload}, the member and {@link presencePayload} gives (every field is a
 * string, null, a boolean or a list of strings), without the copy walk: reading a 100,000-member list
 * spent a twentieth of the Discord-scale scenario's load copying rows. Activities are caller data: a
 * presence with some takes the copy walk.
 */
function ownedRow(user: User, member: Member, userId: string, status: PresenceStatus): object {
  return ownedOf({
    user: Object.freeze(userPayload(user)),
    nick: member.nick,
    roles: Object.freeze([...member.roles]),
    joined_at: member.joined_at,
    deaf: false,
    mute: false,
    presence: Object.freeze({
      user: Object.freeze({ id: userId }),
      status,
      activities: NO_ACTIVITIES,
      client_status: Object.freeze(status === 'offline' ? {} : { desktop: status }),
    }),
  })
}

/** True when two rows would look the same to a client. */
export function sameEntry(a: ListMember, b: ListMember): boolean {
  return (
    a.groupId === b.groupId &&
    a.sortName === b.sortName &&
    JSON.stringify(a.item) === JSON.stringify(b.item)
  )
}
