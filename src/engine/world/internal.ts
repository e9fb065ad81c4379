import type { Snowflake } from '../types.ts'
import type { WorldSnapshot } from './snapshot.ts'
import type {
  Channel,
  Guild,
  Member,
  Message,
  MessageOptions,
  Presence,
  PresenceInput,
  Role,
  UpdateChannelInput,
  UpdateRoleInput,
  UpdateUserInput,
  User,
  World,
  WorldChange,
} from './types.ts'

/**
 * The world as the rest of the engine sees it: the public {@link World} plus the reads the
 * backends, gateway and member lists need, the mutators the actions use, the change stream and
 * snapshots.
 *
 * Reads never throw: a malformed or unknown id is simply not found (`undefined`, `false`, `[]`,
 * `0`). Mutators validate everything first and throw `EngineError` before changing anything; they
 * change data only and never dispatch (docs/design/semantics.md §10). Everything returned is frozen
 * or a fresh copy.
 */
export interface WorldInternal extends World {
  /**
   * @internal The user `id` names, or `EngineError` `UNKNOWN_USER` (`INVALID_ID` when it is no
   * snowflake); `what` names the argument in the message.
   */
  requireUser(id: unknown, what?: string): User
  /** @internal The guild, or `UNKNOWN_GUILD` / `INVALID_ID`. */
  requireGuild(id: unknown): Guild
  /** @internal The channel, or `UNKNOWN_CHANNEL` / `INVALID_ID`. */
  requireChannel(id: unknown): Channel
  /** @internal The member, or `UNKNOWN_GUILD` / `UNKNOWN_MEMBER` / `INVALID_ID`. */
  requireMember(guildId: unknown, userId: unknown): Member
  /** @internal A user's guild ids, in join order. */
  userGuildIds(userId: Snowflake): readonly string[]
  /** @internal A guild's channels, in creation order. */
  guildChannels(guildId: Snowflake): Channel[]
  /** @internal A guild's member user ids, in join order: a live view, O(1) to get. */
  guildMemberIds(guildId: Snowflake): Iterable<string>
  /** @internal The members holding a role, in join order: O(r log r) for r holders. */
  roleMemberIds(guildId: Snowflake, roleId: Snowflake): string[]
  /** @internal Which of `userIds` are members of the guild, in join order. */
  inJoinOrder(guildId: Snowflake, userIds: Iterable<string>): string[]
  /** @internal How many members a guild has. */
  memberCount(guildId: Snowflake): number
  /** @internal The DMs and group DMs a user is a recipient of, in creation order. */
  privateChannels(userId: Snowflake): Channel[]
  /** @internal The DM between two users, if one exists. */
  findDm(a: Snowflake, b: Snowflake): Channel | undefined
  /**
   * @internal A user's friend ids, live (no copy: IDENTIFY reads them twice per session); the caller
   * must not change the world while it iterates them.
   */
  friendIdSet(userId: string): ReadonlySet<string>
  /** @internal A guild's channel ids in creation order, live (no copy), like friendIdSet. */
  guildChannelIdSet(guildId: string): ReadonlySet<string>
  /** @internal A copy of a user's friend ids, in the order the friendships were made. */
  friendsOf(userId: Snowflake): ReadonlySet<string>
  /** @internal Whether two users are friends. */
  areFriends(a: Snowflake, b: Snowflake): boolean
  /** @internal One role of a guild. */
  role(guildId: Snowflake, roleId: Snowflake): Role | undefined
  /** @internal A guild's `@everyone` role (its id is the guild's). */
  everyoneRole(guildId: Snowflake): Role | undefined
  /**
   * @internal The `n` (≤ 250) numerically lowest member user ids, ascending, in O(n):
   * GUILD_CREATE's member sample.
   */
  lowestMemberIds(guildId: Snowflake, n: number): string[]
  /** @internal A user's presence; `offline` with no activities until one is set. */
  presence(userId: Snowflake): Presence
  /** @internal A member's permissions in the guild (base permissions): 0n for a non-member. */
  guildPermissions(userId: Snowflake, guildId: Snowflake): bigint
  /**
   * @internal A user's permissions in a channel (Discord's algorithm, see permissions.ts); a DM or
   * group DM recipient gets PRIVATE_CHANNEL_PERMISSIONS; 0n for a non-member, non-recipient or
   * unknown id.
   */
  permissions(userId: Snowflake, channelId: Snowflake): bigint
  /**
   * @internal `canView(userId, channelId)` for many users of one channel, answered alike: the
   * channel, its guild and its role-set memo are found once, so each user costs a member lookup and
   * a memo read. For a fan-out filter (CHANNEL_UPDATE asks every session of the guild); use it within
   * the call that made it (a later change to the world is not seen).
   */
  viewersOf(channelId: Snowflake): (userId: string, holder?: MemberHolder) => boolean
  /**
   * @internal Whether a role can view a guild channel for the lazy member list: as a member holding
   * only `@everyone` and that role could (permissions.ts `roleCanView`).
   */
  roleCanView(roleId: Snowflake, channelId: Snowflake): boolean
  /**
   * @internal Whether `@everyone` can view a guild channel by Discord's client rule (member list
   * id).
   */
  everyoneCanView(channelId: Snowflake): boolean
  /** @internal One message of a channel. */
  message(channelId: Snowflake, messageId: Snowflake): Message | undefined
  /** @internal A channel's messages, in creation order. */
  messages(channelId: Snowflake): Message[]

