import type { GeneratedStep, Scenario } from '../scenarios/types.ts'
import { recordCalls, recordGenerated, type Step } from './connectEngine.ts'
import { groupCalls, WITHIN_CALL, type EngineCall } from '../calls/index.ts'
import type { EngineRuntime } from './runtime/EngineRuntime.ts'
import { EMPTY_MODEL } from './slices/simulation.ts'
import { replaySteps } from './runtime/checkpoints.ts'

/** One step to build: made by a rule, or listed calls. */
export type StepPlan =
  | { readonly generated: GeneratedStep; readonly calls?: undefined }
  | { readonly calls: readonly EngineCall[]; readonly generated?: undefined }

/** A scenario's own steps: its generated steps, then its listed calls grouped into steps. */
export function scenarioPlan(scenario: Scenario): StepPlan[] {
  return [
    ...(scenario.generated ?? []).map((generated) => ({ generated })),
    ...groupCalls(scenario.calls).map((calls) => ({ calls })),
  ]
}

/** How many calls a plan makes (the progress bar's total). */
export function callCount(plan: readonly StepPlan[]): number {
  return plan.reduce((n, p) => n + (p.generated ? p.generated.count : p.calls.length), 0)
}

/** Where a sliced job is, for the progress bar: updated in place by the job, read between slices. */
export interface JobProgress {
  /** What is being built now, in words ("Identifying sessions"). */
  phase: string
  done: number
  total: number
}

/** A call of a plan was refused by the engine: nothing of the load is kept. */
export class PlanStepRefused extends Error {
  override readonly name = 'PlanStepRefused'
  constructor(step: number, call: EngineCall, cause: unknown) {
    super(
      `step ${step + 1} (${String(call.target)}.${String(call.method)}) was refused: ` +
        (cause instanceof Error ? cause.message : String(cause)),
    )
  }
}

/**
 * Builds a timeline from a plan into `runtime` (a fresh one, adopted by the playground only when the
 * job completes): records every step, generated ones in bulk, and reads each step's model. A generator
 * yielding after every call, to run in slices.
 */
export function* buildTimeline(
  runtime: EngineRuntime,
  seed: number,
  plan: readonly StepPlan[],
  progress: JobProgress,
): Generator<void, Step[]> {
  runtime.reset(seed)
  const engine = runtime.engineAfter([], 0)
  runtime.remember(0, EMPTY_MODEL)
  const steps: Step[] = []
  progress.total = callCount(plan)
  for (const [i, item] of plan.entries()) {
    progress.phase = item.generated?.building ?? `Step ${i + 1}`
    const started = performance.now()
    const refused = (call: EngineCall, error: unknown) => new PlanStepRefused(i, call, error)
    const step = item.generated
      ? yield* counted(recordGenerated(engine, item.generated, i, refused), progress)
      : yield* counted(recordCalls(engine, item.calls, i, refused), progress)
    steps.push(step)
    runtime.stepApplied(i + 1, performance.now() - started, engine)
    progress.phase = 'Reading the graph'
    yield* runtime.readModelOf(engine, steps, i + 1)
  }
  return steps
}

/** Forwards a job's yields, counting each as one call done (but those made within a call). */
function* counted<T>(
  job: Generator<typeof WITHIN_CALL | void, T>,
  progress: JobProgress,
): Generator<void, T> {
  for (;;) {
    const next = job.next()
    if (next.done) return next.value
    if (next.value !== WITHIN_CALL) progress.done += 1
    yield
  }
}

/**
 * Rebuilds the simulation after `count` steps into `runtime`'s live engine, replaying from its nearest
 * checkpoint (or the seed) call by call: for changes made in the past of a world too big to snapshot.
 */
export function* rebuildEngine(
  runtime: EngineRuntime,
  steps: readonly Step[],
  count: number,
  progress: JobProgress,
): Generator<void, void> {
  const { engine, from } = runtime.replayStart(count)
  progress.total = callCount(
    steps
      .slice(from, count)
      .map((s) => (s.generated ? { generated: s.generated } : { calls: s.calls })),
  )
  for (let i = from; i < count; i++) {
    progress.phase = steps[i]?.generated?.building ?? `Replaying step ${i + 1}`
    yield* counted(replaySteps(engine, steps, i, i + 1), progress)
  }
  runtime.useEngine(engine, count)
}
