import {
  ChannelType,
  createSimulation,
  Intents,
  Permissions,
  type Simulation,
} from '../../engine/index.ts'
import { createRandom } from '../random.ts'
import { summarize, type Summary } from '../stats.ts'
import type { Clock } from '../timing.ts'

/**
 * W6, a Discord-shaped world: one big guild that everyone is in, its channels, and friends.
 *
 * - `sessions` users (default 100,000), one session each, shard [0, 1], identified `offline` (at this
 *   scale an online IDENTIFY would announce a presence to the whole guild: O(n²) deliveries);
 *   intents GUILDS | GUILD_MESSAGES | GUILD_MESSAGE_TYPING | DIRECT_MESSAGES | MESSAGE_CONTENT, what a
 *   client without the privileged member and presence intents gets.
 * - One guild; 1% of the members hold a hoisted Moderators role. 10 public text channels, 2 text
 *   channels only Moderators can read (@everyone denied VIEW_CHANNEL), 2 voice channels, 1 category.
 * - Friends: a ring lattice, each user befriends the users 1, 2 and 3 places on either side (6 each).
 *
 * IDENTIFY then subscribes each session to the guild and the text channels it can read (10, or 12 for
 * a moderator) and links its 6 friends: about 17 subscriptions per session. Each session also gets
 * READY and a GUILD_CREATE (at most 50 members, the engine's `large_threshold`), kept in its frame log.
 */
export interface DiscordWorldOptions {
  readonly now: Clock
  readonly sessions?: number
  /** Guild-wide GUILD_UPDATEs to time one by one (median, min, max), after a first, cold one. */
  readonly guildDispatches?: number
  /** MESSAGE_CREATEs to random readable text channels. */
  readonly channelDispatches?: number
  /** Close every session at the end (through the reverse index), timed. */
  readonly closeAll?: boolean
  /** Called at checkpoints and during long phases (Node: sample the heap; never inside a timing). */
  readonly checkpoint?: (phase: string, sim: Simulation) => void
  readonly onProgress?: (message: string) => void
}

export const DISCORD_INTENTS =
  Intents.GUILDS |
  Intents.GUILD_MESSAGES |
  Intents.GUILD_MESSAGE_TYPING |
  Intents.DIRECT_MESSAGES |
  Intents.MESSAGE_CONTENT

export const DISCORD_SHAPE = {
  moderatorShare: 0.01,
  publicTextChannels: 10,
  moderatorTextChannels: 2,
  voiceChannels: 2,
  friendOffsets: [1, 2, 3],
} as const

export interface DiscordWorldResult {
  readonly sessions: number
  readonly subscriptions: {
    readonly guild: number
    readonly channel: number
    readonly friendLinks: number
  }
  /** Users, guild, roles, channels, members, friendships. */
  readonly worldBuildMs: number
  /** IDENTIFY of every session (READY, GUILD_CREATE, subscribe-all). */
  readonly identifyMs: number
  readonly setupMs: number
  /** The first guild-wide dispatch, ms: cold (its code not yet optimised, the topic's snapshot built). */
  readonly firstGuildDispatchMs: number
  /** The following guild-wide dispatches, ms (one sample each). */
  readonly guildDispatchMs: Summary
  readonly guildRecipients: number
  readonly channelDispatch: {
    readonly count: number
    readonly totalMs: number
    /** Per dispatch, ms. */
    readonly perDispatchMs: Summary
    /** How many took longer than a 60 Hz frame (16.7 ms). */
    readonly overFrameBudget: number
    readonly deliveries: number
  }
  readonly closeAll: { readonly totalMs: number; readonly perSessionUs: number } | null
}

