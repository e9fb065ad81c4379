import {
  nextDirectoryInSlices,
  readModel,
  readModelInSlices,
  sessionDirectory,
  type GraphModel,
  type SessionEntry,
} from './graphModel.ts'
import type { Step } from './connectEngine.ts'
import { createRun, lastSeenSeq, lastSeqIn, type EngineRun } from '../calls/index.ts'
import { rewindDetail } from './sessionRewind.ts'
import { runToEnd } from './sliced.ts'
import {
  advanceRun,
  checkpointOf,
  rebuild,
  runFromCheckpoint,
  replaysGenerated,
  wantsCheckpoint,
  type Checkpoints,
} from './timeline.ts'
import type { Frame, SessionStatus } from '../engine/index.ts'
import type { SandboxRunner } from '../sandbox/protocol.ts'

/** What the inspector shows of a session: read from the simulation at the cursor. */
export interface SessionDetail {
  readonly sessionId: string
  readonly exists: boolean
  readonly status: SessionStatus | 'closed'
  readonly seq: number
  /** The last `s` its client received (what RESUME would send). */
  readonly lastSeen: number
  readonly frames: readonly Frame[]
}

/** Past this many steps forward, restoring a checkpoint beats replaying from where the run is. */
const FORWARD_REPLAY_LIMIT = 16
/** Models kept for instant scrubbing, at most. */
const MODEL_CACHE_SIZE = 512
/**
 * And at most this many list entries (users, sessions, directory entries, subscribers) that the cached
 * models do not share with the model of the step before: a 100,000-session world costs about 800,000 for
 * its first full model, and a dispatch step next to nothing.
 */
const MODEL_CACHE_WEIGHT = 3_000_000
/**
 * Above this many open sessions no checkpoint is taken: `sim.snapshot()` is one engine call, and at
 * 100,000 sessions it blocks the page for seconds (and restoring one, longer). Such worlds step back
 * without the engine (models are cached, session details rewound from recorded events, see
 * `sessionRewind.ts`), and a change made in the past replays the timeline in slices instead.
 */
export const SNAPSHOT_SESSION_LIMIT = 25_000

/** List entries a model holds that `previous` (the step before) does not share. */
function modelWeight(model: GraphModel, previous: GraphModel | undefined): number {
  let weight = model.topics.length + model.channels.length
  if (model.users !== previous?.users) weight += model.users.length
  if (model.sessions !== previous?.sessions) weight += model.sessions.length
  if (model.directory !== previous?.directory) weight += model.directory.size
  const shared = new Set(previous?.topics)
  for (const t of model.topics) if (!shared.has(t)) weight += t.subscribers.length
  return weight
}

/**
 * The mutable side of one playground: the live simulation (kept outside zustand state, since React never
 * needs to see it change), its checkpoints and a cache of graph models by step count.
 */
export class EngineRuntime {
  private run: EngineRun | null = null
  /** How many steps the live run has applied; -1 when it must be rebuilt. */
  private runAt = -1
  readonly checkpoints: Checkpoints = new Map()
  private readonly models = new Map<number, GraphModel>()
  private readonly weights = new Map<number, number>()
  private seed = 1
  /** Timer of the dispatch sequence or of Play. */
  private timer: ReturnType<typeof setTimeout> | null = null
  /** The load or rebuild running in slices, if any (abort it to cancel). */
  pending: AbortController | null = null
  /** See {@link SNAPSHOT_SESSION_LIMIT}; tests lower it to reach the rebuild path with small worlds. */
  snapshotSessionLimit = SNAPSHOT_SESSION_LIMIT
  /** The worker that runs the editor's code, once the first Run created it. */
  sandbox: SandboxRunner | null = null

  reset(seed: number): void {
    this.seed = seed
    this.run = null
    this.runAt = -1
    this.checkpoints.clear()
    this.costs.clear()
    this.models.clear()
    this.weights.clear()
    this.stopTimer()
  }

  /** Takes over everything another runtime built (a timeline loaded in slices), keeping this one's timer. */
  adopt(other: EngineRuntime): void {
    this.seed = other.seed
    this.run = other.run
    this.runAt = other.runAt
    this.checkpoints.clear()
    for (const [at, c] of other.checkpoints) this.checkpoints.set(at, c)
    this.costs.clear()
    for (const [at, c] of other.costs) this.costs.set(at, c)
    this.models.clear()
    this.weights.clear()
    for (const [at, m] of other.models) this.remember(at, m)
  }

