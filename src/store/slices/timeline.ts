import { recordStep } from '../connectEngine.ts'
import type { PlaygroundActions, TimelineSlice } from '../types.ts'
import { afterRebuild } from './loading.ts'
import { DISPATCH_MS, MAX_ANIMATED_PER_STEP, QUIET_STEP_MS } from '../timing.ts'
import { detailFor, type SliceContext } from './shared.ts'

export const timelineInitial: TimelineSlice = {
  scenario: null,
  seed: 1,
  scenarioSteps: 0,
  steps: [],
  cursor: 0,
  playing: false,
  speed: 1,
}

type TimelineActions = Pick<
  PlaygroundActions,
  'apply' | 'stepBack' | 'stepForward' | 'seek' | 'play' | 'pause' | 'togglePlay' | 'setSpeed'
>

export function timelineActions(ctx: SliceContext): TimelineActions {
  const { set, get, runtime } = ctx

  /** Plays the dispatches of the step just reached, one after the other, then calls `done`. */
  function animateStep(count: number, done: () => void) {
    runtime.stopTimer()
    const dispatches = get().steps[count - 1]?.dispatches ?? []
    const queue = dispatches.slice(-MAX_ANIMATED_PER_STEP).map((d) => d.id)
    const next = () => {
      const id = queue.shift()
      if (id === undefined) return done()
      set((s) => ({ activeDispatchId: id, replayNonce: s.replayNonce + 1 }))
      runtime.schedule(next, DISPATCH_MS / get().speed)
    }
    if (queue.length === 0) runtime.schedule(done, QUIET_STEP_MS / get().speed)
    else next()
  }

  /** Moves the cursor to `count`; `animate` for forward moves of one step. */
  function land(count: number, animate: boolean) {
    const { steps, loading } = get()
    // The page shows only the progress of a load or rebuild; time stands still until it is done.
    if (loading) return
    runtime.stopTimer()
    if (!runtime.hasModel(count) && runtime.needsLongRebuild(steps, count)) {
      afterRebuild(ctx, count, () => land(count, animate))
      return
    }
    const model = runtime.modelAt(steps, count)
    // A step reached without animation shows no dispatch, as a freshly loaded scenario does: the graph
    // at step n is then the same however the user got there (step back must restore it exactly).
    set({ cursor: count, model, activeDispatchId: null })
    set({ sessionDetail: detailFor(ctx) })
    if (animate) animateStep(count, () => (get().playing ? playNext() : undefined))
    else if (get().playing) set({ playing: false })
  }

  function playNext() {
    const { cursor, steps } = get()
    if (cursor >= steps.length) {
      set({ playing: false })
      return
    }
    land(cursor + 1, true)
  }

  function play() {
    const { cursor, steps, loading } = get()
    if (steps.length === 0 || loading) return
    // From the end, Play starts over, as media players do.
    if (cursor >= steps.length) land(0, false)
    set({ playing: true })
    playNext()
  }

  function pause() {
    runtime.stopTimer()
    set({ playing: false })
  }

  return {
    apply(call) {
      const { steps, cursor } = get()
      if (runtime.needsLongRebuild(steps, cursor)) {
        afterRebuild(ctx, cursor, () => get().actions.apply(call))
        return true
      }
      const run = runtime.ensureRun(steps, cursor)
      const started = performance.now()
      let step
      try {
        step = recordStep(run, [call], cursor)
      } catch (error) {
        // Not logged: the timeline only holds calls that ran. Rebuild rather than trust the run.
        runtime.invalidateRun()
        set({
          error: {
            heading: 'Refused, not added to the timeline',
            message: error instanceof Error ? error.message : String(error),
          },
        })
        return false
      }
      runtime.truncate(cursor)
      runtime.stepApplied(cursor + 1, performance.now() - started, run)
      set((s) => ({
        steps: [...steps.slice(0, cursor), step],
        scenarioSteps: Math.min(s.scenarioSteps, cursor),
        error: null,
        playing: false,
        // A marked step past the cursor was just overwritten: there is nothing left to compare with.
        baseline: s.baseline && s.baseline.step > cursor ? null : s.baseline,
      }))
      land(cursor + 1, true)
      return true
    },

    stepBack() {
      const { cursor } = get()
      if (cursor > 0) land(cursor - 1, false)
    },
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
