/**
 * The engine's public API (docs/design/engine-api.md): the only module the store, the sandbox and
 * the docs import. Pure TypeScript: no DOM, timers or ambient randomness.
 */
export {
  createSimulation,
  restoreSimulation,
  requestMemberListInSteps,
  type Simulation,
  type SimulationOptions,
} from './simulation.ts'
export type { SimulationSnapshot } from './snapshot.ts'
export {
  API_CATALOGUE,
  PART_NAMES,
  methodsOf,
  type ApiCatalogue,
  type ChangeMethod,
  type MethodEntry,
  type MethodKind,
  type PartName,
  type ReadMethod,
  type SimulationParts,
} from './apiCatalogue.ts'
export type { MemberListInfo } from './memberLists/service.ts'
export { EngineError, GatewayCloseError } from './errors.ts'
// The intents table, permission flags, channel types, snowflakes and the shard formula: also an entry of
// their own, for pages that want them without the simulation.
export * from './tables.ts'
export type { EventDispatcher } from './dispatcher.ts'
export type { Actions, ActionResults } from './actions/index.ts'
export type { Gateway } from './gateway/gateway.ts'
export type { IdentifyInput } from './gateway/identifyInput.ts'
export type { StateManager } from './gateway/stateManager.ts'
export type { Clock } from './clock.ts'
export type * from './types.ts'
export type * from './world/types.ts'
export type * from './trace/types.ts'
export { BACKEND_NAMES } from './backends/index.ts'
export {
  applyOps,
  type ClientCopy,
  type GroupItem,
  type ListItem,
  type ListOp,
  type MemberItem,
} from './lazyGuild/index.ts'
