import { freezeOwned, ownedOf } from '../payload.ts'
import { guildCreateParts } from './guildCreateParts.ts'
import { Intents } from './intents.ts'
import type { Session } from './session.ts'
import type { WorldInternal } from '../world/createWorld.ts'
import type { Channel, Guild, Member, Presence, User } from '../world/types.ts'

/**
 * Discord-shaped payloads built from the world (docs/design/gateway-facts.md §3.3, §7). Plain data;
 * the dispatcher freezes what it sends.
 */

/** The gateway API version READY announces. */
export const GATEWAY_VERSION = 10

/** A user object as Discord sends it. */
export function userPayload(user: User) {
  return {
    id: user.id,
    username: user.username,
    discriminator: user.discriminator,
    global_name: user.global_name,
    avatar: user.avatar,
    bot: user.bot,
  }
}

/**
 * {@link userPayload} frozen and marked owned: built from the engine's own record, so a payload that
 * holds it needs no copy walk (READY's relationships, GUILD_CREATE's members, shared by many sessions).
 */
function ownedUser(world: WorldInternal, user: User | undefined, id: string): object {
  return guildCreateParts(world).user(id, () => ownedOf(user ? userPayload(user) : { id }))
}

/**
 * {@link memberPayload}, frozen and owned without the copy walk (GUILD_CREATE's shared member objects:
 * 100,000 IDENTIFYs copied 100,000 of them).
 */
export function ownedMemberPayload(world: WorldInternal, member: Member) {
  return ownedOf({
    user: ownedUser(world, world.user(member.user_id), member.user_id),
    nick: member.nick,
    roles: Object.freeze([...member.roles]),
    joined_at: member.joined_at,
    deaf: false,
    mute: false,
  })
}

/** A guild member object, with its user. */
export function memberPayload(world: WorldInternal, member: Member) {
  const user = world.user(member.user_id)
  return {
    user: user ? userPayload(user) : { id: member.user_id },
    nick: member.nick,
    roles: [...member.roles],
    joined_at: member.joined_at,
    deaf: false,
    mute: false,
  }
}

/** A presence as PRESENCE_UPDATE and GUILD_CREATE carry it: `guild_id` only for a guild's view. */
export function presencePayload(userId: string, presence: Presence, guildId: string | null) {
  const status = presence.status
  return {
    user: { id: userId },
    ...(guildId === null ? {} : { guild_id: guildId }),
    status,
    activities: [...presence.activities],
    client_status: status === 'offline' ? {} : { desktop: status },
  }
}

/** A channel object; DMs and group DMs list their recipients as user objects. */
export function channelPayload(world: WorldInternal, channel: Channel) {
  const base = {
    id: channel.id,
    type: channel.type,
  }
  if (channel.guild_id === null) {
    return {
      ...base,
      ...(channel.name === null ? {} : { name: channel.name }),
      ...(channel.owner_id === null ? {} : { owner_id: channel.owner_id }),
      recipients: channel.recipients.map((id) => {
        const user = world.user(id)
        return user ? userPayload(user) : { id }
      }),
    }
  }
  return {
    ...base,
    guild_id: channel.guild_id,
    name: channel.name,
    position: channel.position,
    permission_overwrites: channel.permission_overwrites.map((o) => ({ ...o })),
  }
}

/** A role object. */
export function rolePayload(world: WorldInternal, guildId: string, roleId: string) {
  const role = world.role(guildId, roleId)
  return role
    ? {
        id: role.id,
        name: role.name,
        position: role.position,
        hoist: role.hoist,
        permissions: role.permissions,
      }
    : { id: roleId }
}

/** Discord's default `large_threshold`: above it, GUILD_CREATE carries only part of the member list. */
export const DEFAULT_LARGE_THRESHOLD = 50

/**
 * GUILD_CREATE for one session: the guild, its roles and channels, and at most `largeThreshold` members
 * (the session's own member, then the lowest user ids), with their presences if the session has
 * GUILD_PRESENCES. Costs O(roles + channels + threshold), never O(guild members); the roles, channels
 * and member objects are shared between sessions (guildCreateParts.ts).
 */
