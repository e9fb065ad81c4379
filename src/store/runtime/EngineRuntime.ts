import {
  nextDirectoryInSlices,
  readModel,
  readModelInSlices,
  sessionDirectory,
  type GraphModel,
  type SessionEntry,
} from '../graphModel.ts'
import type { Step } from '../connectEngine.ts'
import type { CallEngine } from '../../calls/index.ts'
import { runToEnd } from '../longJobs.ts'
import {
  advance,
  checkpointOf,
  nearestCheckpoint,
  rebuild,
  replayStart,
  replaysGenerated,
  wantsCheckpoint,
  type Checkpoints,
} from './checkpoints.ts'
import { ModelCache } from './modelCache.ts'
import { closedSessionDetail, liveSessionDetail, type SessionDetail } from './sessionDetail.ts'
import { rewindDetail } from './sessionRewind.ts'

/** Past this many steps forward, restoring a checkpoint beats replaying from where the engine is. */
const FORWARD_REPLAY_LIMIT = 16
/**
 * Above this many open sessions no checkpoint is taken: `sim.snapshot()` is one engine call, and at
 * 100,000 sessions it blocks the page for seconds (and restoring one, longer). Such worlds step back
 * without the engine (models are cached, session details rewound from recorded events, see
 * `sessionRewind.ts`), and a change made in the past replays the timeline in slices instead.
 */
export const SNAPSHOT_SESSION_LIMIT = 25_000

/**
 * The engine side of one playground, kept outside zustand state since React never needs to see it
 * change: the engine at some step of the timeline (the live one), its checkpoints, and the graph models
 * read from it, by step count.
 */
export class EngineRuntime {
  private engine: CallEngine | null = null
  /** How many steps the live engine has applied; -1 when it must be rebuilt. */
  private engineAt = -1
  readonly checkpoints: Checkpoints = new Map()
  /** Cost (ms) of each step when it first ran, to decide where checkpoints go. */
  private readonly costs = new Map<number, number>()
  private readonly models = new ModelCache()
  private seed = 1
  /** See {@link SNAPSHOT_SESSION_LIMIT}; tests lower it to reach the rebuild path with small worlds. */
  snapshotSessionLimit = SNAPSHOT_SESSION_LIMIT

  reset(seed: number): void {
    this.seed = seed
    this.invalidateEngine()
    this.checkpoints.clear()
    this.costs.clear()
    this.models.clear()
  }

  /** Takes over everything another runtime built (a timeline loaded in slices). */
  adopt(other: EngineRuntime): void {
    this.seed = other.seed
    this.engine = other.engine
    this.engineAt = other.engineAt
    this.checkpoints.clear()
    for (const [at, c] of other.checkpoints) this.checkpoints.set(at, c)
    this.costs.clear()
    for (const [at, c] of other.costs) this.costs.set(at, c)
    this.models.copyFrom(other.models)
  }

  /** Whether the live engine is at most a few steps before `count`, so advancing it beats a rebuild. */
  private closeBehind(count: number): boolean {
    return (
      this.engine !== null &&
      this.engineAt >= 0 &&
      this.engineAt < count &&
      count - this.engineAt <= FORWARD_REPLAY_LIMIT
    )
  }

  /**
   * Whether the engine after `count` steps can only be had by replaying a generated step (thousands of
   * calls): the caller must then rebuild in slices (`longJobs.ts`) rather than block the page.
   */
  needsLongRebuild(steps: readonly Step[], count: number): boolean {
    if (this.engine && this.engineAt === count) return false
    if (this.closeBehind(count)) return replaysGenerated(steps, this.engineAt, count)
    return replaysGenerated(steps, nearestCheckpoint(this.checkpoints, count), count)
  }

  /** The engine after `count` steps: the live one advanced when a little behind, else rebuilt. */
  engineAfter(steps: readonly Step[], count: number): CallEngine {
    if (this.engine && this.engineAt === count) return this.engine
    if (this.engine && this.closeBehind(count)) advance(this.engine, steps, this.engineAt, count)
    else this.engine = rebuild(this.seed, steps, count, this.checkpoints)
    this.engineAt = count
    return this.engine
  }

