import { buildTopicWorld, openSession } from '../src/bench/index.ts'
import { createSimulation } from '../src/engine/index.ts'

/**
 * Memory workloads (W5), Node only: `heapUsed` after two full GCs, before and after the thing measured,
 * in one process with nothing else alive. Bytes per subscription follow anchors.md "Goal verdicts": the
 * same world measured without the subscriptions and with them, the difference over the count (topic
 * entry and reverse-index entry; not the sessions, not their frames).
 */

/** Full GC twice (the second picks up what the first's finalisation freed), then heapUsed. */
export function settledHeap(): number {
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) throw new Error('memory figures need node --expose-gc')
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

export interface LargeTopicMemory {
  readonly sessions: number
  /** Subscribing every session to the guild: topic entry + reverse-index entry. */
  readonly bytesPerSubscription: number
  /** The topic's cached snapshot array, built by the first dispatch. */
  readonly snapshotBytesPerSubscription: number
  /** Left after unsubscribing everyone (the heap back to the world without subscriptions). */
  readonly leftAfterUnsubscribeBytesPerSubscription: number
  /** Each delivered frame kept in a session's frame log (one small integer, materialised on read). */
  readonly bytesPerDeliveredFrame: number
  /** What reading every session's `frames` adds per frame (frame objects made and cached). */
  readonly bytesPerFrameAfterReading: number
  /** A frame object kept per recipient in an array, as the baselines' naive log would. */
  readonly baselineBytesPerKeptFrame: number
  readonly dispatches: number
}

export function measureLargeTopic(n: number, dispatches = 96): LargeTopicMemory {
  const world = buildTopicWorld(n, { subscribe: false })
  const { dispatcher } = world.sim
  const { guildId, sessionIds } = world
  const bare = settledHeap()
  dispatcher.subMany('guild', guildId, sessionIds)
  const subscribed = settledHeap()
  for (const id of sessionIds) dispatcher.unsub('guild', guildId, id)
  const unsubscribed = settledHeap()
  dispatcher.subMany('guild', guildId, sessionIds)
  const resubscribed = settledHeap()
  const payload = { id: guildId, name: 'Memory' }
  dispatcher.dispatch('guild', guildId, 'GUILD_UPDATE', payload) // builds the cached snapshot
  const withSnapshot = settledHeap()
  for (let i = 0; i < dispatches; i++)
    dispatcher.dispatch('guild', guildId, 'GUILD_UPDATE', payload)
  const afterFrames = settledHeap()
  // Reading `frames` materialises every frame of the session and caches them.
  let read = 0
  for (const id of sessionIds) read += world.sim.states.fetchRaw(id)?.frames.length ?? 0
  const afterReading = settledHeap()
  // (the world must outlive the last measurement, or the GC takes it)
  if (read !== n * (dispatches + 2) || world.sim.states.all().length !== n) {
    throw new Error(`read ${read} frames, expected ${n * (dispatches + 2)}`)
  }
  return {
    sessions: n,
    bytesPerSubscription: (subscribed - bare) / n,
    // The first dispatch also kept one frame per session (an integer in a slot READY's chunk made).
    snapshotBytesPerSubscription: (withSnapshot - resubscribed) / n,
    leftAfterUnsubscribeBytesPerSubscription: (unsubscribed - bare) / n,
    bytesPerDeliveredFrame: (afterFrames - withSnapshot) / (n * dispatches),
    // READY, the first dispatch and the measured ones: every frame of every session is now an object.
    bytesPerFrameAfterReading: (afterReading - withSnapshot) / (n * (dispatches + 2)),
    baselineBytesPerKeptFrame: baselineFrameBytes(n, dispatches),
    dispatches,
  }
}

/** What keeping a frame object per recipient costs: `n` states, `dispatches` frames each, in arrays. */
function baselineFrameBytes(n: number, dispatches: number): number {
  const logs: { op: number; t: string; s: number; d: unknown }[][] = []
  for (let i = 0; i < n; i++) logs.push([])
  const payload = { id: '1', name: 'Memory' }
  const before = settledHeap()
  for (let r = 0; r < dispatches; r++) {
    for (let i = 0; i < n; i++) {
      const log = logs[i] as { op: number; t: string; s: number; d: unknown }[]
      log.push({ op: 0, t: 'GUILD_UPDATE', s: log.length + 2, d: payload })
    }
  }
  const after = settledHeap()
  if (logs[n - 1]?.length !== dispatches) throw new Error('baseline frames missing')
  return (after - before) / (n * dispatches)
}

export interface SingletonTopicMemory {
  readonly topics: number
  readonly bytesPerSubscription: number
}

/**
 * `n` guilds, each with exactly one subscribed session (the shape of per-user and per-DM topics): each
 * subscription also pays for a topic of its own.
 */
export function measureSingletonTopics(n: number): SingletonTopicMemory {
  const sim = createSimulation({ seed: 7 })
  const owner = sim.world.createUser({ username: 'owner' })
  const guilds: string[] = []
  for (let i = 0; i < n; i++)
    guilds.push(sim.world.createGuild({ name: `g${i}`, ownerId: owner.id }).id)
  const sessions: string[] = []
  for (let i = 0; i < n; i++) sessions.push(openSession(sim, i))
  const bare = settledHeap()
  for (let i = 0; i < n; i++)
    sim.dispatcher.sub('guild', guilds[i] as string, sessions[i] as string)
  const subscribed = settledHeap()
  if (sim.dispatcher.subscribers('guild', guilds[n - 1] as string).length !== 1)
    throw new Error('not subscribed')
  return { topics: n, bytesPerSubscription: (subscribed - bare) / n }
}