export function guildCreatePayload(
  world: WorldInternal,
  guild: Guild,
  session: Session,
  largeThreshold: number,
) {
  const shared = guildCreateParts(world)
  const memberObject = (id: string, member: Member | undefined) =>
    member && shared.member(guild.id, id, () => ownedMemberPayload(world, member))
  const sample = shared.lowest(guild.id, largeThreshold, () => {
    const lowest = world.lowestMemberIds(guild.id, largeThreshold)
    return {
      ids: lowest,
      members: lowest.map((id) => memberObject(id, world.member(guild.id, id))),
    }
  })
  // The session's own member first, then the lowest ids but its own, up to the threshold.
  const own = world.member(guild.id, session.userId)
  const self = memberObject(session.userId, own)
  const withPresences = (session.intents & Intents.GUILD_PRESENCES) !== 0
  // The ids are needed only for presences; the member list is sized before it is filled (pushing
  // 50 members one by one reallocated it on the way, per IDENTIFY).
  const ids: string[] | null = withPresences ? [session.userId] : null
  let taken = 1
  let size = self === undefined ? 0 : 1
  for (let i = 0; i < sample.ids.length && taken < largeThreshold; i++) {
    if (sample.ids[i] === session.userId) continue
    taken++
    if (sample.members[i] !== undefined) size++
  }
  const members: unknown[] = new Array(size)
  let filled = 0
  if (self !== undefined) members[filled++] = self
  taken = 1
  for (let i = 0; i < sample.ids.length && taken < largeThreshold; i++) {
    const id = sample.ids[i] as string
    if (id === session.userId) continue
    taken++
    ids?.push(id)
    if (sample.members[i] !== undefined) members[filled++] = sample.members[i]
  }
  const memberCount = world.memberCount(guild.id)
  // Every part is frozen engine data (shared parts, fresh frozen arrays of them): no copy walk.
  return ownedOf({
    id: guild.id,
    name: guild.name,
    owner_id: guild.owner_id,
    unavailable: false,
    large: memberCount > largeThreshold,
    member_count: memberCount,
    joined_at: own?.joined_at ?? null,
    roles: shared.rolesOf(guild.id, () =>
      world.roles(guild.id).map((r) => rolePayload(world, guild.id, r.id)),
    ),
    channels: shared.channelsOf(guild.id, () =>
      world.guildChannels(guild.id).map((c) => channelPayload(world, c)),
    ),
    members: Object.freeze(members),
    presences: ids
      ? freezeOwned(
          ids
            .map((id) => ({ id, presence: world.presence(id) }))
            .filter((p) => p.presence.status !== 'offline')
            .map((p) => presencePayload(p.id, p.presence, null)),
        )
      : NONE,
  })
}

/** READY's DMs and group DMs; the shared empty list for a user with none (no copy walk). */
function privateChannels(world: WorldInternal, userId: string): readonly unknown[] {
  const channels = world.privateChannels(userId)
  return channels.length === 0 ? NONE : freezeOwned(channels.map((c) => channelPayload(world, c)))
}

/** READY's `shard` of an unsharded session (frozen: shared). */
const UNSHARDED: readonly [number, number] = Object.freeze([0, 1])

/** An empty list in a payload (frozen: shared). */
const NONE: readonly never[] = Object.freeze([])

/**
 * READY: the user, the guilds this session serves as unavailable stubs, DMs (shard 0), friends. Built
 * frozen and owned from the engine's own records (no copy walk: it was a tenth of IDENTIFY's time).
 */
export function readyPayload(world: WorldInternal, session: Session, guildIds: readonly string[]) {
  const user = world.user(session.userId) as User
  const shared = guildCreateParts(world)
  return ownedOf({
    v: GATEWAY_VERSION,
    user: ownedUser(world, user, user.id),
    session_id: session.sessionId,
    shard:
      session.shardCount === 1 ? UNSHARDED : Object.freeze([session.shardId, session.shardCount]),
    guilds: Object.freeze(guildIds.map((id) => shared.guildStub(id))),
    private_channels: session.shardId === 0 ? privateChannels(world, user.id) : NONE,
    // Each user is in its friends' READYs: one shared relationship object for all of them.
    relationships: Object.freeze(
      Array.from(world.friendIdSet(user.id), (id) =>
        shared.relationship(id, () => ({
          id,
          type: 1,
          user: ownedUser(world, world.user(id), id),
        })),
      ),
    ),
  })
}
