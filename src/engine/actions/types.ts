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
  sendMessage(
    channelId: Snowflake,
    authorId: Snowflake,
    content: string,
    opts?: { mentions?: Snowflake[]; id?: Snowflake },
  ): ActionResults
  editMessage(channelId: Snowflake, messageId: Snowflake, content: string): ActionResults
  deleteMessage(channelId: Snowflake, messageId: Snowflake): ActionResults
  startTyping(channelId: Snowflake, userId: Snowflake): ActionResults
  joinGuild(guildId: Snowflake, userId: Snowflake): ActionResults
  leaveGuild(guildId: Snowflake, userId: Snowflake): ActionResults
  createChannel(c: CreateChannelInput): ActionResults
  updateChannel(
    channelId: Snowflake,
    patch: { name?: string; overwrites?: Overwrite[] },
  ): ActionResults
  deleteChannel(channelId: Snowflake): ActionResults
  createRole(guildId: Snowflake, r: CreateRoleInput): ActionResults
  updateRole(
    guildId: Snowflake,
    roleId: Snowflake,
    patch: { name?: string; position?: number; hoist?: boolean; permissions?: Snowflake },
  ): ActionResults
  deleteRole(guildId: Snowflake, roleId: Snowflake): ActionResults
  setMemberRoles(guildId: Snowflake, userId: Snowflake, roles: Snowflake[]): ActionResults
  setNick(guildId: Snowflake, userId: Snowflake, nick: string | null): ActionResults
  addFriend(a: Snowflake, b: Snowflake): ActionResults
  removeFriend(a: Snowflake, b: Snowflake): ActionResults
  openDm(a: Snowflake, b: Snowflake): ActionResults
  createGroupDm(ownerId: Snowflake, recipients: Snowflake[]): ActionResults
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
