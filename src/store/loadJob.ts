import type { GeneratedStep, Scenario } from '../scenarios/types.ts'
import { recordCalls, recordGenerated, type Step } from './connectEngine.ts'
import { describeValue, groupCalls, WITHIN_CALL, type EngineCall } from '../calls/index.ts'
import type { EngineRuntime } from './runtime/EngineRuntime.ts'
import { EMPTY_MODEL } from './graphModel.ts'
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

/** The one sentence for a call of a run (a plan, a file, a link) that the engine refused. */
export function refusedStep(step: number, call: EngineCall, cause: unknown): string {
  const reason = cause instanceof Error ? cause.message : describeValue(cause)
  return `step ${step + 1} (${describeValue(call.target)}.${describeValue(call.method)}) was refused: ${reason}`
}

/**
 * The most deliveries a timeline may record while it loads (a link, a file, a scenario): each is kept
 * for the Event log and the Delivery panel, so 50,000 guild-wide dispatches to 1,000 sessions (fifty
 * million) would exhaust the tab's memory. The scenarios record under a thousand; a run of code adds at
 * most `MAX_RUN_DELIVERIES` (`slices/timeline.ts`).
 */
export const MAX_LOAD_DELIVERIES = 2_000_000

/** A plan whose steps deliver more than {@link MAX_LOAD_DELIVERIES}: refused, nothing kept. */
export class TooMuchWork extends Error {
  override readonly name = 'TooMuchWork'
  constructor(step: number, deliveries: number, estimate: boolean) {
    super(
      (estimate
        ? `from step ${step + 1} on, its calls could make up to ${deliveries.toLocaleString('en-US')} deliveries (dispatches × open sessions)`
        : `by step ${step + 1} its dispatches had made ${deliveries.toLocaleString('en-US')} deliveries`) +
        `; the playground records at most ${MAX_LOAD_DELIVERIES.toLocaleString('en-US')}`,
    )
  }
}

/** Calls that may deliver to many sessions: the dispatcher's and the server flows (`actions`). */
const mayFanOut = (call: EngineCall) => call.target === 'dispatcher' || call.target === 'actions'

/** For each step of a plan, how many calls from it to the end may fan out. */
function fanOutAfter(plan: readonly StepPlan[]): number[] {
  const after = new Array<number>(plan.length + 1).fill(0)
  for (let i = plan.length - 1; i >= 0; i--) {
    after[i] = (after[i + 1] ?? 0) + (plan[i]?.calls?.filter(mayFanOut).length ?? 0)
  }
  return after
}

/**
 * When the estimate of what is left is made: at each of the first steps (a scenario's own setup is a
 * few steps, after which a link's or file's own steps start), after a generated step, then every
 * {@link ESTIMATE_EVERY} steps (it counts the open sessions: `states.count()`, not `all()`, which would list
 * 100,000 views of a Discord-scale world to take their number).
 */
const ESTIMATE_FIRST = 16
const ESTIMATE_EVERY = 64

const recipients = (r: {
  delivered: readonly unknown[]
  buffered: readonly unknown[]
  skipped: readonly unknown[]
}) => r.delivered.length + r.buffered.length + r.skipped.length

/** A call of a plan was refused by the engine: nothing of the load is kept. */
export class PlanStepRefused extends Error {
  override readonly name = 'PlanStepRefused'
  constructor(step: number, call: EngineCall, cause: unknown) {
    super(refusedStep(step, call, cause))
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
  let deliveries = 0
  const left = fanOutAfter(plan)
  progress.total = callCount(plan)
  for (const [i, item] of plan.entries()) {
    // Estimated before the work: what is left could deliver to every open session.
    if (
      !item.generated &&
      (i < ESTIMATE_FIRST || i % ESTIMATE_EVERY === 0 || plan[i - 1]?.generated)
    ) {
      const estimate = deliveries + engine.sim.states.count() * (left[i] ?? 0)
      if (estimate > MAX_LOAD_DELIVERIES) throw new TooMuchWork(i, estimate, true)
    }
    progress.phase = item.generated?.building ?? `Step ${i + 1}`
    const started = performance.now()
    const refused = (call: EngineCall, error: unknown) => new PlanStepRefused(i, call, error)
    const step = item.generated
      ? yield* counted(recordGenerated(engine, item.generated, i, refused), progress)
      : yield* counted(recordCalls(engine, item.calls, i, refused), progress)
    steps.push(step)
    deliveries += step.dispatches.reduce((n, d) => n + recipients(d.result), 0)
    if (deliveries > MAX_LOAD_DELIVERIES) throw new TooMuchWork(i, deliveries, false)
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
