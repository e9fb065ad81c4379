import { EngineError } from '../errors.ts'
import { LowestIds } from './lowestIds.ts'
import { MemberIndex } from './memberIndex.ts'
import { copyJson } from './plainData.ts'
import { addToIndex, createState, indexChannel, type WorldState } from './state.ts'
import type { Channel, Guild, Member, Message, Presence, Role, User } from './types.ts'

/** One guild in a {@link WorldSnapshot}: its roles in creation order, its members in join order. */
export interface GuildSnapshot {
  readonly guild: Guild
  readonly roles: readonly Role[]
  readonly members: readonly Member[]
}

/**
 * The whole world as plain, deep-frozen JSON data, in the orders the reads promise (creation, join,
 * friendship order), so that restoring it gives a world no read can tell apart from the original.
 * Ids are not in it: they come from the simulation's generator, which the simulation snapshots
 * itself.
 */
export interface WorldSnapshot {
  readonly version: 1
  readonly users: readonly User[]
  readonly guilds: readonly GuildSnapshot[]
  readonly channels: readonly Channel[]
  /**
   * Per user, guild ids in join order: joins across guilds interleave, so guild lists cannot tell
   * it.
   */
  readonly memberships: readonly (readonly [userId: string, guildIds: readonly string[]])[]
  /** Per user, friend ids in the order the friendships were made. */
  readonly friends: readonly (readonly [userId: string, friendIds: readonly string[]])[]
  readonly presences: readonly (readonly [userId: string, presence: Presence])[]
  readonly messages: readonly Message[]
}

/**
 * @internal The snapshot of `state`. Entity records are frozen and the world replaces rather than
 * edits them, so the snapshot shares them: it costs O(world) containers, not a second copy of every
 * record, and neither side can change the other.
 */
export function takeSnapshot(state: WorldState): WorldSnapshot {
  const listed = (index: Map<string, Set<string>>) =>
    Object.freeze(
      Array.from(index, ([key, set]) => Object.freeze([key, Object.freeze([...set])] as const)),
    )
  return Object.freeze({
    version: 1,
    users: Object.freeze([...state.users.values()]),
    guilds: Object.freeze(
      Array.from(state.guilds.values(), (g) =>
        Object.freeze({
          guild: g.guild,
          roles: Object.freeze([...g.roles.values()]),
          members: Object.freeze([...g.members.values()]),
        }),
      ),
    ),
    channels: Object.freeze([...state.channels.values()]),
    memberships: listed(state.userGuilds),
    friends: listed(state.friends),
    presences: Object.freeze(Array.from(state.presences, (entry) => Object.freeze(entry))),
    messages: Object.freeze([...state.messages.values()]),
  })
}

/**
 * @internal The state a snapshot describes, indexes rebuilt. The snapshot is copied first
 * (deep-frozen), so one parsed from JSON works too and the caller keeps no handle on the world.
 */
export function stateFromSnapshot(snapshot: WorldSnapshot): WorldState {
  if ((snapshot as { version?: unknown } | null)?.version !== 1) {
    throw new EngineError(
      'INVALID_INPUT',
      'restore takes a WorldSnapshot (version 1) made by world.snapshot()',
    )
  }
  const data = copyJson(snapshot, 'snapshot') as WorldSnapshot
  const state = createState()
  for (const user of data.users) state.users.set(user.id, user)
  for (const g of data.guilds) {
    const members = new Map(g.members.map((m) => [m.user_id, m]))
    state.guilds.set(g.guild.id, {
      guild: g.guild,
      roles: new Map(g.roles.map((r) => [r.id, r])),
      members,
      channelIds: new Set(),
      lowest: LowestIds.from(members.keys()),
      index: MemberIndex.of(members.values()),
      // A new object: what a session kept of the guild it replaces is not current for it.
      memberVersion: 0,
    })
    for (const role of g.roles) state.roleGuild.set(role.id, g.guild.id)
  }
  for (const channel of data.channels) {
    state.channels.set(channel.id, channel)
    indexChannel(state, channel)
  }
  for (const [userId, guildIds] of data.memberships) {
    for (const guildId of guildIds) addToIndex(state.userGuilds, userId, guildId)
  }
  for (const [userId, friendIds] of data.friends) {
    for (const friendId of friendIds) addToIndex(state.friends, userId, friendId)
  }
  for (const [userId, presence] of data.presences) state.presences.set(userId, presence)
  for (const message of data.messages) {
    state.messages.set(message.id, message)
    addToIndex(state.channelMessages, message.channel_id, message.id)
  }
  return state
}
