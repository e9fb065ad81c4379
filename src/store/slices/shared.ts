import type { StoreApi } from 'zustand/vanilla'
import type { SandboxRunner } from '../../sandbox/protocol.ts'
import type { CodeStorage } from '../codeStorage.ts'
import type { EngineRuntime } from '../runtime.ts'
import type { PlaygroundState, RemoteEngine } from '../types.ts'

/** What every slice's actions get: the store's set/get, the instance's engine runtime and services. */
export interface SliceContext {
  set: StoreApi<PlaygroundState>['setState']
  get: StoreApi<PlaygroundState>['getState']
  runtime: EngineRuntime
  /** The last code per scenario. */
  storage: CodeStorage
  /** The sandbox that runs code, created on first use. */
  sandbox: () => SandboxRunner | Promise<SandboxRunner>
  /** The engine this playground follows, if any: changes go there (see `RemoteEngine`). */
  remote: RemoteEngine | null
}

/** The inspector's session detail for the current selection and cursor. */
export function detailFor(ctx: SliceContext): PlaygroundState['sessionDetail'] {
  const { selection, steps, cursor } = ctx.get()
  if (selection?.kind !== 'session') return null
  return ctx.runtime.sessionDetail(steps, cursor, selection.id)
}
