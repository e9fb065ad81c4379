import type { EngineCall } from '../calls/index.ts'
import { dispatcher, gateway, intents, VIEW_CHANNEL, world } from './calls.ts'
import {
  CAST,
  CAST_DETAILS,
  type CastChannel,
  type CastGuild,
  type CastRole,
  type CastUser,
} from './cast.ts'

/**
 * A world made of the cast (`cast.ts`), said as what it holds: the builder knows each one's id, who
 * is a bot, who owns each guild and where each role and channel lives, so a scenario says none of it
 * again.
 */
export interface CastWorldSpec {
  /** The cast members it creates, in this order. */
  readonly users: readonly CastUser[]
  /** The guilds it creates (owned as the cast says), each with its members other than the owner. */
  readonly guilds?: { readonly [G in CastGuild]?: readonly CastUser[] }
  /** The roles it creates, each in its own guild, with the members who hold it. */
  readonly roles?: { readonly [R in CastRole]?: readonly CastUser[] }
  readonly channels?: readonly CastChannel[]
  /** Friendships, each made both ways. */
  readonly friends?: readonly (readonly [CastUser, CastUser])[]
  /**
   * Channel ids other than the cast's. The playground's scenarios keep the ids their tests and the
   * readers' saved links name (#general is 1001 there).
   */
  readonly channelIds?: { readonly [C in CastChannel]?: string }
}

/**
 * The calls that build a cast world, in the order the engine needs them: users, guilds, roles,
 * members (with their roles), channels, friendships. A spec that names something its world lacks (a
 * role holder who is not a member, a channel whose guild it does not create) throws, naming it.
 */
export function castWorld(spec: CastWorldSpec): EngineCall[] {
  const guilds = Object.keys(spec.guilds ?? {}) as CastGuild[]
  const roles = Object.keys(spec.roles ?? {}) as CastRole[]
  const need = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`castWorld: ${what}`)
  }
  const isUser = (u: CastUser) => spec.users.includes(u)
  const members = (g: CastGuild): readonly CastUser[] => spec.guilds?.[g] ?? []

  for (const g of guilds) {
    need(isUser(CAST_DETAILS.owners[g]), `${g}'s owner ${CAST_DETAILS.owners[g]} is not a user`)
    for (const u of members(g)) need(isUser(u), `${u}, a member of ${g}, is not a user`)
  }
  for (const r of roles) {
    const g = CAST_DETAILS.roles[r].guild
    need(guilds.includes(g), `the ${r} role's guild ${g} is not created`)
    for (const u of spec.roles?.[r] ?? []) {
      need(members(g).includes(u), `${u} holds ${r} but is not a member of ${g}`)
    }
  }
  for (const c of spec.channels ?? []) {
    const home = CAST_DETAILS.channels[c]
    if ('guild' in home)
      need(guilds.includes(home.guild), `#${c}'s guild ${home.guild} is not created`)
    else need(home.recipients.every(isUser), `a recipient of ${c} is not a user`)
    if ('guild' in home && home.readableBy) {
      need(roles.includes(home.readableBy), `#${c} needs the ${home.readableBy} role`)
    }
  }
  for (const pair of spec.friends ?? [])
    need(pair.every(isUser), `a friend of ${pair.join('–')} is not a user`)

  const rolesOf = (g: CastGuild, u: CastUser) =>
    roles.filter((r) => CAST_DETAILS.roles[r].guild === g && spec.roles?.[r]?.includes(u))
  const channelId = (c: CastChannel) => spec.channelIds?.[c] ?? CAST.channels[c]

  return [
    ...spec.users.map((u) =>
      world.createUser({
        id: CAST.users[u],
        username: u,
        ...(CAST_DETAILS.bots.includes(u) ? { bot: true } : {}),
      }),
    ),
    ...guilds.map((g) =>
      world.createGuild({
        id: CAST.guilds[g],
        name: g,
        ownerId: CAST.users[CAST_DETAILS.owners[g]],
      }),
    ),
    ...roles.map((r) => {
      const { guild, position, hoist } = CAST_DETAILS.roles[r]
      return world.createRole(CAST.guilds[guild], {
        id: CAST.roles[r],
        name: r,
        position,
        ...(hoist ? { hoist } : {}),
      })
    }),
    ...guilds.flatMap((g) =>
      members(g).map((u) => {
        const held = rolesOf(g, u).map((r) => CAST.roles[r])
        return held.length > 0
          ? world.addMember(CAST.guilds[g], CAST.users[u], { roles: held })
          : world.addMember(CAST.guilds[g], CAST.users[u])
      }),
    ),
    ...(spec.channels ?? []).map((c) => {
      const home = CAST_DETAILS.channels[c]
      if (!('guild' in home)) {
        return world.createChannel({
          id: channelId(c),
          type: 1,
          recipients: home.recipients.map((u) => CAST.users[u]),
        })
      }
      const guildId = CAST.guilds[home.guild]
      const { readableBy } = home
      return world.createChannel({
        id: channelId(c),
        guildId,
        name: c,
        // @everyone (whose role id is the guild's) may not view it; the role may.
        ...(readableBy
          ? {
              overwrites: [
                { id: guildId, type: 0, deny: VIEW_CHANNEL },
                { id: CAST.roles[readableBy], type: 0, allow: VIEW_CHANNEL },
              ],
            }
          : {}),
      })
    }),
    ...(spec.friends ?? []).map(([a, b]) => world.addFriendship(CAST.users[a], CAST.users[b])),
  ]
}

type IdentifyInput = Parameters<typeof gateway.identify>[0]

/** IDENTIFY with the presence `offline`, so the session's connecting tells nobody. */
export function identifyOffline(input: IdentifyInput): EngineCall {
  return gateway.identify({ ...input, presence: { status: 'offline' } })
}

/** A bot's IDENTIFY once per shard of `count`, shard 0 first, otherwise alike. */
export function identifyShards(count: number, input: IdentifyInput): EngineCall[] {
  return Array.from({ length: count }, (_, shard) =>
    gateway.identify({ ...input, shard: [shard, count] }),
  )
}

/**
 * logbot as the docs run it: two shards (Fanout HQ, `5 << 22`, is shard 1's), offline, with GUILDS and
 * GUILD_MEMBERS unless `intentBits` says otherwise.
 */
export function logbotShards(intentBits = intents('GUILDS', 'GUILD_MEMBERS')): EngineCall[] {
  return identifyShards(2, {
    userId: CAST.users.logbot,
    intents: intentBits,
    presence: { status: 'offline' },
  })
}

/** A message as the scenarios send it: alice writes, unless `author` says who. */
export interface MessageSpec {
  readonly id: string
  readonly channel: string
  /** Absent in a DM or group DM. */
  readonly guild?: string
  readonly content: string
  readonly author?: string
}

/** MESSAGE_CREATE through `channel`, with the payload Discord sends for the message. */
export function messageCreate(m: MessageSpec): EngineCall {
  return dispatcher.dispatch('channel', m.channel, 'MESSAGE_CREATE', {
    id: m.id,
    channel_id: m.channel,
    ...(m.guild === undefined ? {} : { guild_id: m.guild }),
    author: { id: m.author ?? CAST.users.alice },
    content: m.content,
  })
}