  /**
   * @internal Removes a member; refuses the guild owner (`OWNER_CANNOT_LEAVE`). Returns the member.
   */
  removeMember(guildId: Snowflake, userId: Snowflake): Member
  /** @internal Replaces a member's roles. */
  setMemberRoles(guildId: Snowflake, userId: Snowflake, roles: Snowflake[]): Member
  /** @internal Sets or clears (`null`) a member's nick. */
  setNick(guildId: Snowflake, userId: Snowflake, nick: string | null): Member
  /** @internal Renames a channel and/or replaces its overwrites. */
  updateChannel(channelId: Snowflake, patch: UpdateChannelInput): Channel
  /** @internal Deletes a channel and its messages. Returns the channel as it was. */
  deleteChannel(channelId: Snowflake): Channel
  /** @internal Changes a role; `@everyone` accepts only `permissions`. */
  updateRole(guildId: Snowflake, roleId: Snowflake, patch: UpdateRoleInput): Role
  /**
   * @internal Deletes a role, and removes it from its members and from channel overwrites; refuses
   * `@everyone` (`CANNOT_DELETE_EVERYONE`). Returns the role as it was.
   */
  deleteRole(guildId: Snowflake, roleId: Snowflake): Role
  /** @internal Ends a friendship; a no-op when there is none. */
  removeFriendship(a: Snowflake, b: Snowflake): void
  /** @internal Renames a user and/or changes its avatar. */
  updateUser(userId: Snowflake, patch: UpdateUserInput): User
  /** @internal Sets a user's presence; the same presence again is a no-op. Returns the presence. */
  setPresence(userId: Snowflake, presence: PresenceInput): Presence
  /**
   * @internal Stores a message. The author must be a member of the channel's guild, or a recipient
   * of the DM; mentions must be users. The id comes from the generator unless given.
   */
  addMessage(
    channelId: Snowflake,
    authorId: Snowflake,
    content: string,
    opts?: MessageOptions,
  ): Message
  /** @internal Replaces a message's content and stamps `edited_timestamp`. */
  editMessage(channelId: Snowflake, messageId: Snowflake, content: string): Message
  /** @internal Deletes a message. Returns it as it was. */
  deleteMessage(channelId: Snowflake, messageId: Snowflake): Message

  /**
   * @internal Calls `listener` after each successful mutation (one change per call; see
   * WorldChange). Returns the unsubscribe function.
   */
  onChange(listener: (change: WorldChange) => void): () => void
  /** @internal A frozen, plain-data copy of the whole world (for step-back and replays). */
  snapshot(): WorldSnapshot
  /** @internal Replaces the whole world with a snapshot's; listeners stay, nothing is reported. */
  restore(snapshot: WorldSnapshot): void
}

/**
 * @internal Where a caller that asks about the same user again and again (a session, whose user
 * never changes) keeps that user's member record of the guild it last asked about, so that
 * `viewersOf` reads it back instead of looking the user up among the guild's members. It is the
 * current record while the guild is the same object and its `memberVersion` has not moved.
 */
export interface MemberHolder {
  /** The guild's state the record was read from (compared by identity), or null: nothing kept. */
  memberGuild: object | null
  /** That guild's `memberVersion` then. */
  memberVersion: number
  /** The user's member record then; undefined when the user was not a member. */
  memberRecord: Member | undefined
}
