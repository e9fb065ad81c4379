import type { Backends } from './backends/index.ts'
import type { ManualClock } from './clock.ts'
import type { EventDispatcherInternal } from './dispatcher.ts'
import type { DirectSender } from './gateway/directSend.ts'
import type { StateManagerInternal } from './gateway/stateManager.ts'
import type { MemberListService } from './memberLists/service.ts'
import type { Random } from './random.ts'
import type { CallGuard } from './runToCompletion.ts'
import type { Inspector } from './trace/inspector.ts'
import type { WorldInternal } from './world/createWorld.ts'

/** The simulation's options that are data (snapshots keep them), with defaults applied. */
export interface SimulationSettings {
  readonly seed: number
  readonly startTime: number
  readonly resumeWindowMs: number
  readonly resumeBufferSize: number
}

/** Presence (docs/design/semantics.md §7). */
export interface PresenceService {
  /** Sets the user's presence and fans the change out; nothing when it is unchanged. */
  set(userId: string, presence: { status: string; activities: readonly unknown[] }): void
}

/**
 * The engine's parts once wired, for the modules built last (the gateway, its lifecycle, the actions,
 * snapshots). `createSimulation` builds each part from the parts it needs, in order, and then this.
 */
export interface EngineContext extends DirectSender {
  readonly settings: SimulationSettings
  readonly world: WorldInternal
  readonly states: StateManagerInternal
  readonly backends: Backends
  readonly dispatcher: EventDispatcherInternal
  readonly inspector: Inspector
  readonly clock: ManualClock
  readonly random: Random
  readonly lists: MemberListService
  readonly presence: PresenceService
  /** The public call in progress: the engine runs each to completion (docs/design/semantics.md §10). */
  readonly calls: CallGuard
}