  /**
   * Whether the run after `count` steps can only be had by replaying a generated step (thousands of
   * calls): the caller must then rebuild in slices (`sliced.ts`) rather than block the page.
   */
  needsLongRebuild(steps: readonly Step[], count: number): boolean {
    if (this.run && this.runAt === count) return false
    if (
      this.run &&
      this.runAt >= 0 &&
      this.runAt < count &&
      count - this.runAt <= FORWARD_REPLAY_LIMIT
    )
      return replaysGenerated(steps, this.runAt, count)
    let from = 0
    for (const at of this.checkpoints.keys()) if (at <= count && at > from) from = at
    return replaysGenerated(steps, from, count)
  }

  stopTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
  }

  /** Runs `fn` after `ms`, replacing whatever was scheduled (one animation or Play at a time). */
  schedule(fn: () => void, ms: number): void {
    this.stopTimer()
    this.timer = setTimeout(() => {
      this.timer = null
      fn()
    }, ms)
  }

  /** The live run after `count` steps: advanced when a little behind, else rebuilt from a checkpoint. */
  ensureRun(steps: readonly Step[], count: number): EngineRun {
    if (this.run && this.runAt === count) return this.run
    if (
      this.run &&
      this.runAt >= 0 &&
      this.runAt < count &&
      count - this.runAt <= FORWARD_REPLAY_LIMIT
    ) {
      advanceRun(this.run, steps, this.runAt, count)
    } else {
      this.run = rebuild(this.seed, steps, count, this.checkpoints)
    }
    this.runAt = count
    return this.run
  }

  /** Cost (ms) of each step when it first ran, to decide where checkpoints go. */
  private readonly costs = new Map<number, number>()

  /**
   * Records that the live `run` has just applied step `count` (1-based), which took `ms`; keeps a
   * checkpoint of it if replaying since the last one grew costly.
   */
  stepApplied(count: number, ms: number, run: EngineRun): void {
    this.run = run
    this.runAt = count
    this.costs.set(count, ms)
    let last = 0
    for (const at of this.checkpoints.keys()) if (at < count && at > last) last = at
    let since = 0
    for (let i = last + 1; i <= count; i++) since += this.costs.get(i) ?? 0
    if (run.sim.states.count() > this.snapshotSessionLimit) return
    if (wantsCheckpoint(count - last, since)) this.checkpoints.set(count, checkpointOf(run))
  }

  /**
   * Where a replay of the past starts for the run after `count` steps: the nearest checkpoint, or the
   * seed. Drops the live run first (two 100,000-session worlds would not fit in a tab's memory); the
   * caller replays from `from` and hands the result to {@link useRun}.
   */
  replayStart(count: number): { run: EngineRun; from: number } {
    this.invalidateRun()
    let from = 0
    for (const at of this.checkpoints.keys()) if (at <= count && at > from) from = at
    const checkpoint = this.checkpoints.get(from)
    return { run: checkpoint ? runFromCheckpoint(checkpoint) : createRun(this.seed), from }
  }

  /** Makes `run`, which has applied the first `count` steps, the live run. */
  useRun(run: EngineRun, count: number): void {
    this.run = run
    this.runAt = count
  }

  /** Marks the live run unusable (a call threw part-way): the next use rebuilds it. */
  invalidateRun(): void {
    this.run = null
    this.runAt = -1
  }

  /** Forgets what was known about steps after `count` (they were just overwritten, or put back). */
  truncate(count: number): void {
    // A live run past `count` ran steps that are no longer the timeline's.
    if (this.runAt > count) this.invalidateRun()
    for (const at of this.models.keys()) if (at > count) this.forget(at)
    for (const at of this.checkpoints.keys()) if (at > count) this.checkpoints.delete(at)
    for (const at of this.costs.keys()) if (at > count) this.costs.delete(at)
  }

  /** The graph model after `count` steps, cached. */
  modelAt(steps: readonly Step[], count: number): GraphModel {
    const cached = this.models.get(count)
    if (cached) return cached
    const run = this.ensureRun(steps, count)
    const model = readModel(run.sim, this.directoryAt(steps, count), this.reuseFor(steps, count))
    this.remember(count, model)
    return model
  }

  /** Whether the model after `count` steps is cached. */
  hasModel(count: number): boolean {
    return this.models.has(count)
  }

  /**
   * Reads and caches the model of `run`, which must be the run after `count` steps, in slices (see
   * `readModelInSlices`); shares what the step did not touch with the cached model before it.
   */
  *readModelOf(run: EngineRun, steps: readonly Step[], count: number): Generator<void, GraphModel> {
    const model = yield* readModelInSlices(
      run.sim,
      yield* this.directoryInSlices(steps, count),
      this.reuseFor(steps, count),
    )
    this.remember(count, model)
    return model
  }

  /** The session directory after `count` steps: the cached step before's, plus this step's events. */
  private directoryAt(steps: readonly Step[], count: number): ReadonlyMap<string, SessionEntry> {
    return runToEnd(this.directoryInSlices(steps, count))
  }

  private *directoryInSlices(
    steps: readonly Step[],
    count: number,
  ): Generator<void, ReadonlyMap<string, SessionEntry>> {
    const own = this.models.get(count)
    if (own) return own.directory
    const previous = this.models.get(count - 1)
    return previous
      ? yield* nextDirectoryInSlices(previous.directory, steps[count - 1])
      : sessionDirectory(steps, count)
  }

  private reuseFor(steps: readonly Step[], count: number) {
    const previous = this.models.get(count - 1)
    return previous ? { previous, touches: steps[count - 1]?.touches } : undefined
  }

  remember(count: number, model: GraphModel): void {
    this.forget(count)
    this.models.set(count, model)
    const weight = modelWeight(model, this.models.get(count - 1))
    this.weights.set(count, weight)
    let total = 0
    for (const w of this.weights.values()) total += w
    // Oldest first, never the one just remembered.
    for (const at of this.models.keys()) {
      if (this.models.size <= MODEL_CACHE_SIZE && total <= MODEL_CACHE_WEIGHT) break
      if (at === count) continue
      total -= this.weights.get(at) ?? 0
      this.forget(at)
    }
  }

  private forget(count: number): void {
    this.models.delete(count)
    this.weights.delete(count)
  }

  /**
   * A session as the inspector shows it after `count` steps; null when that needs a long rebuild (a
   * world too big to snapshot, whose live run is elsewhere in time and cannot be rewound to it).
   */
  sessionDetail(steps: readonly Step[], count: number, sessionId: string): SessionDetail | null {
    const entry = this.directoryAt(steps, count).get(sessionId)
    // Not identified yet, or closed: the recorded events say all there is, no simulation needed.
    if (!entry || entry.status === 'closed') return closedSessionDetail(steps, count, sessionId)
    if (this.run && this.runAt > count) {
      // Stepping back: the live run stays where it is; the session is rewound, not the simulation.
      const later = this.liveDetail(steps, this.runAt, sessionId)
      const rewound = rewindDetail(later, steps.slice(count, this.runAt), entry)
      if (rewound) return rewound
    }
    if (this.needsLongRebuild(steps, count)) return null
    return this.liveDetail(steps, count, sessionId)
  }

  private liveDetail(steps: readonly Step[], count: number, sessionId: string): SessionDetail {
    const run = this.ensureRun(steps, count)
    const state = run.sim.states.fetchRaw(sessionId)
    if (!state) return closedSessionDetail(steps, count, sessionId)
    return {
      sessionId,
      exists: true,
      status: state.status,
      seq: state.seq,
      lastSeen: lastSeenSeq(run.sim, sessionId),
      frames: state.frames.slice(),
    }
  }
}

