import {
  ChannelType,
  type BackendName,
  type SessionStatus,
  type Simulation,
} from '../engine/index.ts'
import type { Step, StepTouches } from './connectEngine.ts'
import { runToEnd } from './longJobs.ts'

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

/**
 * A session open at a step. Its seq is not here: it changes with every dispatch, and a model that
 * changed with every dispatch could not share its session list with the step before (100,000 sessions
 * each); the inspector reads the seq of the session it shows.
 */
export type SessionInfo = SessionEntry

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

const usersById = new WeakMap<readonly UserInfo[], ReadonlyMap<string, UserInfo>>()

/**
 * The model's users by id, built once per users list (models of consecutive steps share theirs, so a
 * 100,000-user world builds it once, not once per label).
 */
export function userIndex(model: Pick<GraphModel, 'users'>): ReadonlyMap<string, UserInfo> {
  let index = usersById.get(model.users)
  if (!index) {
    index = new Map(model.users.map((u) => [u.id, u]))
    usersById.set(model.users, index)
  }
  return index
}

/** A user of `model`, by id. */
export function userOf(model: Pick<GraphModel, 'users'>, userId: string): UserInfo | undefined {
  return userIndex(model).get(userId)
}

/** A user's name in `model`, or its id when the model does not know it. */
export function usernameOf(model: Pick<GraphModel, 'users'>, userId: string): string {
  return userOf(model, userId)?.username ?? userId
}

/**
 * The directory after `step`, given the one before it: the same map when the step touched no session
 * (so models of consecutive steps share it), else a copy with the step's session events folded in.
 */
export function nextDirectory(
  previous: ReadonlyMap<string, SessionEntry>,
  step: Pick<Step, 'events'> | undefined,
): ReadonlyMap<string, SessionEntry> {
  return runToEnd(nextDirectoryInSlices(previous, step))
}

/**
 * {@link nextDirectory} as a generator that yields every {@link READ_CHUNK} events: a step that
 * identified 100,000 sessions would otherwise fold them all in one long task.
 */
export function* nextDirectoryInSlices(
  previous: ReadonlyMap<string, SessionEntry>,
  step: Pick<Step, 'events'> | undefined,
): Generator<void, ReadonlyMap<string, SessionEntry>> {
  const events = step?.events.filter((e) => e.type === 'session') ?? []
  if (events.length === 0) return previous
  const directory = new Map(previous)
  let perUser: Map<string, number> | null = null
  for (const [i, e] of events.entries()) {
    if (i % READ_CHUNK === READ_CHUNK - 1) yield
    if (e.type !== 'session') continue
    const prior = directory.get(e.sessionId)
    if (!prior) {
      // Ordinals count every session the user ever identified: counted once, only when needed.
      if (!perUser) {
        perUser = new Map()
        for (const entry of directory.values())
          perUser.set(entry.userId, (perUser.get(entry.userId) ?? 0) + 1)
      }
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
        e.change === 'socket-failing' ? true : e.change === 'socket-healed' ? false : prior.failing,
      closeReason: e.change === 'close' ? e.reason : prior.closeReason,
    })
  }
  return directory
}

