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

export interface CreateUserInput {
  id?: Snowflake
  username: string
  bot?: boolean
}
export interface CreateGuildInput {
  id?: Snowflake
  name: string
  ownerId: Snowflake
}
export interface CreateRoleInput {
  id?: Snowflake
  name: string
  position?: number
  hoist?: boolean
  permissions?: Snowflake
}
export interface CreateChannelInput {
  id?: Snowflake
  type?: number
  guildId?: Snowflake
  name?: string
  recipients?: Snowflake[]
  overwrites?: Overwrite[]
}
export interface MemberInput {
  roles?: Snowflake[]
  nick?: string | null
}

/** The in-memory model of what a Discord-like server stores (spec/semantics.md §2). */
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
