import * as engine from '../engine/index.ts'

/** The module name the editor gives the generated engine declarations. */
export const ENGINE_MODULE = 'fanout-engine'

/**
 * The simulation's names in user code's scope: each with the type the editor declares and the hover
 * text. Values come from the run's recording (`recorder.ts`), which must give every one of them (its
 * type is keyed by this table).
 */
export const SIMULATION_SCOPE = {
  sim: {
    type: 'Simulation',
    doc: 'The simulation at the timeline’s cursor. Every call that changes it becomes a timeline step.',
  },
  dispatcher: {
    type: 'EventDispatcher',
    doc: '`sim.dispatcher`: litecord’s EventDispatcher, routing dispatch(backend, key, type, payload).',
  },
  world: {
    type: 'World',
    doc: '`sim.world`: users, guilds, roles, channels, members and friendships.',
  },
  gateway: {
    type: 'Gateway',
    doc: '`sim.gateway`: IDENTIFY, RESUME, op 14 and the rest of a client’s side.',
  },
  actions: {
    type: 'Actions',
    doc: '`sim.actions`: server flows (send a message, join a guild…) that dispatch as a server would.',
  },
  states: { type: 'StateManager', doc: '`sim.states`: the gateway sessions (read only).' },
  clock: {
    type: 'Clock',
    doc: '`sim.clock`: the simulation clock; `clock.advance(ms)` moves it (and closes expired sessions).',
  },
  inspect: {
    type: "Simulation['inspect']",
    doc: '`sim.inspect`: listen to the engine’s inspection stream while the code runs; a listener may read the engine, not change it (`REENTRANT_CALL`).',
  },
} as const satisfies Record<string, { type: string; doc: string }>

export type SimulationScopeName = keyof typeof SIMULATION_SCOPE

/** What a recording gives code for each simulation name. */
export type SimulationScope = Readonly<Record<SimulationScopeName, unknown>>

/**
 * Engine exports that are not in scope, and why. Everything else the engine exports is: the editor and
 * the docs promise "everything the engine exports" (`Intents`, `intentFor`, `shardFor`, `applyOps`,
 * `createSimulation` for a scratch simulation of one's own, …).
 */
export const NOT_IN_SCOPE: Readonly<Record<string, string>> = {
  requestMemberListInSteps:
    'a host’s job for building huge member lists in slices; code calls gateway.requestMemberList',
}

/** The engine's runtime exports that code sees, by name. */
export const ENGINE_SCOPE: Readonly<Record<string, unknown>> = Object.freeze(
  Object.fromEntries(Object.entries(engine).filter(([name]) => !(name in NOT_IN_SCOPE))),
)

/** Names code may not use because the sandbox removed them (they throw a ReferenceError that says so). */
export const REMOVED_GLOBALS = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
  'importScripts',
  'indexedDB',
  'Worker',
  'SharedWorker',
  'WebTransport',
  'caches',
  'postMessage',
  'close',
] as const

/** Every name in scope, in the order the executor passes them: the simulation's, the engine's, console. */
export function scopeNames(): string[] {
  return [...Object.keys(SIMULATION_SCOPE), ...Object.keys(ENGINE_SCOPE), 'console']
}

/** The values for {@link scopeNames}, in the same order. */
export function scopeValues(simulation: SimulationScope, console: unknown): unknown[] {
  return [
    ...Object.keys(SIMULATION_SCOPE).map((name) => simulation[name as SimulationScopeName]),
    ...Object.values(ENGINE_SCOPE),
    console,
  ]
}
