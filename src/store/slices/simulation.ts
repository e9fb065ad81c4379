import type { GraphModel } from '../graphModel.ts'
import type { PlaygroundActions, SimulationSlice } from '../types.ts'
import type { SliceContext } from './context.ts'

/** An empty world: what the graph shows before any step. */
export const EMPTY_MODEL: GraphModel = {
  now: 0,
  users: [],
  sessions: [],
  directory: new Map(),
  topics: [],
  guilds: [],
  channels: [],
  roles: [],
}

export const simulationInitial: SimulationSlice = { model: EMPTY_MODEL, error: null, refusal: null }

export function simulationActions(
  ctx: SliceContext,
): Pick<PlaygroundActions, 'clearError' | 'reportError'> {
  return {
    clearError: () => ctx.set({ error: null }),
    reportError: (heading, message) => ctx.set({ error: { heading, message } }),
  }
}
