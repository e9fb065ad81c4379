import type { Overwrite, PresenceStatus, Snowflake } from '../types.ts'

/** A user account, with Discord's field names. */
export interface User {
  /** The user's id, a snowflake as a decimal string. */
  readonly id: string
  /** The name shown when the user has no nickname in a guild. */
  readonly username: string
  /** Always `'0'`: Discord's unique usernames have none. */
  readonly discriminator: '0'
  /** A display name set for the whole site, or null (never set by the engine's flows). */
  readonly global_name: string | null
  /** An avatar image hash, or null for the default avatar (`actions.updateUser` sets it). */
  readonly avatar: string | null
  /** Whether the account is a bot (bots are the ones that shard and choose intents). */
  readonly bot: boolean
}

/** A guild. Its `@everyone` role has the guild's own id. */
export interface Guild {
  /** The guild's id; its `@everyone` role has the same id. */
  readonly id: string
  /** The guild's name. */
  readonly name: string
  /** The owner's user id: the owner has every permission in every channel. */
  readonly owner_id: string
}

/** A guild role. `permissions` is a decimal-string bitfield, as on Discord. */
export interface Role {
  /** The role's id (`@everyone` has the guild's id). */
  readonly id: string
  /** The guild the role belongs to. */
  readonly guild_id: string
  /** The role's name (a hoisted role's name heads its group in the member list). */
  readonly name: string
  /** Its rank: higher positions are listed first in the member list; `@everyone` is 0. */
  readonly position: number
  /** Whether its members are shown as a group of their own in the member list. */
  readonly hoist: boolean
  /** The permission bits it grants, as a decimal string (`Permissions` names them). */
  readonly permissions: string
}

/** A stored permission overwrite: ids and bitfields as decimal strings. */
export interface PermissionOverwrite {
  /** The role (type 0) or member (type 1) the overwrite is for. */
  readonly id: string
  /** 0 for a role (the guild's id is `@everyone`), 1 for a member. */
  readonly type: 0 | 1
  /** Bits it allows, as a decimal string. */
  readonly allow: string
  /** Bits it denies, as a decimal string. */
  readonly deny: string
}

/** A channel: guild channels have `guild_id`; DMs and group DMs have `recipients` instead. */
export interface Channel {
  /** The channel's id. */
  readonly id: string
  /** Its kind: `ChannelType` (0 guild text, 1 DM, 2 guild voice, 3 group DM, 4 category). */
  readonly type: number
  /** The guild of a guild channel; null for a DM or group DM. */
  readonly guild_id: string | null
  /** The channel's name; null for a DM. */
  readonly name: string | null
  /** Its place in the guild's channel list. */
  readonly position: number
  /**
   * Its overwrites, applied after the roles' permissions: `@everyone`'s, then the member's roles',
   * then the member's own.
   */
  readonly permission_overwrites: readonly PermissionOverwrite[]
  /** User ids of a DM or group DM (empty for guild channels). */
  readonly recipients: readonly string[]
  /** Group DMs: the creator. */
  readonly owner_id: string | null
}

/** A guild member. `roles` never lists `@everyone` (as on Discord). */
export interface Member {
  /** The guild. */
  readonly guild_id: string
  /** The member's user id. */
  readonly user_id: string
  /** The nickname in this guild, or null: the member list sorts by it when set. */
  readonly nick: string | null
  /** The role ids the member holds (never `@everyone`, which every member has). */
  readonly roles: readonly string[]
  /** When the member joined, as an ISO date from the simulation clock. */
  readonly joined_at: string
}

/** A user's one presence (the last one set by any of its sessions). */
export interface Presence {
  /** `online`, `idle`, `dnd` or `offline`. */
  readonly status: PresenceStatus
  /** What the user is doing (JSON data the engine passes on as it is). */
  readonly activities: readonly unknown[]
}

/** A message kept per channel, so that edits and deletes of unknown ids can be refused. */
export interface Message {
  /** The message's id (unique in the world). */
  readonly id: string
  /** The channel it was sent in. */
  readonly channel_id: string
  /** The guild of that channel, or null in a DM. */
  readonly guild_id: string | null
  /** Who wrote it. */
  readonly author_id: string
  /** Its text. */
  readonly content: string
  /** The user ids it mentions: they see its content even without `MESSAGE_CONTENT`. */
  readonly mentions: readonly string[]
  /** When it was sent, as an ISO date from the simulation clock. */
  readonly timestamp: string
  /** When it was last edited, or null. */
  readonly edited_timestamp: string | null
}

/** What `createUser` takes: `id` defaults to a generated snowflake, `bot` to false. */
export interface CreateUserInput {
  /** The id to use; default: a generated snowflake. */
  id?: Snowflake
  /** The user's name (required). */
  username: string
  /** A bot account; default false. */
  bot?: boolean
}
/** What `createGuild` takes: the owner must exist and becomes the first member. */
export interface CreateGuildInput {
  /** The id to use; default: a generated snowflake. */
  id?: Snowflake
  /** The guild's name (required). */
  name: string
  /** The owner, an existing user (required); the owner becomes the first member. */
  ownerId: Snowflake
}
/** What `createRole` takes: position defaults to above the highest role, permissions to `'0'`. */
export interface CreateRoleInput {
  /** The id to use; default: a generated snowflake. */
  id?: Snowflake
  /** The role's name (required). */
  name: string
  /** Its rank; default: above the highest role. */
  position?: number
  /** Shown as its own group in the member list; default false. */
  hoist?: boolean
  /** The bits it grants (a decimal string, bigint or number); default none. */
  permissions?: Snowflake
}
/**
 * What `createChannel` takes: guild channels (types 0, 2, 4; the default is 0) need `guildId`; a DM
 * (1) takes exactly 2 recipients, a group DM (3) 1 to 10, the owner first.
 */