/** Folds the recorded session events of the first `count` steps into the session directory. */
export function sessionDirectory(
  steps: readonly Step[],
  count: number,
): ReadonlyMap<string, SessionEntry> {
  let directory: ReadonlyMap<string, SessionEntry> = new Map()
  for (let i = 0; i < count; i++) directory = nextDirectory(directory, steps[i])
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

/** How many items a sliced read handles between two yields. */
const READ_CHUNK = 10_000

/**
 * What a model may take over from the step before: the previous model and what the step changed.
 * Anything the step did not touch is shared, not copied (a dispatch to 100,000 sessions changes none of
 * the lists a model holds).
 */
export interface ModelReuse {
  readonly previous: GraphModel
  /** Undefined: unknown (a generated step), so nothing is shared. */
  readonly touches: StepTouches | undefined
}

/** Reads the graph model from a simulation at a step, through the engine's public API only. */
export function readModel(
  sim: Simulation,
  directory: ReadonlyMap<string, SessionEntry>,
  reuse?: ModelReuse,
): GraphModel {
  return runToEnd(readModelInSlices(sim, directory, reuse))
}

/**
 * {@link readModel} as a generator that yields between chunks of work, so that reading 100,000 users
 * and sessions can be spread over several tasks. The simulation must not change until it returns.
 */
export function* readModelInSlices(
  sim: Simulation,
  directory: ReadonlyMap<string, SessionEntry>,
  reuse?: ModelReuse,
): Generator<void, GraphModel> {
  const { world, dispatcher } = sim
  const touches = reuse?.touches
  const previous = touches ? reuse.previous : undefined
  // The engine's user records are frozen plain data: kept as they are rather than copied.
  const users: readonly UserInfo[] = previous && !touches?.users ? previous.users : world.users()
  yield
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
  const before =
    previous && !touches?.names ? new Map(previous.topics.map((t) => [t.id, t])) : undefined
  const topics: TopicInfo[] = []
  for (const backend of LISTED_BACKENDS) {
    for (const key of dispatcher.topics(backend)) {
      const id = `${backend}:${key}`
      const kept = touches?.topics.has(id) ? undefined : before?.get(id)
      if (kept) {
        topics.push(kept)
        continue
      }
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
        id,
        backend,
        key,
        label,
        subscribers: dispatcher.subscribers(backend, key),
        guildId,
      })
      yield
    }
  }
  // One node per member list (docs/design/playground.md §1): `lazy_guild:<guildId>:<listId>`, holders
  // as subscribers.
  const listsBefore = previous && new Map(previous.topics.map((t) => [t.id, t]))
  for (const guild of guilds) {
    for (const list of sim.memberLists(guild.id)) {
      if (list.holders.length === 0) continue
      const topic: TopicInfo = {
        id: `lazy_guild:${list.key}`,
        backend: 'lazy_guild',
        key: list.key,
        label: `${list.id === 'everyone' ? 'everyone' : `list ${list.id}`} · ${guild.name}`,
        subscribers: list.holders.map((h) => h.sessionId),
        guildId: guild.id,
        ranges: Object.fromEntries(list.holders.map((h) => [h.sessionId, h.ranges])),
      }
      // Few holders: compared whole, so an unchanged list keeps its object (and the graph its view).
      const kept = listsBefore?.get(topic.id)
      topics.push(kept && JSON.stringify(kept) === JSON.stringify(topic) ? kept : topic)
    }
  }
  yield
  let sessions: readonly SessionInfo[]
  if (previous && !touches?.sessions && previous.directory === directory) {
    sessions = previous.sessions
  } else {
    const open: SessionInfo[] = []
    const states = sim.states.all()
    for (let i = 0; i < states.length; i++) {
      const s = states[i] as (typeof states)[number]
      const entry = directory.get(s.sessionId)
      // The directory already holds an open session's facts: share its entry rather than copy it.
      open.push(
        entry && entry.status === s.status && entry.closeReason === null
          ? entry
          : {
              id: s.sessionId,
              userId: s.userId,
              shard: s.shard,
              intents: s.intents,
              ordinal: entry?.ordinal ?? 1,
              status: s.status,
              failing: entry?.failing ?? false,
              closeReason: null,
            },
      )
      if (i % READ_CHUNK === READ_CHUNK - 1) yield
    }
    sessions = open
  }
  const roles = guilds.flatMap((g) =>
    world.roles(g.id).map((r) => ({ id: r.id, guildId: g.id, name: r.name })),
  )
  // Every topic kept: keep the list too, so views drawn from it can tell nothing changed.
  const sameTopics =
    previous !== undefined &&
    previous.topics.length === topics.length &&
    topics.every((t, i) => previous.topics[i] === t)
  return {
    now: sim.clock.now(),
    users,
    sessions,
    directory,
    topics: sameTopics ? previous.topics : topics,
    guilds,
    channels,
    roles,
  }
}

/** An empty world: what the graph shows before any step. */
export const EMPTY_MODEL: GraphModel = {
  now: 0,
  users: [],
  sessions: [],
  directory: new Map(),
  topics: [],
  guilds: [],
  channels: [],
  roles: [],
}
