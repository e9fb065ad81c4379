import type { Scenario } from '../../scenarios/types.ts'
import type { Step } from '../connectEngine.ts'
import {
  buildTimeline,
  rebuildEngine,
  scenarioPlan,
  type JobProgress,
  type StepPlan,
} from '../loadJob.ts'
import { RunFileError } from '../runData.ts'
import { readRunFileJob } from '../runFile.ts'
import { isSmall, type LargeRun, type OpenedRun } from '../runData.ts'
import { runSliced, runToEnd, SlicedJobCancelled } from '../longJobs.ts'
import { EngineRuntime } from '../runtime/EngineRuntime.ts'
import { shownAt } from '../shownStep.ts'
import { linkProblem, linkReadProblem, readShareHashJob } from '../share.ts'
import type {
  LoadingSlice,
  LoadingState,
  Opening,
  PlaygroundActions,
  PlaygroundError,
} from '../types.ts'
import { codeFor } from './editor.ts'
import type { SliceContext } from './context.ts'

export const loadingInitial: LoadingSlice = { loading: null }

export type LoadingActions = Pick<PlaygroundActions, 'loadScenario' | 'open' | 'cancelLoading'> & {
  /** Reads what `open` would open, without opening it yet (the store's first opening, see `start`). */
  read(what: Opening): ReadOpening
}

/** What was given to open, read (a link decompressed and checked, a file parsed): ready to open. */
export interface ReadOpening {
  /** Its steps are built by rules: it loads in slices. */
  readonly byRules: boolean
  /** Opens it; as `actions.open` answers. */
  open(): boolean
}

/** How often a sliced job's progress bar moves, at most (ms). */
export const PROGRESS_EVERY_MS = 200

/** Runs `job` in slices with a progress bar; `done` gets its result unless it is cancelled first. */
export function startJob<T>(
  ctx: SliceContext,
  what: Pick<LoadingState, 'kind' | 'title' | 'scenarioId'>,
  job: (progress: JobProgress) => Generator<void, T>,
  done: (value: T) => void,
  failed: (error: unknown) => void,
): void {
  const { set, job: pending, timer } = ctx
  const signal = pending.start()
  timer.stop()
  const progress: JobProgress = { phase: 'Starting', done: 0, total: 0 }
  const startedAt = performance.now()
  let shownAt = -Infinity
  let slices = 0
  const show = () => {
    const now = performance.now()
    shownAt = now
    set({ loading: { ...what, ...progress, startedAt, elapsedMs: now - startedAt } })
  }
  // The bar moves after the first slice, then at most every PROGRESS_EVERY_MS, not after every slice:
  // each update runs every selector of the page and re-renders what reads `loading`, a sixth of the
  // page's time while the Discord-scale scenario loaded (a slice is 40 ms of work).
  const showSometimes = () => {
    if (++slices === 1 || performance.now() - shownAt >= PROGRESS_EVERY_MS) show()
  }
  set({ playing: false })
  show()
  runSliced(job(progress), { signal, afterSlice: showSometimes }).then(
    (value) => {
      if (!pending.isCurrent(signal)) return
      pending.finish(signal)
      // Time moves again before `done` runs (it may land on a step or apply a call).
      set({ loading: null })
      done(value)
    },
    (error: unknown) => {
      pending.finish(signal)
      if (error instanceof SlicedJobCancelled) return
      set({ loading: null })
      failed(error)
    },
  )
}

/**
 * Replays the past into the live run when getting there needs a generated step, in slices with a
 * progress bar, then calls `then`; at once otherwise.
 */
export function afterRebuild(ctx: SliceContext, count: number, then: () => void): void {
  const { get, set, runtime } = ctx
  const { steps } = get()
  if (!runtime.needsLongRebuild(steps, count)) {
    then()
    return
  }
  startJob(
    ctx,
    { kind: 'rebuild', title: `Rebuilding the simulation at step ${count}`, scenarioId: null },
    (progress) => rebuildEngine(runtime, steps, count, progress),
    then,
    (error) =>
      set({
        error: {
          heading: 'Could not rebuild the simulation',
          message: errorText(error),
        },
      }),
  )
}