export interface CreateChannelInput {
  /** The id to use; default: a generated snowflake. */
  id?: Snowflake
  /** A `ChannelType`; default 0, a guild text channel. */
  type?: number
  /** The guild of a guild channel (required for types 0, 2 and 4). */
  guildId?: Snowflake
  /** The name of a guild channel or group DM. */
  name?: string
  /** A DM's two users, or a group DM's 1 to 10 (the owner first). */
  recipients?: Snowflake[]
  /** A guild channel's permission overwrites. */
  overwrites?: Overwrite[]
}
/** A member's roles (never `@everyone`) and nick (`null` or `''` for none). */
export interface MemberInput {
  /** The role ids to hold (replacing the old ones). */
  roles?: Snowflake[]
  /** A nickname, or null or `''` for none. */
  nick?: string | null
}

/**
 * The in-memory model of what a Discord-like server stores. Changing it dispatches nothing and changes
 * no subscription: the server's flows (`actions`) do both.
 */
export interface World {
  /** Adds a user. Refused (`EngineError`) for a taken id or a missing username. */
  createUser(u: CreateUserInput): User
  /** Adds a guild, its `@everyone` role and its owner as first member. */
  createGuild(g: CreateGuildInput): Guild
  /** Adds a role to a guild. */
  createRole(guildId: Snowflake, r: CreateRoleInput): Role
  /** Adds a guild channel, a DM or a group DM. */
  createChannel(c: CreateChannelInput): Channel
  /**
   * Makes a user a member of a guild (data only: no GUILD_MEMBER_ADD, no subscription;
   * `actions.joinGuild` does both).
   */
  addMember(guildId: Snowflake, userId: Snowflake, m?: MemberInput): Member
  /**
   * Changes a member's roles or nickname (data only; `actions.setMemberRoles` and `setNick`
   * dispatch).
   */
  updateMember(guildId: Snowflake, userId: Snowflake, m: MemberInput): Member
  /** Records a friendship (data only; the links are made at IDENTIFY or by `actions.addFriend`). */
  addFriendship(a: Snowflake, b: Snowflake): void
  /**
   * Whether the user may view the channel now (`VIEW_CHANNEL`, computed with Discord's algorithm).
   */
  canView(userId: Snowflake, channelId: Snowflake): boolean
  /** Every user, in creation order. */
  users(): User[]
  /** Every guild, in creation order. */
  guilds(): Guild[]
  /** Every channel, in creation order. */
  channels(): Channel[]
  /** A user by id, or undefined. */
  user(id: Snowflake): User | undefined
  /** A guild by id, or undefined. */
  guild(id: Snowflake): Guild | undefined
  /** A channel by id, or undefined. */
  channel(id: Snowflake): Channel | undefined
  /** A guild's member by user id, or undefined. */
  member(guildId: Snowflake, userId: Snowflake): Member | undefined
  /** A guild's members, in the order they joined. */
  members(guildId: Snowflake): Member[]
  /** A guild's roles, `@everyone` included, by position, then by id. */
  roles(guildId: Snowflake): Role[]
}

/** A patch for `updateChannel`: a new name, and/or overwrites that replace the old ones. */
export interface UpdateChannelInput {
  /** A new name (null keeps a DM's none). */
  name?: string | null
  /** New overwrites, replacing the old ones. */
  overwrites?: Overwrite[]
}
/**
 * A patch for `updateRole`. `@everyone` accepts only `permissions` (its name, position 0 and hoist
 * are fixed).
 */
export interface UpdateRoleInput {
  /** A new name. */
  name?: string
  /** A new rank. */
  position?: number
  /** Whether it is shown as its own group. */
  hoist?: boolean
  /** New permission bits. */
  permissions?: Snowflake
}
/** A patch for `updateUser`. `avatar` is an image hash, or `null` for the default avatar. */
export interface UpdateUserInput {
  /** A new username. */
  username?: string
  /** A new avatar hash, or null for the default. */
  avatar?: string | null
}
/** A presence as op 3 sets it. `activities` must be JSON data; default `[]`. */
export interface PresenceInput {
  /** `online`, `idle`, `dnd` or `offline`. */
  status: PresenceStatus
  /** What the user is doing (JSON data); default none. */
  activities?: unknown[]
}
/** Options of `addMessage`: users mentioned (they must exist) and an explicit id. */
export interface MessageOptions {
  /** User ids the message mentions. */
  mentions?: Snowflake[]
  /** The message's id; default: a generated snowflake. */
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
  /** What changed: a guild, member, channel, user, role or friendship. */
  readonly entity:
    'user' | 'guild' | 'role' | 'channel' | 'member' | 'friendship' | 'presence' | 'message'
  /** Whether it was created, updated or deleted. */
  readonly op: 'create' | 'update' | 'delete'
  /** The id of what changed (a friendship's: the two user ids joined with `:`). */
  readonly id: string
  /** The guild it belongs to, for members, roles and guild channels. */
  readonly guildId?: string
  /** The channel, when the change is about one. */
  readonly channelId?: string
}