/** What the server answered a closed session's client since (op 9 to a late RESUME), in order. */
function answersAfterClose(
  steps: readonly Step[],
  closedAt: number,
  count: number,
  sessionId: string,
): Frame[] {
  const frames: Frame[] = []
  for (let i = closedAt; i < Math.min(count, steps.length); i++) {
    for (const r of steps[i]?.refusals ?? []) {
      if (r.sessionId === sessionId && r.frame) frames.push(r.frame)
    }
  }
  return frames
}

/**
 * A session that is closed (or not yet identified) at `count`: the engine no longer holds it, but its close
 * event on the inspection stream carried its frames, so the inspector can still show what it was sent.
 */
function closedSessionDetail(
  steps: readonly Step[],
  count: number,
  sessionId: string,
): SessionDetail {
  for (let i = Math.min(count, steps.length) - 1; i >= 0; i--) {
    for (const e of steps[i]?.events ?? []) {
      if (e.type !== 'session' || e.change !== 'close' || e.sessionId !== sessionId) continue
      const frames = e.frames ?? []
      return {
        sessionId,
        exists: false,
        status: 'closed',
        seq: e.seq,
        lastSeen: lastSeqIn(frames),
        frames: [...frames, ...answersAfterClose(steps, i, count, sessionId)],
      }
    }
  }
  return { sessionId, exists: false, status: 'closed', seq: 0, lastSeen: 0, frames: [] }
}
