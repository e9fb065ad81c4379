import { restoreSimulation, type SimulationSnapshot } from '../../engine/index.ts'
import {
  applyCallInSteps,
  createCallEngine,
  type CallEngine,
  type WITHIN_CALL,
} from '../../calls/index.ts'
import { callsOf, type Step } from '../connectEngine.ts'
import { runToEnd } from '../longJobs.ts'

/** An engine frozen after some step: its snapshot plus the sessions `$session` refs name. */
export interface Checkpoint {
  readonly snapshot: SimulationSnapshot
  readonly sessions: readonly string[]
}

/** Checkpoints by step count (the engine after that many steps). */
export type Checkpoints = Map<number, Checkpoint>

/**
 * The step count of the nearest checkpoint at or before `count` (before it, when `strictly`), or 0 (the
 * seed) when there is none: where every replay of the past starts.
 */
export function nearestCheckpoint(
  checkpoints: Checkpoints,
  count: number,
  strictly = false,
): number {
  let from = 0
  for (const at of checkpoints.keys()) {
    if ((strictly ? at < count : at <= count) && at > from) from = at
  }
  return from
}

/** Applies steps `[from, to)` to an engine without listening: their events were recorded when first made. */
export function advance(
  engine: CallEngine,
  steps: readonly Step[],
  from: number,
  to: number,
): void {
  runToEnd(replaySteps(engine, steps, from, to))
}

/** {@link advance}, yielding after every call, so that a long replay can be spread over tasks. */
export function* replaySteps(
  engine: CallEngine,
  steps: readonly Step[],
  from: number,
  to: number,
): Generator<typeof WITHIN_CALL | void> {
  for (let i = from; i < to; i++) {
    const step = steps[i]
    if (!step) continue
    for (const call of callsOf(step)) {
      yield* applyCallInSteps(engine, call)
      yield
    }
  }
}

/** Whether replaying steps `[from, to)` replays a generated step (thousands of calls: too long to block). */
export function replaysGenerated(steps: readonly Step[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (steps[i]?.generated) return true
  return false
}

/** Freezes an engine as a checkpoint. */
export function checkpointOf(engine: CallEngine): Checkpoint {
  return { snapshot: engine.sim.snapshot(), sessions: [...engine.sessions] }
}

/** Replaying from the last checkpoint may cost at most about this much (ms) before a new one is taken. */
export const REPLAY_BUDGET_MS = 30
/** And at most this many steps, however cheap. */
export const CHECKPOINT_EVERY = 16

/**
 * Whether to keep a checkpoint after step `count`, given what replaying the steps since the last one
 * cost when they first ran: snapshots bound every rebuild's replay without one per cheap step.
 */
export function wantsCheckpoint(stepsSince: number, msSince: number): boolean {
  return stepsSince >= CHECKPOINT_EVERY || msSince > REPLAY_BUDGET_MS
}

/**
 * Where a replay of the engine after `count` steps starts: the nearest checkpoint restored, or a fresh
 * engine from the seed, with the step count it stands at.
 */
export function replayStart(
  seed: number,
  count: number,
  checkpoints: Checkpoints,
): { engine: CallEngine; from: number } {
  const from = nearestCheckpoint(checkpoints, count)
  const checkpoint = checkpoints.get(from)
  return { engine: checkpoint ? engineFromCheckpoint(checkpoint) : createCallEngine(seed), from }
}

/**
 * The simulation after the first `count` steps: the one place that knows how. It restores the nearest
 * checkpoint at or before `count` (or starts from the seed) and replays only the steps after it; the
 * engine's determinism makes that exact.
 */
export function rebuild(
  seed: number,
  steps: readonly Step[],
  count: number,
  checkpoints: Checkpoints = new Map(),
): CallEngine {
  const { engine, from } = replayStart(seed, count, checkpoints)
  advance(engine, steps, from, count)
  return engine
}

/** An engine restored from a checkpoint (the checkpoint stays usable). */
export function engineFromCheckpoint(checkpoint: Checkpoint): CallEngine {
  return { sim: restoreSimulation(checkpoint.snapshot), sessions: [...checkpoint.sessions] }
}
