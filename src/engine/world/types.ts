import type { Overwrite, PresenceStatus, Snowflake } from '../types.ts'

/** A user account, with Discord's field names. */
export interface User {
  readonly id: string
  readonly username: string
  readonly discriminator: '0'
  readonly global_name: string | null
  readonly avatar: string | null
  readonly bot: boolean
}

/** A guild. Its `@everyone` role has the guild's own id. */
export interface Guild {
  readonly id: string
  readonly name: string
  readonly owner_id: string
}

/** A guild role. `permissions` is a decimal-string bitfield, as on Discord. */
export interface Role {
  readonly id: string
  readonly guild_id: string
  readonly name: string
  readonly position: number
  readonly hoist: boolean
  readonly permissions: string
}

/** A stored permission overwrite: ids and bitfields as decimal strings. */
export interface PermissionOverwrite {
  readonly id: string
  readonly type: 0 | 1
  readonly allow: string
  readonly deny: string
}

/** A channel: guild channels have `guild_id`; DMs and group DMs have `recipients` instead. */
export interface Channel {
  readonly id: string
  readonly type: number
  readonly guild_id: string | null
  readonly name: string | null
  readonly position: number
  readonly permission_overwrites: readonly PermissionOverwrite[]
  /** User ids of a DM or group DM (empty for guild channels). */
  readonly recipients: readonly string[]
  /** Group DMs: the creator. */
  readonly owner_id: string | null
}

/** A guild member. `roles` never lists `@everyone` (as on Discord). */
export interface Member {
  readonly guild_id: string
  readonly user_id: string
  readonly nick: string | null
  readonly roles: readonly string[]
  readonly joined_at: string
}

/** A user's one presence (the last one set by any of its sessions). */
export interface Presence {
  readonly status: PresenceStatus
  readonly activities: readonly unknown[]
}

/** A message kept per channel, so that edits and deletes of unknown ids can be refused. */
export interface Message {
  readonly id: string
  readonly channel_id: string
  readonly guild_id: string | null
  readonly author_id: string
  readonly content: string
  readonly mentions: readonly string[]
  readonly timestamp: string
  readonly edited_timestamp: string | null
}

/** What `createUser` takes: `id` defaults to a generated snowflake, `bot` to false. */
export interface CreateUserInput {
  id?: Snowflake
  username: string
  bot?: boolean
}
/** What `createGuild` takes: the owner must exist and becomes the first member. */
export interface CreateGuildInput {
  id?: Snowflake
  name: string
  ownerId: Snowflake
}
/** What `createRole` takes: position defaults to above the highest role, permissions to `'0'`. */
export interface CreateRoleInput {
  id?: Snowflake
  name: string
  position?: number
  hoist?: boolean
  permissions?: Snowflake
}
/**
 * What `createChannel` takes: guild channels (types 0, 2, 4; the default is 0) need `guildId`; a DM
 * (1) takes exactly 2 recipients, a group DM (3) 1 to 10, the owner first.
 */
export interface CreateChannelInput {
  id?: Snowflake
  type?: number
  guildId?: Snowflake
  name?: string
  recipients?: Snowflake[]
  overwrites?: Overwrite[]
}
/** A member's roles (never `@everyone`) and nick (`null` or `''` for none). */
export interface MemberInput {
  roles?: Snowflake[]
  nick?: string | null
}

/**
 * The in-memory model of what a Discord-like server stores. Changing it dispatches nothing and changes
 * no subscription: the server's flows (`actions`) do both.
 */
export interface World {
  createUser(u: CreateUserInput): User
  createGuild(g: CreateGuildInput): Guild
  createRole(guildId: Snowflake, r: CreateRoleInput): Role
  createChannel(c: CreateChannelInput): Channel
  addMember(guildId: Snowflake, userId: Snowflake, m?: MemberInput): Member
  updateMember(guildId: Snowflake, userId: Snowflake, m: MemberInput): Member
  addFriendship(a: Snowflake, b: Snowflake): void
  canView(userId: Snowflake, channelId: Snowflake): boolean
  users(): User[]
  guilds(): Guild[]
  channels(): Channel[]
  user(id: Snowflake): User | undefined
  guild(id: Snowflake): Guild | undefined
  channel(id: Snowflake): Channel | undefined
  member(guildId: Snowflake, userId: Snowflake): Member | undefined
  members(guildId: Snowflake): Member[]
  roles(guildId: Snowflake): Role[]
}

/** A patch for `updateChannel`: a new name, and/or overwrites that replace the old ones. */
export interface UpdateChannelInput {
  name?: string | null
  overwrites?: Overwrite[]
}
/**
 * A patch for `updateRole`. `@everyone` accepts only `permissions` (its name, position 0 and hoist
 * are fixed).
 */
export interface UpdateRoleInput {
  name?: string
  position?: number
  hoist?: boolean
  permissions?: Snowflake
}
/** A patch for `updateUser`. `avatar` is an image hash, or `null` for the default avatar. */
export interface UpdateUserInput {
  username?: string
  avatar?: string | null
}
/** A presence as op 3 sets it. `activities` must be JSON data; default `[]`. */
export interface PresenceInput {
  status: PresenceStatus
  activities?: unknown[]
}
/** Options of `addMessage`: users mentioned (they must exist) and an explicit id. */
export interface MessageOptions {
  mentions?: Snowflake[]
  id?: Snowflake
}

/**
 * One successful world mutation, as `onChange` listeners and the inspection stream see it. There is
 * one change per mutator call, naming the entity the call was about; its cascades are implied, not
 * listed (a new guild's owner member and `@everyone` role; a deleted role leaving members and
 * overwrites; a deleted channel's messages). `id` is the entity's id (a member's is its user id; a
 * friendship's is the two user ids, lower first, joined by `:`); `guildId` is set for roles,
 * members, guild channels and their messages; `channelId` for messages.
 */
export interface WorldChange {
  readonly entity:
    'user' | 'guild' | 'role' | 'channel' | 'member' | 'friendship' | 'presence' | 'message'
  readonly op: 'create' | 'update' | 'delete'
  readonly id: string
  readonly guildId?: string
  readonly channelId?: string
}
