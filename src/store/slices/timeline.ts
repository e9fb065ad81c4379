import { recordStep, type Step } from '../connectEngine.ts'
import type { EngineCall } from '../../calls/index.ts'
import { readModel, sessionDirectory } from '../graphModel.ts'
import { refusalOfError } from '../refusals.ts'
import type { PlaygroundActions, PlaygroundState, TimelineSlice } from '../types.ts'
import { runToEnd } from '../longJobs.ts'
import type { JobProgress } from '../loadJob.ts'
import { afterRebuild, startJob } from './loading.ts'
import { createNavigator } from './navigation.ts'
import type { SliceContext } from './context.ts'

export const timelineInitial: TimelineSlice = {
  scenario: null,
  seed: 1,
  scenarioSteps: 0,
  steps: [],
  cursor: 0,
  playing: false,
  speed: 1,
  discarded: null,
}

/** Models computed up front for the steps a run of code adds (the rest are built when reached). */
const PRECOMPUTED_MODELS = 64

/**
 * What applying a run of calls may cost, in deliveries (calls × the sessions open where they start, an
 * upper bound for dispatches): up to {@link AT_ONCE_DELIVERIES} it is one short task; above, it runs in
 * slices with progress and Cancel; above {@link MAX_RUN_DELIVERIES} it is refused before any call is
 * applied (a thousand guild-wide dispatches to a thousand sessions is a million, about 8 s of work).
 */
export const AT_ONCE_DELIVERIES = 20_000
export const MAX_RUN_DELIVERIES = 2_000_000

function refusal(error: unknown, call: EngineCall | undefined) {
  const what = call ? `${call.target}.${call.method}` : 'a call'
  return {
    heading: 'Refused, not added to the timeline',
    message: `${what}: ${error instanceof Error ? error.message : String(error)}`,
  }
}

/**
 * The timeline once `added` replaced every step after `cursor`. Overwriting the future is undoable, as
 * in editors: `discarded` keeps what was dropped (with the marked step and the scenario's own steps as
 * they were), for the notice's Undo.
 */
function overwriteFuture(
  before: Pick<PlaygroundState, 'steps' | 'baseline' | 'scenarioSteps'>,
  cursor: number,
  added: readonly Step[],
): Pick<PlaygroundState, 'steps' | 'scenarioSteps' | 'discarded' | 'baseline'> {
  const { steps, baseline, scenarioSteps } = before
  const future = steps.slice(cursor)
  return {
    steps: [...steps.slice(0, cursor), ...added],
    scenarioSteps: Math.min(scenarioSteps, cursor),
    discarded: future.length > 0 ? { at: cursor, steps: future, baseline, scenarioSteps } : null,
    // A marked step past the cursor was just overwritten: there is nothing left to compare with.
    baseline: baseline && baseline.step > cursor ? null : baseline,
  }
}

type TimelineActions = Pick<
  PlaygroundActions,
  | 'apply'
  | 'applyCalls'
  | 'appendSteps'
  | 'undoDiscard'
  | 'dismissDiscard'
  | 'undo'
  | 'stepBack'
  | 'stepForward'
  | 'seek'
  | 'play'
  | 'pause'
  | 'togglePlay'
  | 'setSpeed'
>

