import { EMPTY_MODEL } from '../graphModel.ts'
import type { PlaygroundActions, SimulationSlice } from '../types.ts'
import type { SliceContext } from './context.ts'

export const simulationInitial: SimulationSlice = { model: EMPTY_MODEL, error: null, refusal: null }

export function simulationActions(
  ctx: SliceContext,
): Pick<PlaygroundActions, 'clearError' | 'reportError'> {
  return {
    clearError: () => ctx.set({ error: null }),
    reportError: (heading, message) => ctx.set({ error: { heading, message } }),
  }
}