export function runDiscordWorld(options: DiscordWorldOptions): DiscordWorldResult {
  const { now } = options
  const n = options.sessions ?? 100_000
  const progress = options.onProgress ?? (() => {})
  const probe = options.checkpoint ?? (() => {})
  const random = createRandom(2015)

  const t0 = now()
  const world = buildWorld(n)
  const checkpoint = (phase: string) => probe(phase, world.sim)
  const worldBuildMs = now() - t0
  checkpoint('world built')
  progress(`world: ${n} users in one guild, ${worldBuildMs.toFixed(0)} ms`)

  let identifyMs = 0
  const step = Math.max(1, Math.floor(n / 10))
  for (let i = 0; i < n; i += step) {
    const end = Math.min(n, i + step)
    const t = now()
    for (let j = i; j < end; j++) {
      world.sim.gateway.identify({
        userId: world.userIds[j] as string,
        intents: DISCORD_INTENTS,
        presence: { status: 'offline' },
      })
    }
    identifyMs += now() - t
    checkpoint('identify')
    progress(`identify: ${end} / ${n} sessions, ${identifyMs.toFixed(0)} ms`)
  }
  const { dispatcher } = world.sim
  const subscriptions = {
    guild: dispatcher.subscribers('guild', world.guildId).length,
    channel: world.textChannels.reduce(
      (sum, c) => sum + dispatcher.subscribers('channel', c).length,
      0,
    ),
    friendLinks: n * DISCORD_SHAPE.friendOffsets.length * 2,
  }
  checkpoint('setup done')

  const guildSamples: number[] = []
  let guildRecipients = 0
  for (let i = 0; i <= (options.guildDispatches ?? 7); i++) {
    const t = now()
    const result = dispatcher.dispatch('guild', world.guildId, 'GUILD_UPDATE', {
      id: world.guildId,
      name: `Fanout HQ ${i}`,
    })
    guildSamples.push(now() - t)
    guildRecipients = result.delivered.length
  }
  checkpoint('guild dispatches')
  const firstGuildDispatchMs = guildSamples.shift() as number
  progress(
    `guild-wide dispatch to ${guildRecipients} sessions: ${summarize(guildSamples).median.toFixed(1)} ms`,
  )

  const count = options.channelDispatches ?? 1000
  const perDispatch: number[] = []
  let deliveries = 0
  let totalMs = 0
  for (let i = 0; i < count; i++) {
    const channelId = world.textChannels[Math.floor(random() * world.textChannels.length)] as string
    const payload = messagePayload(world, channelId, i, random)
    const t = now()
    deliveries += dispatcher.dispatch('channel', channelId, 'MESSAGE_CREATE', payload).delivered
      .length
    const ms = now() - t
    perDispatch.push(ms)
    totalMs += ms
    if ((i + 1) % 100 === 0) {
      checkpoint('channel dispatches')
      progress(`channel dispatches: ${i + 1} / ${count}, ${totalMs.toFixed(0)} ms`)
    }
  }
  checkpoint('channel dispatches done')

  let closeAll: DiscordWorldResult['closeAll'] = null
  if (options.closeAll) {
    const ids = world.sim.states.all().map((s) => s.sessionId)
    const t = now()
    for (const id of ids) world.sim.gateway.invalidate(id)
    const ms = now() - t
    closeAll = { totalMs: ms, perSessionUs: (ms * 1000) / ids.length }
    checkpoint('closed')
    progress(`closed ${ids.length} sessions: ${ms.toFixed(0)} ms`)
  }

  return {
    sessions: n,
    subscriptions,
    worldBuildMs,
    identifyMs,
    setupMs: worldBuildMs + identifyMs,
    firstGuildDispatchMs,
    guildDispatchMs: summarize(guildSamples),
    guildRecipients,
    channelDispatch: {
      count,
      totalMs,
      perDispatchMs: summarize(perDispatch),
      overFrameBudget: perDispatch.filter((ms) => ms > 1000 / 60).length,
      deliveries,
    },
    closeAll,
  }
}

interface DiscordWorld {
  readonly sim: Simulation
  readonly guildId: string
  readonly userIds: string[]
  readonly textChannels: string[]
}

function buildWorld(n: number): DiscordWorld {
  const sim = createSimulation({ seed: 2015 })
  const { world } = sim
  const userIds: string[] = []
  for (let i = 0; i < n; i++) userIds.push(world.createUser({ username: `member${i}` }).id)
  const guildId = world.createGuild({ name: 'Fanout HQ', ownerId: userIds[0] as string }).id
  const moderators = world.createRole(guildId, { name: 'Moderators', hoist: true }).id
  const everyEvery = Math.round(1 / DISCORD_SHAPE.moderatorShare)
  for (let i = 1; i < n; i++) {
    world.addMember(
      guildId,
      userIds[i] as string,
      i % everyEvery === 0 ? { roles: [moderators] } : {},
    )
  }
  const category = world.createChannel({
    guildId,
    type: ChannelType.GUILD_CATEGORY,
    name: 'Text',
  }).id
  void category
  const textChannels: string[] = []
  for (let i = 0; i < DISCORD_SHAPE.publicTextChannels; i++) {
    textChannels.push(world.createChannel({ guildId, name: `general-${i}` }).id)
  }
  const view = Permissions.VIEW_CHANNEL.toString()
  for (let i = 0; i < DISCORD_SHAPE.moderatorTextChannels; i++) {
    textChannels.push(
      world.createChannel({
        guildId,
        name: `mods-${i}`,
        overwrites: [
          { id: guildId, type: 0, deny: view },
          { id: moderators, type: 0, allow: view },
        ],
      }).id,
    )
  }
  for (let i = 0; i < DISCORD_SHAPE.voiceChannels; i++) {
    world.createChannel({ guildId, type: ChannelType.GUILD_VOICE, name: `voice-${i}` })
  }
  for (let i = 0; i < n; i++) {
    for (const offset of DISCORD_SHAPE.friendOffsets) {
      if (n > 2 * offset)
        world.addFriendship(userIds[i] as string, userIds[(i + offset) % n] as string)
    }
  }
  return { sim, guildId, userIds, textChannels }
}

/** A Discord-sized MESSAGE_CREATE (~400 bytes of JSON) by a random member. */
function messagePayload(world: DiscordWorld, channelId: string, i: number, random: () => number) {
  const author = world.userIds[Math.floor(random() * world.userIds.length)] as string
  return {
    id: String(1_300_000_000_000_000_000n + BigInt(i)),
    channel_id: channelId,
    guild_id: world.guildId,
    author: {
      id: author,
      username: `member${author}`,
      discriminator: '0',
      global_name: null,
      avatar: null,
    },
    content: `message ${i}: the quick brown fox jumps over the lazy dog`,
    timestamp: '2026-11-28T12:00:00.000000+00:00',
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: 0,
  }
}
