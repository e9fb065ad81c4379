import type { PlaygroundActions, SelectionSlice } from '../types.ts'
import { detailFor, type SliceContext } from './context.ts'

export const selectionInitial: SelectionSlice = {
  selection: null,
  activeDispatchId: null,
  activeStep: null,
  replayNonce: 0,
  sessionDetail: null,
}

export function selectionActions(
  ctx: SliceContext,
): Pick<PlaygroundActions, 'select' | 'showDispatch' | 'showStep'> {
  return {
    select(selection) {
      ctx.set({ selection })
      ctx.set({ sessionDetail: detailFor(ctx) })
    },
    showDispatch(id) {
      // Choosing a row takes over the graph: stop the step's own sequence (and Play).
      ctx.timer.stop()
      ctx.set((s) => ({
        activeDispatchId: id,
        activeStep: null,
        replayNonce: s.replayNonce + 1,
        playing: false,
      }))
    },
    showStep(step) {
      ctx.timer.stop()
      ctx.set({ activeDispatchId: null, activeStep: step, playing: false })
    },
  }
}
