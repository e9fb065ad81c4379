import type { StoreApi } from 'zustand/vanilla'
import type { CodeStorage } from '../codeStorage.ts'
import type { EngineRuntime } from '../runtime/EngineRuntime.ts'
import type { PendingJob } from '../runtime/pendingJob.ts'
import type { SandboxHandle } from '../runtime/sandboxHandle.ts'
import type { Timer } from '../runtime/timer.ts'
import type { Scenario } from '../../scenarios/types.ts'
import type { PlaygroundState, RemoteEngine } from '../types.ts'

/**
 * What every slice's actions get: the store's set/get and the instance's mutable parts, which live
 * beside the state because React never needs to watch them.
 */
export interface SliceContext {
  set: StoreApi<PlaygroundState>['setState']
  get: StoreApi<PlaygroundState>['getState']
  /** The engine at a step, its checkpoints and graph models. */
  runtime: EngineRuntime
  /** The one timer: a dispatch's animation or Play's next step. */
  timer: Timer
  /** The load or rebuild running in slices, if any. */
  job: PendingJob
  /** The last code per scenario. */
  storage: CodeStorage
  /** The sandbox that runs code, created on first use. */
  sandbox: SandboxHandle
  /** The scenarios links and run files may name, by id. */
  scenarios: (id: string) => Scenario | undefined
  /** The engine this playground follows, if any: changes go there (see `RemoteEngine`). */
  remote: RemoteEngine | null
  /**
   * A timeline of more calls than this is not kept warm in a standby worker as the cursor moves
   * (`STANDBY_MAX_CALLS`): only when the reader heads for Run.
   */
  standbyMaxCalls: number
}

/** The inspector's session detail for the current selection and cursor. */
export function detailFor(ctx: SliceContext): PlaygroundState['sessionDetail'] {
  const { selection, steps, cursor } = ctx.get()
  if (selection?.kind !== 'session') return null
  return ctx.runtime.sessionDetail(steps, cursor, selection.id)
}
