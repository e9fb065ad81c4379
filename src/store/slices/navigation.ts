import { rowsOfStep } from '../logRows.ts'
import { shownAt } from '../shownStep.ts'
import { DISPATCH_MS, MAX_ANIMATED_PER_STEP, QUIET_STEP_MS } from '../timing.ts'
import { afterRebuild } from './loading.ts'
import { detailFor, type SliceContext } from './context.ts'

/** Moving the cursor, and Play: shared by the timeline's actions. */
export interface Navigator {
  /** Moves the cursor to `count`; `animate` shows the step's dispatches one after the other. */
  land(count: number, animate: boolean): void
  play(): void
  pause(): void
}

export function createNavigator(ctx: SliceContext): Navigator {
  const { set, get, runtime, timer } = ctx

  /**
   * Shows what the step just reached did, one row at a time in the order it happened (its dispatches
   * and direct sends, at most MAX_ANIMATED_PER_STEP of them, then any refusal), then settles on the
   * whole step (shownAt) and calls `done`.
   */
  function animateStep(count: number, done: () => void) {
    timer.stop()
    const step = get().steps[count - 1]
    const rows = step ? rowsOfStep(step, count - 1) : []
    const moving = rows.filter((r) => r.kind !== 'refused').slice(0, MAX_ANIMATED_PER_STEP)
    const queue = [...moving, ...rows.filter((r) => r.kind === 'refused')].map((r) => r.id)
    const settled = shownAt(step, count)
    const next = () => {
      const id = queue.shift()
      if (id === undefined) {
        // The last row animated is what the step shows (a single row): leave it as it is.
        if (settled.activeDispatchId === null) set(settled)
        return done()
      }
      set((s) => ({ activeDispatchId: id, activeStep: null, replayNonce: s.replayNonce + 1 }))
      timer.schedule(next, DISPATCH_MS / get().speed)
    }
    if (queue.length === 0) {
      set(settled)
      timer.schedule(done, QUIET_STEP_MS / get().speed)
    } else next()
  }

  function land(count: number, animate: boolean) {
    const { steps, loading } = get()
    // The page shows only the progress of a load or rebuild; time stands still until it is done.
    if (loading) return
    timer.stop()
    if (!runtime.hasModel(count) && runtime.needsLongRebuild(steps, count)) {
      afterRebuild(ctx, count, () => land(count, animate))
      return
    }
    const model = runtime.modelAt(steps, count)
    // Every move shows the step it lands on (its rows drawn with their outcomes, still), so the graph
    // at step n is the same however the user got there, and a link to a step shows what it did. A
    // refused call's row belonged to the step it was tried at: moving on forgets it.
    set({ cursor: count, model, refusal: null, ...shownAt(steps[count - 1], count) })
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

  return {
    land,
    play() {
      const { cursor, steps, loading } = get()
      if (steps.length === 0 || loading) return
      // From the end, Play starts over, as media players do.
      if (cursor >= steps.length) land(0, false)
      set({ playing: true })
      playNext()
    },
    pause() {
      timer.stop()
      set({ playing: false })
    },
  }
}
