import type { PlaygroundActions, SelectionSlice } from '../types.ts'
import { detailFor, type SliceContext } from './context.ts'

export const selectionInitial: SelectionSlice = {
  selection: null,
  activeDispatchId: null,
  replayNonce: 0,
  sessionDetail: null,
}

export function selectionActions(
  ctx: SliceContext,
): Pick<PlaygroundActions, 'select' | 'showDispatch'> {
  return {
    select(selection) {
      ctx.set({ selection })
      ctx.set({ sessionDetail: detailFor(ctx) })
    },
    showDispatch(id) {
      // Choosing a row takes over the graph: stop the step's own sequence (and Play).
      ctx.timer.stop()
      ctx.set((s) => ({ activeDispatchId: id, replayNonce: s.replayNonce + 1, playing: false }))
    },
  }
}
