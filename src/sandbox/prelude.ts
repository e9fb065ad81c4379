/** The module name the editor gives the generated engine declarations. */
export const ENGINE_MODULE = 'fanout-engine'

/**
 * What user code has in scope, in terms of the generated engine types (this file only names them;
 * the types themselves come from the engine's source). Kept beside `SCOPE_NAMES`, which a test
 * checks it against.
 */
export const PRELUDE = `/** The simulation at the timeline's cursor. Every call that changes it becomes a timeline step. */
declare const sim: import('${ENGINE_MODULE}').Simulation
/** \`sim.dispatcher\`: litecord's EventDispatcher, routing dispatch(backend, key, type, payload). */
declare const dispatcher: import('${ENGINE_MODULE}').EventDispatcher
/** \`sim.world\`: users, guilds, roles, channels, members and friendships. */
declare const world: import('${ENGINE_MODULE}').World
/** \`sim.gateway\`: IDENTIFY, RESUME, op 14 and the rest of a client's side. */
declare const gateway: import('${ENGINE_MODULE}').Gateway
/** \`sim.actions\`: server flows (send a message, join a guild…) that dispatch as a server would. */
declare const actions: import('${ENGINE_MODULE}').Actions
/** \`sim.states\`: the gateway sessions (read only). */
declare const states: import('${ENGINE_MODULE}').StateManager
/** \`sim.inspect\`: listen to the engine's inspection stream while the code runs. */
declare const inspect: import('${ENGINE_MODULE}').Simulation['inspect']
declare const Intents: typeof import('${ENGINE_MODULE}').Intents
declare const Permissions: typeof import('${ENGINE_MODULE}').Permissions
declare const ChannelType: typeof import('${ENGINE_MODULE}').ChannelType
declare const EngineError: typeof import('${ENGINE_MODULE}').EngineError
declare const GatewayCloseError: typeof import('${ENGINE_MODULE}').GatewayCloseError
/** Prints to the playground's Console. */
declare const console: {
  log(...data: unknown[]): void
  info(...data: unknown[]): void
  warn(...data: unknown[]): void
  error(...data: unknown[]): void
  debug(...data: unknown[]): void
}
`
