import type { PlaygroundActions, ViewSlice } from '../types.ts'
import type { SliceContext } from './shared.ts'

export const viewInitial: ViewSlice = { positions: {}, expanded: {} }

/** User-owned view data only: dragged positions and expanded summary nodes (STYLE §13). */
export function viewActions(
  ctx: SliceContext,
): Pick<PlaygroundActions, 'setPosition' | 'resetPositions' | 'expand'> {
  return {
    setPosition: (nodeId, position) =>
      ctx.set((s) => ({ positions: { ...s.positions, [nodeId]: position } })),
    resetPositions: () => ctx.set({ positions: {} }),
    expand: (groupId, by) =>
      ctx.set((s) => ({ expanded: { ...s.expanded, [groupId]: (s.expanded[groupId] ?? 0) + by } })),
  }
}