export function loadingActions(ctx: SliceContext): LoadingActions {
  const { set, get, runtime } = ctx

  /**
   * Builds `plan` into a fresh runtime (in slices when it holds generated steps or many calls), then
   * shows it. A large run still being read gives the rest of its reading instead (`readRunDataJob`):
   * read in slices, then built.
   */
  function load(what: {
    scenario: Scenario
    plan: readonly StepPlan[] | Generator<LargeRun | void, { readonly plan: readonly StepPlan[] }>
    scenarioSteps: number
    at?: number | undefined
    /** The editor's code; by default the user's last code for the scenario, or its example. */
    code?: string | undefined
    /** Shown once it has loaded (a link that could not be opened, say). */
    notice?: PlaygroundError | undefined
    refused: (error: unknown) => void
  }): boolean {
    const { scenario, plan, scenarioSteps, at, code, notice, refused } = what
    const fresh = new EngineRuntime()
    fresh.snapshotSessionLimit = runtime.snapshotSessionLimit
    const install = (steps: readonly Step[]) => {
      runtime.adopt(fresh)
      const cursor = Math.max(0, Math.min(steps.length, at ?? steps.length))
      set({
        scenario,
        seed: scenario.seed,
        scenarioSteps,
        steps,
        cursor,
        playing: false,
        discarded: null,
        model: runtime.modelAt(steps, cursor),
        error: notice ?? null,
        refusal: null,
        selection: null,
        sessionDetail: null,
        // A link to step n shows what step n did, as moving there would.
        ...shownAt(steps[cursor - 1], cursor),
        positions: {},
        expanded: {},
        baseline: null,
        code:
          code ??
          (scenario.id === get().scenario?.id && get().code !== ''
            ? get().code
            : codeFor(ctx, scenario)),
        codeMark: null,
        consoleEntries: [],
      })
    }
    const job = isPlan(plan)
      ? (progress: JobProgress) => buildTimeline(fresh, scenario.seed, plan, progress)
      : function* (progress: JobProgress): Generator<void, Step[]> {
          progress.phase = 'Reading the run'
          const read = yield* quiet(plan)
          return yield* buildTimeline(fresh, scenario.seed, read.plan, progress)
        }
    if (isPlan(plan) && isSmall(plan)) {
      // Small worlds load at once, as they always did.
      ctx.job.cancel()
      try {
        install(runToEnd(job({ phase: '', done: 0, total: 0 })))
      } catch (error) {
        refused(error)
        return false
      }
      set({ loading: null })
      return true
    }
    startJob(
      ctx,
      { kind: 'scenario', title: scenario.title, scenarioId: scenario.id },
      job,
      install,
      refused,
    )
    return true
  }

  const refusal = (heading: string) => (error: unknown) =>
    set({ error: { heading, message: errorText(error) } })

  function loadScenario(scenario: Scenario, at?: number, code?: string, notice?: PlaygroundError) {
    const plan = scenarioPlan(scenario)
    const refused = refusal(`Could not load ${scenario.title}`)
    load({ scenario, plan, scenarioSteps: plan.length, at, code, notice, refused })
  }

  /** A run file's text, read: opens in place of the timeline, or is refused with one notice. */
  function readFile(text: string): ReadOpening {
    // Following a gateway, the timeline is the gateway's: another run would leave it behind.
    if (ctx.remote) {
      const message =
        'The live view follows the gateway; open a saved run in the playground (/play).'
      return refusedAtOnce({ heading: 'Could not open the run', message })
    }
    let read: BegunRun | null
    try {
      read = begin(readRunFileJob(text, ctx.scenarios))
    } catch (error) {
      // Whatever the file holds, it gets one notice; nothing else changes.
      const message = error instanceof RunFileError ? error.message : 'the file could not be read'
      return refusedAtOnce({ heading: 'Could not open the run', message })
    }
    // A file always holds a run (the job returns null only for a hash without a link).
    if (!read)
      return refusedAtOnce({ heading: 'Could not open the run', message: 'the file holds no run' })
    const { fields, plan } = read
    return {
      byRules: byRules(fields),
      open: () =>
        load({ ...fields, plan, at: fields.cursor, refused: refusal('Could not open the run') }),
    }
  }

  /**
   * A location's hash, read: its run, with its code, at its cursor. A link that cannot be read opens
   * `otherwise` as it starts with the reason, or, without `otherwise`, only says why.
   */
  function readHash(hash: string, otherwise: Scenario | undefined): ReadOpening {
    let read: BegunRun | null
    try {
      read = begin(readShareHashJob(hash, ctx.scenarios))
    } catch (error) {
      const problem = linkReadProblem(error)
      return otherwise ? readScenario(otherwise, problem, false) : refusedAtOnce(problem)
    }
    if (!read) {
      return otherwise ? readScenario(otherwise) : { byRules: false, open: () => true }
    }
    const { fields, plan } = read
    // What opens when the run is refused while it loads: the link's own scenario as registered.
    const fallback = ctx.scenarios(fields.scenario.id) ?? otherwise
    return {
      byRules: byRules(fields),
      // Links are checked by a dry run when read, except for larger ones, checked as they load: a
      // refusal found then still opens the scenario as it starts, with the reason.
      open: () =>
        load({
          ...fields,
          plan,
          at: fields.cursor,
          refused: (error) => {
            const notice = linkProblem(errorText(error))
            if (fallback) loadScenario(fallback, undefined, undefined, notice)
            else set({ error: notice })
          },
        }),
    }
  }

  function readScenario(scenario: Scenario, notice?: PlaygroundError, opens = true): ReadOpening {
    return {
      byRules: scenarioPlan(scenario).some((p) => p.generated),
      open: () => {
        loadScenario(scenario, undefined, undefined, notice)
        return opens
      },
    }
  }

  function refusedAtOnce(notice: PlaygroundError): ReadOpening {
    return {
      byRules: false,
      open: () => {
        set({ error: notice })
        return false
      },
    }
  }

  function read(what: Opening): ReadOpening {
    if ('runFile' in what) return readFile(what.runFile)
    if ('link' in what) return readHash(what.link, what.otherwise)
    return readScenario(what.scenario)
  }

  return {
    loadScenario: (scenario, at, code) => loadScenario(scenario, at, code),
    read,
    open: (what) => read(what).open(),

    cancelLoading() {
      ctx.job.cancel()
      if (get().loading) set({ loading: null })
    },
  }
}

