import { restoreSimulation, type SimulationSnapshot } from '../engine/index.ts'
import { applyCallInSteps, createRun, type EngineRun, type WITHIN_CALL } from '../calls/index.ts'
import { callsOf, type Step } from './connectEngine.ts'

/** A run frozen after some step: the engine's snapshot plus the sessions `$session` refs name. */
export interface Checkpoint {
  readonly snapshot: SimulationSnapshot
  readonly sessions: readonly string[]
}

/** Checkpoints by step count (the run after that many steps). */
export type Checkpoints = Map<number, Checkpoint>

/** Applies steps `[from, to)` to a run without listening: their events were recorded when first made. */
export function advanceRun(run: EngineRun, steps: readonly Step[], from: number, to: number): void {
  const replay = replaySteps(run, steps, from, to)
  while (!replay.next().done);
}

/** {@link advanceRun}, yielding after every call, so that a long replay can be spread over tasks. */
export function* replaySteps(
  run: EngineRun,
  steps: readonly Step[],
  from: number,
  to: number,
): Generator<typeof WITHIN_CALL | void> {
  for (let i = from; i < to; i++) {
    const step = steps[i]
    if (!step) continue
    for (const call of callsOf(step)) {
      yield* applyCallInSteps(run, call)
      yield
    }
  }
}

/** Whether replaying steps `[from, to)` replays a generated step (thousands of calls: too long to block). */
export function replaysGenerated(steps: readonly Step[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (steps[i]?.generated) return true
  return false
}

/** Freezes a run as a checkpoint. */
export function checkpointOf(run: EngineRun): Checkpoint {
  return { snapshot: run.sim.snapshot(), sessions: [...run.sessions] }
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
 * The simulation after the first `count` steps: the one place that knows how. It restores the nearest
 * checkpoint at or before `count` (or starts from the seed) and replays only the steps after it; the
 * engine's determinism makes that exact.
 */
export function rebuild(
  seed: number,
  steps: readonly Step[],
  count: number,
  checkpoints: Checkpoints = new Map(),
): EngineRun {
  let from = 0
  for (const at of checkpoints.keys()) if (at <= count && at > from) from = at
  const checkpoint = checkpoints.get(from)
  const run: EngineRun = checkpoint ? runFromCheckpoint(checkpoint) : createRun(seed)
  advanceRun(run, steps, from, count)
  return run
}

/** A live run restored from a checkpoint (the checkpoint stays usable). */
export function runFromCheckpoint(checkpoint: Checkpoint): EngineRun {
  return { sim: restoreSimulation(checkpoint.snapshot), sessions: [...checkpoint.sessions] }
}
