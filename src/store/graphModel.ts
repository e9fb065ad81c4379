import {
  ChannelType,
  type BackendName,
  type SessionStatus,
  type Simulation,
} from '../engine/index.ts'
import type { Step } from './connectEngine.ts'

export interface UserInfo {
  readonly id: string
  readonly username: string
  readonly bot: boolean
}

/** What the playground knows of a session ever identified up to the cursor, open or closed. */
export interface SessionEntry {
  readonly id: string
  readonly userId: string
  readonly shard: readonly [number, number]
  readonly intents: number
  /** 1 for the user's first session, 2 for the next… (IDENTIFY order, closed ones included). */
  readonly ordinal: number
  readonly status: SessionStatus
  readonly failing: boolean
  /** For closed sessions: why (`resume-window`, `invalidated`, `events-lost`). */
  readonly closeReason: string | null
}

export interface SessionInfo extends SessionEntry {
  readonly seq: number
}

/** A topic key with subscribers: `guild:<id>`, `channel:<id>`, `friend:<userId>`, `lazy_guild:<id>`. */
export interface TopicInfo {
  readonly id: string
  readonly backend: BackendName
  readonly key: string
  readonly label: string
  /** Session ids; for `friend`, the peers' user ids (the graph expands them to their sessions). */
  readonly subscribers: readonly string[]
  readonly guildId: string | null
  /** Member lists (`lazy_guild`): the ranges each holder asked for with op 14. */
  readonly ranges?: Readonly<Record<string, readonly (readonly [number, number])[]>>
}

export interface ChannelInfo {
  readonly id: string
  readonly type: number
  readonly guildId: string | null
  readonly label: string
  readonly recipients: readonly string[]
}

/** Everything the graph and panels draw at one step: plain, immutable data read from the engine. */
export interface GraphModel {
  readonly now: number
  readonly users: readonly UserInfo[]
  readonly sessions: readonly SessionInfo[]
  /** Every session identified so far, closed ones too, for labels in the log. */
  readonly directory: ReadonlyMap<string, SessionEntry>
  readonly topics: readonly TopicInfo[]
  readonly guilds: readonly { id: string; name: string; ownerId: string }[]
  readonly channels: readonly ChannelInfo[]
  readonly roles: readonly { id: string; guildId: string; name: string }[]
}

/** A user of `model`, by id. */
export function userOf(model: Pick<GraphModel, 'users'>, userId: string): UserInfo | undefined {
  return model.users.find((u) => u.id === userId)
}

/** A user's name in `model`, or its id when the model does not know it. */
export function usernameOf(model: Pick<GraphModel, 'users'>, userId: string): string {
  return userOf(model, userId)?.username ?? userId
}

/** Folds the recorded session events of the first `count` steps into the session directory. */
export function sessionDirectory(steps: readonly Step[], count: number): Map<string, SessionEntry> {
  const directory = new Map<string, SessionEntry>()
  const perUser = new Map<string, number>()
  for (let i = 0; i < count; i++) {
    for (const e of steps[i]?.events ?? []) {
      if (e.type !== 'session') continue
      const prior = directory.get(e.sessionId)
      if (!prior) {
        const ordinal = (perUser.get(e.userId) ?? 0) + 1
        perUser.set(e.userId, ordinal)
        directory.set(e.sessionId, {
          id: e.sessionId,
          userId: e.userId,
          shard: e.shard,
          intents: e.intents,
          ordinal,
          status: e.status,
          failing: false,
          closeReason: null,
        })
        continue
      }
      directory.set(e.sessionId, {
        ...prior,
        status: e.status,
        failing:
          e.change === 'socket-failing'
            ? true
            : e.change === 'socket-healed'
              ? false
              : prior.failing,
        closeReason: e.change === 'close' ? e.reason : prior.closeReason,
      })
    }
  }
  return directory
}

function channelLabel(
  sim: Simulation,
  c: ReturnType<Simulation['world']['channels']>[number],
): string {
  const name = (id: string) => sim.world.user(id)?.username ?? id
  if (c.type === ChannelType.DM) return `DM ${c.recipients.map(name).join(' ↔ ')}`
  if (c.type === ChannelType.GROUP_DM)
    return c.name ?? `group DM (${c.recipients.map(name).join(', ')})`
  return `#${c.name ?? c.id}`
}

const LISTED_BACKENDS: readonly BackendName[] = ['guild', 'channel', 'friend']

/** Reads the graph model from a simulation at a step, through the engine's public API only. */
export function readModel(
  sim: Simulation,
  directory: ReadonlyMap<string, SessionEntry>,
): GraphModel {
  const { world, dispatcher } = sim
  const users = world.users().map((u) => ({ id: u.id, username: u.username, bot: u.bot }))
  const username = (id: string) => world.user(id)?.username ?? id
  const channels = world.channels().map((c) => ({
    id: c.id,
    type: c.type,
    guildId: c.guild_id,
    label: channelLabel(sim, c),
    recipients: c.recipients,
  }))
  const channelById = new Map(channels.map((c) => [c.id, c]))
  const guilds = world.guilds().map((g) => ({ id: g.id, name: g.name, ownerId: g.owner_id }))
  const topics: TopicInfo[] = []
  for (const backend of LISTED_BACKENDS) {
    for (const key of dispatcher.topics(backend)) {
      const channel = backend === 'channel' ? channelById.get(key) : undefined
      const guildId =
        backend === 'guild' || backend === 'lazy_guild' ? key : (channel?.guildId ?? null)
      const label =
        backend === 'guild'
          ? (world.guild(key)?.name ?? key)
          : backend === 'channel'
            ? (channel?.label ?? key)
            : `friends of ${username(key)}`
      topics.push({
        id: `${backend}:${key}`,
        backend,
        key,
        label,
        subscribers: dispatcher.subscribers(backend, key),
        guildId,
      })
    }
  }
  // One node per member list (playground-notes): `lazy_guild:<guildId>:<listId>`, holders as subscribers.
  for (const guild of guilds) {
    for (const list of sim.memberLists(guild.id)) {
      if (list.holders.length === 0) continue
      topics.push({
        id: `lazy_guild:${list.key}`,
        backend: 'lazy_guild',
        key: list.key,
        label: `${list.id === 'everyone' ? 'everyone' : `list ${list.id}`} · ${guild.name}`,
        subscribers: list.holders.map((h) => h.sessionId),
        guildId: guild.id,
        ranges: Object.fromEntries(list.holders.map((h) => [h.sessionId, h.ranges])),
      })
    }
  }
  const sessions = sim.states.all().map((s) => {
    const entry = directory.get(s.sessionId)
    return {
      id: s.sessionId,
      userId: s.userId,
      shard: s.shard,
      intents: s.intents,
      ordinal: entry?.ordinal ?? 1,
      status: s.status,
      failing: entry?.failing ?? false,
      closeReason: null,
      seq: s.seq,
    }
  })
  const roles = guilds.flatMap((g) =>
    world.roles(g.id).map((r) => ({ id: r.id, guildId: g.id, name: r.name })),
  )
  return { now: sim.clock.now(), users, sessions, directory, topics, guilds, channels, roles }
}