type RunFields = LargeRun['large']
type ReadingJob<T> = Generator<LargeRun | void, T>

/** A run read (its plan) or being read (its fields, and the job that reads its steps). */
interface BegunRun {
  readonly fields: RunFields
  readonly plan: readonly StepPlan[] | ReadingJob<OpenedRun>
}

/**
 * Runs a reading job at once to its end, or, for a large run, until its fields are checked: the rest
 * (its steps' calls) is left to the load, which reads it in slices. Null for a hash that holds no link.
 */
function begin(job: ReadingJob<OpenedRun | null>): BegunRun | null {
  const first = job.next()
  if (first.done) {
    if (first.value === null) return null
    const { plan, ...fields } = first.value
    return { fields, plan }
  }
  if (!first.value) throw new Error('a reading job yields its fields first')
  return { fields: first.value.large, plan: job as ReadingJob<OpenedRun> }
}

const byRules = ({ scenario, scenarioSteps }: RunFields) =>
  scenarioPlan(scenario)
    .slice(0, scenarioSteps)
    .some((p) => p.generated)

const isPlan = (
  plan: readonly StepPlan[] | ReadingJob<{ readonly plan: readonly StepPlan[] }>,
): plan is readonly StepPlan[] => Array.isArray(plan)

/** A reading job's yields, as a load's units (its LargeRun was taken when it began). */
function* quiet<T>(job: ReadingJob<T>): Generator<void, T> {
  for (;;) {
    const next = job.next()
    if (next.done) return next.value
    yield
  }
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error))