  /**
   * Records that `engine` has just applied step `count` (1-based), which took `ms`, and makes it the
   * live engine; keeps a checkpoint of it if replaying since the last one grew costly.
   */
  stepApplied(count: number, ms: number, engine: CallEngine): void {
    this.useEngine(engine, count)
    this.costs.set(count, ms)
    const last = nearestCheckpoint(this.checkpoints, count, true)
    let since = 0
    for (let i = last + 1; i <= count; i++) since += this.costs.get(i) ?? 0
    if (engine.sim.states.count() > this.snapshotSessionLimit) return
    if (wantsCheckpoint(count - last, since)) this.checkpoints.set(count, checkpointOf(engine))
  }

  /**
   * Where a replay of the past starts for the engine after `count` steps: the nearest checkpoint, or the
   * seed. Drops the live engine first (two 100,000-session worlds would not fit in a tab's memory); the
   * caller replays from `from` and hands the result to {@link useEngine}.
   */
  replayStart(count: number): { engine: CallEngine; from: number } {
    this.invalidateEngine()
    return replayStart(this.seed, count, this.checkpoints)
  }

  /** Makes `engine`, which has applied the first `count` steps, the live engine. */
  useEngine(engine: CallEngine, count: number): void {
    this.engine = engine
    this.engineAt = count
  }

  /** Marks the live engine unusable (a call threw part-way): the next use rebuilds it. */
  invalidateEngine(): void {
    this.engine = null
    this.engineAt = -1
  }

  /** Forgets what was known about steps after `count` (they were just overwritten, or put back). */
  truncate(count: number): void {
    // A live engine past `count` ran steps that are no longer the timeline's.
    if (this.engineAt > count) this.invalidateEngine()
    this.models.truncate(count)
    for (const at of this.checkpoints.keys()) if (at > count) this.checkpoints.delete(at)
    for (const at of this.costs.keys()) if (at > count) this.costs.delete(at)
  }

  /** The graph model after `count` steps, cached. */
  modelAt(steps: readonly Step[], count: number): GraphModel {
    const cached = this.models.get(count)
    if (cached) return cached
    const engine = this.engineAfter(steps, count)
    const model = readModel(engine.sim, this.directoryAt(steps, count), this.reuseFor(steps, count))
    this.models.remember(count, model)
    return model
  }

  /** Whether the model after `count` steps is cached. */
  hasModel(count: number): boolean {
    return this.models.has(count)
  }

  /** Caches `model` as the model after `count` steps. */
  remember(count: number, model: GraphModel): void {
    this.models.remember(count, model)
  }

  /**
   * Reads and caches the model of `engine`, which must be the engine after `count` steps, in slices
   * (see `readModelInSlices`); shares what the step did not touch with the cached model before it.
   */
  *readModelOf(
    engine: CallEngine,
    steps: readonly Step[],
    count: number,
  ): Generator<void, GraphModel> {
    const model = yield* readModelInSlices(
      engine.sim,
      yield* this.directoryInSlices(steps, count),
      this.reuseFor(steps, count),
    )
    this.models.remember(count, model)
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

  /**
   * A session as the inspector shows it after `count` steps; null when that needs a long rebuild (a
   * world too big to snapshot, whose live engine is elsewhere in time and cannot be rewound to it).
   */
  sessionDetail(steps: readonly Step[], count: number, sessionId: string): SessionDetail | null {
    const entry = this.directoryAt(steps, count).get(sessionId)
    // Not identified yet, or closed: the recorded events say all there is, no simulation needed.
    if (!entry || entry.status === 'closed') return closedSessionDetail(steps, count, sessionId)
    if (this.engine && this.engineAt > count) {
      // Stepping back: the live engine stays where it is; the session is rewound, not the simulation.
      const later = liveSessionDetail(this.engine, steps, this.engineAt, sessionId)
      const rewound = rewindDetail(later, steps.slice(count, this.engineAt), entry)
      if (rewound) return rewound
    }
    if (this.needsLongRebuild(steps, count)) return null
    return liveSessionDetail(this.engineAfter(steps, count), steps, count, sessionId)
  }
}
