import { compareSnowflakes, parseSnowflake } from '../ids.ts'
import type { Snowflake } from '../types.ts'
import type { WorldInternal } from './internal.ts'
import { LOWEST_IDS_CAPACITY } from './lowestIds.ts'
import { dmKey, type WorldCore } from './state.ts'
import type { Channel, Message, Role } from './types.ts'
import { defaultPresence } from './users.ts'
import { fail } from './validate.ts'

/**
 * @internal The canonical form of an id for a lookup; a non-canonical string simply matches
 * nothing.
 */
export function lookupKey(value: Snowflake): string | undefined {
  return typeof value === 'string' ? value : parseSnowflake(value)
}

type EntityReads = Pick<
  WorldInternal,
  | 'users'
  | 'guilds'
  | 'channels'
  | 'user'
  | 'guild'
  | 'channel'
  | 'member'
  | 'members'
  | 'roles'
  | 'role'
  | 'everyoneRole'
  | 'userGuildIds'
  | 'guildChannels'
  | 'guildMemberIds'
  | 'roleMemberIds'
  | 'inJoinOrder'
  | 'memberCount'
  | 'lowestMemberIds'
  | 'privateChannels'
  | 'findDm'
  | 'friendsOf'
  | 'friendIdSet'
  | 'guildChannelIdSet'
  | 'areFriends'
  | 'presence'
  | 'message'
  | 'messages'
>

const NO_IDS: ReadonlySet<string> = new Set()

/**
 * @internal Reads. Records are frozen, so they are handed out as they are; lists are fresh arrays.
 * Each read is O(what it returns), never O(world).
 */
export function entityReads(core: WorldCore): EntityReads {
  const guildOf = (id: Snowflake) => {
    const key = lookupKey(id)
    return key === undefined ? undefined : core.state.guilds.get(key)
  }
  const get = <T>(map: ReadonlyMap<string, T>, id: Snowflake): T | undefined => {
    const key = lookupKey(id)
    return key === undefined ? undefined : map.get(key)
  }
  const channelsOf = (ids: Iterable<string> | undefined): Channel[] =>
    Array.from(ids ?? [], (id) => core.state.channels.get(id) as Channel)

  return {
    users: () => [...core.state.users.values()],
    guilds: () => Array.from(core.state.guilds.values(), (g) => g.guild),
    channels: () => [...core.state.channels.values()],
    user: (id) => get(core.state.users, id),
    guild: (id) => guildOf(id)?.guild,
    channel: (id) => get(core.state.channels, id),
    member: (guildId, userId) => {
      const guild = guildOf(guildId)
      return guild && get(guild.members, userId)
    },
    members: (guildId) => [...(guildOf(guildId)?.members.values() ?? [])],
    // Discord's role order: by position, then by id among equal positions (docs/design/semantics.md
    // §10).
    roles: (guildId) =>
      [...(guildOf(guildId)?.roles.values() ?? [])].sort(
        (a: Role, b: Role) => a.position - b.position || compareSnowflakes(a.id, b.id),
      ),
    role: (guildId, roleId) => {
      const guild = guildOf(guildId)
      return guild && get(guild.roles, roleId)
    },
    everyoneRole: (guildId) => {
      const guild = guildOf(guildId)
      return guild?.roles.get(guild.guild.id)
    },
    userGuildIds: (userId) => [...(get(core.state.userGuilds, userId) ?? [])],
    guildChannels: (guildId) => channelsOf(guildOf(guildId)?.channelIds),
    guildMemberIds: (guildId) => guildOf(guildId)?.members.keys() ?? [],
    roleMemberIds: (guildId, roleId) => {
      const key = lookupKey(roleId)
      return key === undefined ? [] : (guildOf(guildId)?.index.roleMembers(key) ?? [])
    },
    inJoinOrder: (guildId, userIds) => guildOf(guildId)?.index.inJoinOrder(userIds) ?? [],
    memberCount: (guildId) => guildOf(guildId)?.members.size ?? 0,
    lowestMemberIds(guildId, n) {
      if (!Number.isSafeInteger(n) || n < 0 || n > LOWEST_IDS_CAPACITY) {
        fail(
          'INVALID_INPUT',
          `lowestMemberIds takes n from 0 to ${LOWEST_IDS_CAPACITY}, got ${String(n)}`,
        )
      }
      return guildOf(guildId)?.lowest.lowest(n) ?? []
    },
    privateChannels: (userId) => channelsOf(get(core.state.userChannels, userId)),
    findDm(a, b) {
      const x = lookupKey(a)
      const y = lookupKey(b)
      const id = x === undefined || y === undefined ? undefined : core.state.dms.get(dmKey(x, y))
      return id === undefined ? undefined : core.state.channels.get(id)
    },
    friendIdSet: (userId) => core.state.friends.get(userId) ?? NO_IDS,
    guildChannelIdSet: (guildId) => core.state.guilds.get(guildId)?.channelIds ?? NO_IDS,
    // A copy: the live set would let a caller add a friend behind the world's back.
    friendsOf: (userId) => new Set(get(core.state.friends, userId)),
    areFriends: (a, b) => {
      const key = lookupKey(b)
      return key !== undefined && (get(core.state.friends, a)?.has(key) ?? false)
    },
    presence: (userId) => get(core.state.presences, userId) ?? defaultPresence(),
    message(channelId, messageId) {
      const message = get(core.state.messages, messageId)
      return message && message.channel_id === lookupKey(channelId) ? message : undefined
    },
    messages: (channelId) =>
      Array.from(
        get(core.state.channelMessages, channelId) ?? [],
        (id) => core.state.messages.get(id) as Message,
      ),
  }
}
