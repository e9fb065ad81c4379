import { ChannelType } from './channelType.ts'
import type { LowestIds } from './lowestIds.ts'
import type { MemberIndex } from './memberIndex.ts'
import type { ViewCache } from './viewCache.ts'
import type { Channel, Guild, Member, Message, Presence, Role, User, WorldChange } from './types.ts'

/**
 * What the world needs from the simulation: ids (a seeded snowflake generator) and simulation time.
 */
export interface WorldContext {
  nextId(): string
  now(): number
}

/** @internal One guild with its roles, members and channel ids. Maps iterate in insertion order. */
export interface GuildState {
  guild: Guild
  /** Creation order; `roles(guildId)` sorts by position then id. */
  readonly roles: Map<string, Role>
  /** Join order. */
  readonly members: Map<string, Member>
  /** Creation order. */
  readonly channelIds: Set<string>
  lowest: LowestIds
  /** Each role's members and the members' join order (role changes touch the role's members only). */
  index: MemberIndex
  /**
   * Bumped by every change to `members` (a join, a leave, a member record replaced): a reader that
   * kept a member record (`MemberHolder`, access.ts) knows it is still the current one while this is
   * what it was then.
   */
  memberVersion: number
}

/**
 * @internal The world's data. Entity records are frozen and replaced on change, never edited, so
 * reads can hand them out and snapshots can share them.
 */
export interface WorldState {
  readonly users: Map<string, User>
  readonly guilds: Map<string, GuildState>
  readonly channels: Map<string, Channel>
  /** Role id → guild id: role ids are unique world-wide, as Discord's snowflakes are. */
  readonly roleGuild: Map<string, string>
  /** User id → guild ids, in join order. */
  readonly userGuilds: Map<string, Set<string>>
  /** User id → DM and group-DM ids, in creation order. */
  readonly userChannels: Map<string, Set<string>>
  /** `dmKey(a, b)` → the DM's channel id. */
  readonly dms: Map<string, string>
  /** User id → friend ids, each link stored both ways. */
  readonly friends: Map<string, Set<string>>
  /** Only presences other than the default offline one are stored. */
  readonly presences: Map<string, Presence>
  /** Message id → message, in creation order; ids are unique world-wide. */
  readonly messages: Map<string, Message>
  /** Channel id → its message ids, in creation order. */
  readonly channelMessages: Map<string, Set<string>>
}

/** @internal What every world module works on. `state` is replaced whole by `restore`. */
export interface WorldCore {
  state: WorldState
  readonly ctx: WorldContext
  readonly views: ViewCache
  emit(change: WorldChange): void
}

/** @internal An empty world. */
export function createState(): WorldState {
  return {
    users: new Map(),
    guilds: new Map(),
    channels: new Map(),
    roleGuild: new Map(),
    userGuilds: new Map(),
    userChannels: new Map(),
    dms: new Map(),
    friends: new Map(),
    presences: new Map(),
    messages: new Map(),
    channelMessages: new Map(),
  }
}

/** @internal The key of the DM between two users, whichever order they come in. */
export function dmKey(a: string, b: string): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`
}

/** @internal Adds `value` to the set under `key`, creating it. */
export function addToIndex(index: Map<string, Set<string>>, key: string, value: string): void {
  let set = index.get(key)
  if (!set) index.set(key, (set = new Set()))
  set.add(value)
}

/** @internal Removes `value` from the set under `key`, dropping the set once empty. */
export function removeFromIndex(index: Map<string, Set<string>>, key: string, value: string): void {
  const set = index.get(key)
  if (!set) return
  set.delete(value)
  if (set.size === 0) index.delete(key)
}

/** @internal Lists a channel in its guild, or with its recipients (and as their DM). */
export function indexChannel(state: WorldState, channel: Channel): void {
  if (channel.guild_id !== null) state.guilds.get(channel.guild_id)?.channelIds.add(channel.id)
  for (const userId of channel.recipients) addToIndex(state.userChannels, userId, channel.id)
  if (channel.type === ChannelType.DM) {
    state.dms.set(
      dmKey(channel.recipients[0] as string, channel.recipients[1] as string),
      channel.id,
    )
  }
}
