import { buildTopicWorld, openSession } from '../src/bench/index.ts'
import { createSimulation } from '../src/engine/index.ts'

/**
 * Memory workloads (W5), Node only: `heapUsed` after two full GCs, before and after the thing
 * measured, in one process with nothing else alive. Bytes per subscription follow
 * docs/design/playground.md §10: the same world measured without the subscriptions and with them,
 * the difference over the count (topic entry and reverse-index entry; not the sessions, not their
 * frames).
 */

/** Full GCs until the heap stops shrinking (each picks up what the last one's finalisation freed), then heapUsed. */
export function settledHeap(): number {
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) throw new Error('memory figures need node --expose-gc')
  // Two collections are not always enough after a large phase: the garbage a phase leaves behind can
  // take several (a measured -7,200 B per payload came from a heap still shrinking). Collect until the
  // heap stops shrinking, at most ten times.
  let used = Number.POSITIVE_INFINITY
  for (let i = 0; i < 10; i++) {
    gc()
    const now = process.memoryUsage().heapUsed
    if (used - now < 64 * 1024) return now
    used = now
  }
  return used
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

export interface SessionChurnMemory {
  /** Members of the guild each session asks the member list of (the 50). */
  readonly members: number
  readonly cycles: number
  /** Heap growth per cycle once the sessions are closed: what one closed session leaves behind. */
  readonly bytesPerClosedSession: number
  /** Heap growth per cycle when the sessions stay open instead, for comparison. */
  readonly bytesPerOpenSession: number
  /** Settled heap after each checkpoint's number of cycles (the first point is before any cycle). */
  readonly heapMB: readonly ChurnPoint[]
  /** The same cycles without the invalidate: every session stays open. */
  readonly openHeapMB: readonly ChurnPoint[]
}

export interface ChurnPoint {
  readonly cycles: number
  readonly mb: number
}

/**
 * The engine review's leak, as a workload: cycles of IDENTIFY (READY, GUILD_CREATE), op 14 over a
 * whole guild of `members` and `invalidate`, with no session left open. Each closed session may
 * leave its id (docs/design/semantics.md §10: a late RESUME is told it is closed); everything else
 * must become collectable. Before the fix this grew about 26 kB per cycle (the SYNC payloads and
 * frames of closed sessions). The same cycles with the sessions left open show what they would
 * keep.
 */
export function measureSessionChurn(
  cycles: number,
  checkpoints: readonly number[],
  members = 50,
): SessionChurnMemory {
  const closed = churnHeap(cycles, checkpoints, members, true)
  const open = churnHeap(cycles, checkpoints, members, false)
  const perCycle = (points: readonly ChurnPoint[]) => {
    const [first, last] = [points[0], points.at(-1)]
    return first && last ? ((last.mb - first.mb) * 2 ** 20) / Math.max(1, last.cycles) : 0
  }
  return {
    members,
    cycles: closed.at(-1)?.cycles ?? 0,
    bytesPerClosedSession: perCycle(closed),
    bytesPerOpenSession: perCycle(open),
    heapMB: closed,
    openHeapMB: open,
  }
}

function churnHeap(
  cycles: number,
  checkpoints: readonly number[],
  members: number,
  close: boolean,
): ChurnPoint[] {
  const sim = createSimulation({ seed: 11 })
  const owner = sim.world.createUser({ username: 'owner' })
  const guild = sim.world.createGuild({ name: 'churn', ownerId: owner.id })
  const channel = sim.world.createChannel({ guildId: guild.id, name: 'general' })
  for (let i = 1; i < members; i++) {
    sim.world.addMember(guild.id, sim.world.createUser({ username: `member${i}` }).id)
  }
  const cycle = () => {
    // Only the id is kept: a GatewayState held by the caller is a live view and keeps its frames.
    const sessionId = sim.gateway.identify({ userId: owner.id }).sessionId
    sim.gateway.requestMemberList(sessionId, guild.id, { [channel.id]: [[0, 99]] })
    if (close) sim.gateway.invalidate(sessionId)
  }
  // Warm up: the lists, caches and code paths a first cycle creates are not per-session costs.
  for (let i = 0; i < 100; i++) cycle()
  const points: ChurnPoint[] = [{ cycles: 0, mb: settledHeap() / 2 ** 20 }]
  let done = 0
  for (const target of [...checkpoints].sort((a, b) => a - b)) {
    while (done < Math.min(target, cycles)) {
      cycle()
      done++
    }
    points.push({ cycles: done, mb: settledHeap() / 2 ** 20 })
  }
  const expected = close ? 0 : done + 100
  if (sim.states.all().length !== expected) throw new Error('churn sessions open: unexpected count')
  return points
}

export interface UserDispatchMemory {
  readonly dispatches: number
  /** JSON size of each payload sent. */
  readonly payloadBytes: number
  /** Heap each payload kept while its one recipient was open (record, frame slot, the payload). */
  readonly bytesPerPayloadWhileOpen: number
  /** Heap each payload still keeps once that recipient closed (0 when it is all released). */
  readonly bytesPerPayloadAfterClose: number
}

/**
 * `user` dispatches, each with its own payload, to a user's one session, which then closes: once no
 * open session can read them, the payloads must be collectable.
 */
export function measureUserDispatchRetention(dispatches: number): UserDispatchMemory {
  const sim = createSimulation({ seed: 12 })
  const user = sim.world.createUser({ username: 'reader' })
  const payload = (i: number) => ({ id: String(i), note: `note ${i} `.padEnd(160, '.') })
  const before = settledHeap()
  // Only the id is kept here: a GatewayState held by the caller is a live view and keeps its frames.
  const sessionId = sim.gateway.identify({ userId: user.id, intents: 0 }).sessionId
  for (let i = 0; i < dispatches; i++) sim.dispatcher.dispatch('user', user.id, 'NOTE', payload(i))
  const open = settledHeap()
  sim.gateway.invalidate(sessionId)
  const closed = settledHeap()
  if (sim.states.all().length !== 0) throw new Error('the reader stayed open')
  return {
    dispatches,
    payloadBytes: JSON.stringify(payload(0)).length,
    bytesPerPayloadWhileOpen: (open - before) / dispatches,
    bytesPerPayloadAfterClose: Math.max(0, closed - before) / dispatches,
  }
}