export function timelineActions(ctx: SliceContext): TimelineActions {
  const { set, get, runtime, timer } = ctx
  const { land, play, pause } = createNavigator(ctx)

  function undoDiscard() {
    const { discarded, steps, loading } = get()
    if (!discarded || loading) return
    // Back to the timeline before the call that dropped the future, at the step it was made from.
    runtime.truncate(discarded.at)
    set({
      steps: [...steps.slice(0, discarded.at), ...discarded.steps],
      scenarioSteps: discarded.scenarioSteps,
      discarded: null,
      baseline: discarded.baseline,
      playing: false,
    })
    land(discarded.at, false)
  }

  function stepBack() {
    const { cursor } = get()
    if (cursor > 0) land(cursor - 1, false)
  }

  /**
   * Sends changes to the followed engine instead of applying them (they come back as steps). Only from
   * the latest step: the gateway cannot act in the past.
   */
  function forward(calls: readonly EngineCall[]): boolean {
    const { steps, cursor, loading } = get()
    if (loading || cursor !== steps.length) {
      set({
        error: {
          heading: 'Not sent to the gateway',
          message:
            'The live view acts on the gateway as it is now: go to the latest step, then try again.',
        },
      })
      return false
    }
    ctx.remote?.send(calls)
    set({ error: null })
    return true
  }

  return {
    apply(call) {
      if (ctx.remote) return forward([call])
      const { steps, cursor, baseline, scenarioSteps } = get()
      if (runtime.needsLongRebuild(steps, cursor)) {
        afterRebuild(ctx, cursor, () => get().actions.apply(call))
        return true
      }
      const engine = runtime.engineAfter(steps, cursor)
      const started = performance.now()
      let step
      try {
        step = recordStep(engine, [call], cursor)
      } catch (error) {
        // Not on the timeline: a refused call changes nothing. Its row says why, where a dispatch would
        // be; the engine is rebuilt rather than trusted.
        const refusal = refusalOfError(call, error, engine, cursor)
        runtime.invalidateEngine()
        timer.stop()
        set({
          refusal,
          activeDispatchId: refusal.id,
          activeStep: null,
          playing: false,
          error: null,
        })
        return false
      }
      runtime.truncate(cursor)
      runtime.stepApplied(cursor + 1, performance.now() - started, engine)
      set({
        ...overwriteFuture({ steps, baseline, scenarioSteps }, cursor, [step]),
        error: null,
        playing: false,
      })
      land(cursor + 1, true)
      return true
    },

    applyCalls(calls) {
      if (calls.length === 0) return true
      if (ctx.remote) return forward(calls)
      const { steps, cursor, baseline, scenarioSteps } = get()
      if (runtime.needsLongRebuild(steps, cursor)) {
        afterRebuild(ctx, cursor, () => get().actions.applyCalls(calls))
        return true
      }
      const engine = runtime.engineAfter(steps, cursor)
      const cost = calls.length * Math.max(1, engine.sim.states.all().length)
      if (cost > MAX_RUN_DELIVERIES) {
        set({
          error: {
            heading: 'Too much work, not applied',
            message:
              `${calls.length.toLocaleString('en-US')} calls at ${(cost / calls.length).toLocaleString('en-US')} open sessions could make ` +
              `${cost.toLocaleString('en-US')} deliveries; the playground applies at most ${MAX_RUN_DELIVERIES.toLocaleString('en-US')} at once. Nothing was applied.`,
          },
        })
        return false
      }
      runtime.truncate(cursor)
      const failed = (error: unknown, added: number) => {
        runtime.invalidateEngine()
        runtime.truncate(cursor)
        set({ error: refusal(error, calls[added]) })
      }
      const finish = (added: readonly Step[]) => {
        // A run of code that overwrote the future is undoable too, as one change.
        set({
          ...overwriteFuture({ steps, baseline, scenarioSteps }, cursor, added),
          error: null,
          refusal: null,
          playing: true,
        })
        land(cursor + 1, true)
      }
      const added: Step[] = []
      /** One call per yield; cancelled or failed part-way, the engine is rebuilt, not trusted. */
      function* record(progress: JobProgress): Generator<void, Step[]> {
        progress.total = calls.length
        let complete = false
        try {
          for (const call of calls) {
            const started = performance.now()
            const count = cursor + added.length + 1
            progress.phase = `Applying step ${count}`
            added.push(recordStep(engine, [call], count - 1))
            runtime.stepApplied(count, performance.now() - started, engine)
            // Playback lands on each new step in turn: have the first ones ready, as loadScenario does.
            if (added.length <= PRECOMPUTED_MODELS) {
              const done = [...steps.slice(0, cursor), ...added]
              runtime.remember(count, readModel(engine.sim, sessionDirectory(done, count)))
            }
            progress.done = added.length
            yield
          }
          complete = true
          return added
        } finally {
          if (!complete) {
            runtime.invalidateEngine()
            runtime.truncate(cursor)
          }
        }
      }
      if (cost <= AT_ONCE_DELIVERIES) {
        try {
          finish(runToEnd(record({ phase: '', done: 0, total: 0 })))
        } catch (error) {
          failed(error, added.length)
          return false
        }
        return true
      }
      startJob(
        ctx,
        {
          kind: 'apply',
          title: `Applying ${calls.length.toLocaleString('en-US')} steps`,
          scenarioId: null,
        },
        record,
        finish,
        (error) => failed(error, added.length),
      )
      return true
    },

    appendSteps(remote) {
      if (remote.length === 0) return true
      const { steps, cursor } = get()
      const end = steps.length
      const engine = runtime.engineAfter(steps, end)
      const added: Step[] = []
      try {
        for (const calls of remote) {
          const started = performance.now()
          const count = end + added.length + 1
          added.push(recordStep(engine, calls, count - 1))
          runtime.stepApplied(count, performance.now() - started, engine)
        }
      } catch (error) {
        // This engine and the followed one disagree: it cannot follow any further.
        runtime.invalidateEngine()
        runtime.truncate(end)
        set({ error: refusal(error, remote[added.length]?.at(-1)), playing: false })
        return false
      }
      set({ steps: [...steps, ...added], discarded: null })
      // Following the latest step: one new step plays; a batch (joining late) lands at its end.
      if (cursor === end) land(end + added.length, added.length === 1)
      return true
    },

    undoDiscard,
    dismissDiscard: () => set({ discarded: null }),
    undo() {
      // Right after a change that dropped the future, undo is that change's: the future comes back.
      const { discarded, cursor } = get()
      if (discarded && cursor === discarded.at + 1) undoDiscard()
      else stepBack()
    },

    stepBack,
    stepForward() {
      const { cursor, steps } = get()
      if (cursor < steps.length) land(cursor + 1, true)
    },
    seek(count) {
      const { steps, cursor } = get()
      const target = Math.max(0, Math.min(steps.length, Math.round(count)))
      if (target !== cursor) land(target, target === cursor + 1)
    },
    play,
    pause,
    togglePlay() {
      if (get().playing) pause()
      else play()
    },
    setSpeed(speed) {
      set({ speed })
    },
  }
}
