import type { CreateChannelInput, CreateRoleInput } from '../world/types.ts'
import type { DispatchResult, Overwrite, Snowflake } from '../types.ts'

/** What an action returns: every DispatchResult it caused, in order (member-list updates included). */
export type ActionResults = DispatchResult[]

/**
 * Server flows: each validates everything, mutates the world, keeps the
 * subscriptions in step with permissions, dispatches what a Discord-like server would, in order, and
 * returns the DispatchResults it caused (member-list updates included). A refused call changes nothing.
 *
 * @example
 * const results = sim.actions.sendMessage('100', '10', 'hello') // alice, in #general
 * results.map((r) => `${r.type} via ${r.backend}`) // ['MESSAGE_CREATE via channel']
 * sim.actions.joinGuild('16777216', '12') // carol joins Book club: GUILD_MEMBER_ADD, GUILD_CREATE…
 */
export interface Actions {
  /**
   * MESSAGE_CREATE through `channel` (in a DM whose peer has not heard of it, CHANNEL_CREATE to the
   * peer first).
   */
  sendMessage(
    channelId: Snowflake,
    authorId: Snowflake,
    content: string,
    opts?: { mentions?: Snowflake[]; id?: Snowflake },
  ): ActionResults
  /** MESSAGE_UPDATE through `channel`; an unknown message is `UNKNOWN_MESSAGE`. */
  editMessage(channelId: Snowflake, messageId: Snowflake, content: string): ActionResults
  /** MESSAGE_DELETE through `channel`. */
  deleteMessage(channelId: Snowflake, messageId: Snowflake): ActionResults
  /** TYPING_START through `channel`. */
  startTyping(channelId: Snowflake, userId: Snowflake): ActionResults
  /**
   * GUILD_MEMBER_ADD to the members already subscribed, the joiner's sessions subscribed,
   * GUILD_CREATE through `member`, then the member lists.
   */
  joinGuild(guildId: Snowflake, userId: Snowflake): ActionResults
  /**
   * GUILD_DELETE through `member`, the leaver unsubscribed, GUILD_MEMBER_REMOVE through `guild`,
   * then the member lists.
   */
  leaveGuild(guildId: Snowflake, userId: Snowflake): ActionResults
  /**
   * A guild channel: CHANNEL_CREATE through `guild` to those who can view it, who are subscribed; a
   * DM or group DM: CHANNEL_CREATE to its recipients.
   */
  createChannel(c: CreateChannelInput): ActionResults
  /**
   * CHANNEL_UPDATE to those who can view it after the change; subscriptions and member lists follow
   * the new overwrites.
   */
  updateChannel(
    channelId: Snowflake,
    patch: { name?: string; overwrites?: Overwrite[] },
  ): ActionResults
  /** CHANNEL_DELETE to those who could view it; its subscribers are unsubscribed. */
  deleteChannel(channelId: Snowflake): ActionResults
  /** GUILD_ROLE_CREATE through `guild`, then the member lists. */
  createRole(guildId: Snowflake, r: CreateRoleInput): ActionResults
  /**
   * GUILD_ROLE_UPDATE through `guild`; subscriptions and member lists follow the new permissions.
   */
  updateRole(
    guildId: Snowflake,
    roleId: Snowflake,
    patch: { name?: string; position?: number; hoist?: boolean; permissions?: Snowflake },
  ): ActionResults
  /** GUILD_ROLE_DELETE through `guild`; its members lose it, and subscriptions and lists follow. */
  deleteRole(guildId: Snowflake, roleId: Snowflake): ActionResults
  /**
   * GUILD_MEMBER_UPDATE through `guild`; channel subscriptions follow the new permissions, then the
   * member lists.
   */
  setMemberRoles(guildId: Snowflake, userId: Snowflake, roles: Snowflake[]): ActionResults
  /** GUILD_MEMBER_UPDATE through `guild`, then the member lists (the list sorts by nickname). */
  setNick(guildId: Snowflake, userId: Snowflake, nick: string | null): ActionResults
  /**
   * RELATIONSHIP_ADD to both users through `user`, friend links both ways, then each one's presence
   * to the other.
   */
  addFriend(a: Snowflake, b: Snowflake): ActionResults
  /** RELATIONSHIP_REMOVE to both users through `user`, and the links removed both ways. */
  removeFriend(a: Snowflake, b: Snowflake): ActionResults
  /**
   * Creates (or reuses) the DM and sends CHANNEL_CREATE to `a` only; `b` hears of it with the first
   * message.
   */
  openDm(a: Snowflake, b: Snowflake): ActionResults
  /** A group DM: CHANNEL_CREATE to every recipient, each seeing the others. */
  createGroupDm(ownerId: Snowflake, recipients: Snowflake[]): ActionResults
  /**
   * USER_UPDATE to the user's sessions, GUILD_MEMBER_UPDATE over their guilds and PRESENCE_UPDATE
   * to friends, each session told once; then the member lists.
   */
  updateUser(userId: Snowflake, patch: { username?: string; avatar?: string | null }): ActionResults
}

/** @internal State the actions keep beyond the world: DMs whose peer has not been told yet. */
export interface ActionsState {
  /** DM channel id → the recipient who learns of it with the first message (openDm). */
  readonly pendingDmPeers: Map<string, string>
}

/** @internal An action's body: it dispatches; the wrapper collects what it caused into `ActionResults`. */
export type Flows<K extends keyof Actions> = {
  [P in K]: (...args: Parameters<Actions[P]>) => void
}
