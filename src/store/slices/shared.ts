import type { StoreApi } from 'zustand/vanilla'
import type { EngineRuntime } from '../runtime.ts'
import type { PlaygroundState } from '../types.ts'

/** What every slice's actions get: the store's set/get and the instance's engine runtime. */
export interface SliceContext {
  set: StoreApi<PlaygroundState>['setState']
  get: StoreApi<PlaygroundState>['getState']
  runtime: EngineRuntime
}

/** How long one dispatch animates at 1× speed, in ms. */
export const DISPATCH_MS = 1400
/** How long Play lingers on a step without dispatches, at 1× speed. */
export const QUIET_STEP_MS = 600
/** A step's dispatches past this many are in the log but not animated one by one. */
export const MAX_ANIMATED_PER_STEP = 6

/** The inspector's session detail for the current selection and cursor. */
export function detailFor(ctx: SliceContext): PlaygroundState['sessionDetail'] {
  const { selection, steps, cursor } = ctx.get()
  if (selection?.kind !== 'session') return null
  return ctx.runtime.sessionDetail(steps, cursor, selection.id)
}
