import type { CreateChannelInput, CreateRoleInput } from '../world/types.ts'
import type { DispatchResult, Overwrite, Snowflake } from '../types.ts'

/** What an action returns: every DispatchResult it caused, in order. */
export type R = DispatchResult[]

/**
 * Server flows (spec/semantics.md §8): each validates everything, mutates the world, keeps the
 * subscriptions in step with permissions, dispatches what a Discord-like server would, in order, and
 * returns the DispatchResults it caused (member-list updates included). A refused call changes nothing.
 */
export interface Actions {
  sendMessage(
    channelId: Snowflake,
    authorId: Snowflake,
    content: string,
    opts?: { mentions?: Snowflake[]; id?: Snowflake },
  ): R
  editMessage(channelId: Snowflake, messageId: Snowflake, content: string): R
  deleteMessage(channelId: Snowflake, messageId: Snowflake): R
  startTyping(channelId: Snowflake, userId: Snowflake): R
  joinGuild(guildId: Snowflake, userId: Snowflake): R
  leaveGuild(guildId: Snowflake, userId: Snowflake): R
  createChannel(c: CreateChannelInput): R
  updateChannel(channelId: Snowflake, patch: { name?: string; overwrites?: Overwrite[] }): R
  deleteChannel(channelId: Snowflake): R
  createRole(guildId: Snowflake, r: CreateRoleInput): R
  updateRole(
    guildId: Snowflake,
    roleId: Snowflake,
    patch: { name?: string; position?: number; hoist?: boolean; permissions?: Snowflake },
  ): R
  deleteRole(guildId: Snowflake, roleId: Snowflake): R
  setMemberRoles(guildId: Snowflake, userId: Snowflake, roles: Snowflake[]): R
  setNick(guildId: Snowflake, userId: Snowflake, nick: string | null): R
  addFriend(a: Snowflake, b: Snowflake): R
  removeFriend(a: Snowflake, b: Snowflake): R
  openDm(a: Snowflake, b: Snowflake): R
  createGroupDm(ownerId: Snowflake, recipients: Snowflake[]): R
  updateUser(userId: Snowflake, patch: { username?: string; avatar?: string | null }): R
}

/** @internal State the actions keep beyond the world: DMs whose peer has not been told yet. */
export interface ActionsState {
  /** DM channel id → the recipient who learns of it with the first message (openDm). */
  readonly pendingDmPeers: Map<string, string>
}

/** @internal An action's body: it dispatches; the wrapper collects what it caused into `R`. */
export type Flows<K extends keyof Actions> = {
  [P in K]: (...args: Parameters<Actions[P]>) => void
}
