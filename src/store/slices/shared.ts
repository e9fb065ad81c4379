import type { StoreApi } from 'zustand/vanilla'
import type { EngineRuntime } from '../runtime.ts'
import type { PlaygroundState } from '../types.ts'

/** What every slice's actions get: the store's set/get and the instance's engine runtime. */
export interface SliceContext {
  set: StoreApi<PlaygroundState>['setState']
  get: StoreApi<PlaygroundState>['getState']
  runtime: EngineRuntime
}

/** The inspector's session detail for the current selection and cursor. */
export function detailFor(ctx: SliceContext): PlaygroundState['sessionDetail'] {
  const { selection, steps, cursor } = ctx.get()
  if (selection?.kind !== 'session') return null
  return ctx.runtime.sessionDetail(steps, cursor, selection.id)
}
