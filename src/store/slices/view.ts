import type { PlaygroundActions, ViewSlice } from '../types.ts'
import type { SliceContext } from './context.ts'

export const viewInitial: ViewSlice = { positions: {}, expanded: {}, baseline: null, focus: null }

/** User-owned view data only: dragged positions, expanded summary nodes, the step compared with. */
export function viewActions(
  ctx: SliceContext,
): Pick<
  PlaygroundActions,
  'setPosition' | 'resetPositions' | 'expand' | 'compareFromHere' | 'stopComparing' | 'showOnGraph'
> {
  return {
    setPosition: (nodeId, position) =>
      ctx.set((s) => ({ positions: { ...s.positions, [nodeId]: position } })),
    resetPositions: () => ctx.set({ positions: {} }),
    expand: (groupId, by) =>
      ctx.set((s) => ({ expanded: { ...s.expanded, [groupId]: (s.expanded[groupId] ?? 0) + by } })),
    // The model at the cursor is the one on screen: no rebuild needed to keep it.
    compareFromHere: () => ctx.set((s) => ({ baseline: { step: s.cursor, model: s.model } })),
    stopComparing: () => ctx.set({ baseline: null }),
    showOnGraph(sessionId) {
      ctx.get().actions.select({ kind: 'session', id: sessionId })
      ctx.set((s) => ({ focus: { sessionId, nonce: (s.focus?.nonce ?? 0) + 1 } }))
    },
  }
}
