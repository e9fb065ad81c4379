import { readModel, sessionDirectory, type GraphModel } from './graphModel.ts'
import type { Step } from './connectEngine.ts'
import type { EngineRun } from './engineCall.ts'
import { lastSeenSeq, lastSeqIn } from './engineCall.ts'
import { advanceRun, checkpointOf, rebuild, wantsCheckpoint, type Checkpoints } from './timeline.ts'
import type { Frame, SessionStatus } from '../engine/index.ts'

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
/** Models kept for instant scrubbing; each is plain data, small unless the world is huge. */
const MODEL_CACHE_SIZE = 128

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
  private seed = 1
  /** Timer of the dispatch sequence or of Play. */
  private timer: ReturnType<typeof setTimeout> | null = null

  reset(seed: number): void {
    this.seed = seed
    this.run = null
    this.runAt = -1
    this.checkpoints.clear()
    this.costs.clear()
    this.models.clear()
    this.stopTimer()
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
    if (wantsCheckpoint(count - last, since)) this.checkpoints.set(count, checkpointOf(run))
  }

  /** Marks the live run unusable (a call threw part-way): the next use rebuilds it. */
  invalidateRun(): void {
    this.run = null
    this.runAt = -1
  }

  /** Forgets what was known about steps after `count` (they were just overwritten). */
  truncate(count: number): void {
    for (const at of this.models.keys()) if (at > count) this.models.delete(at)
    for (const at of this.checkpoints.keys()) if (at > count) this.checkpoints.delete(at)
    for (const at of this.costs.keys()) if (at > count) this.costs.delete(at)
  }

  /** The graph model after `count` steps, cached. */
  modelAt(steps: readonly Step[], count: number): GraphModel {
    const cached = this.models.get(count)
    if (cached) return cached
    const run = this.ensureRun(steps, count)
    const model = readModel(run.sim, sessionDirectory(steps, count))
    this.remember(count, model)
    return model
  }

  remember(count: number, model: GraphModel): void {
    this.models.delete(count)
    this.models.set(count, model)
    if (this.models.size > MODEL_CACHE_SIZE) {
      const oldest = this.models.keys().next().value
      if (oldest !== undefined) this.models.delete(oldest)
    }
  }

  /** A session as the inspector shows it after `count` steps. */
  sessionDetail(steps: readonly Step[], count: number, sessionId: string): SessionDetail {
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
        frames,
      }
    }
  }
  return { sessionId, exists: false, status: 'closed', seq: 0, lastSeen: 0, frames: [] }
}
