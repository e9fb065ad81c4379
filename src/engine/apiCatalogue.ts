import type { Actions } from './actions/index.ts'
import type { Clock } from './clock.ts'
import type { EventDispatcher } from './dispatcher.ts'
import type { Gateway } from './gateway/gateway.ts'
import type { StateManager } from './gateway/stateManager.ts'
import type { World } from './world/types.ts'

/**
 * Every public method of a simulation's parts, once: whether it reads the engine or may change it,
 * and which of its arguments reach the engine as they are. Everything else that lists methods is
 * derived from this table: the frozen parts callers get (`publicApi.ts`), the calls the playground
 * records and replays (`src/calls/`), what the code editor's sandbox lets code read and records
 * (`src/sandbox/recorder.ts`). Adding a method to a part's interface without an entry here, or an
 * entry for a method the interface lacks, fails to compile.
 */

/**
 * The parts of a `Simulation` whose methods the catalogue lists, by their property name (a
 * `Simulation` is these plus `inspect`, `snapshot` and `memberLists`).
 */
export interface SimulationParts {
  /** What the server stores: users, guilds, roles, channels, members, friendships. */
  readonly world: World
  /** The gateway sessions (the StateManager), read only. */
  readonly states: StateManager
  /** The EventDispatcher: `dispatch(backend, key, type, payload)` and its helpers. */
  readonly dispatcher: EventDispatcher
  /** A client's side: IDENTIFY, RESUME, op 3, op 14, faults. */
  readonly gateway: Gateway
  /** The server's flows, which change the world and dispatch as a server would. */
  readonly actions: Actions
  /** The simulation clock; `advance(ms)` closes sessions whose resume window passed. */
  readonly clock: Clock
}

/** One of a simulation's parts: `world`, `states`, `dispatcher`, `gateway`, `actions` or `clock`. */
export type PartName = keyof SimulationParts

/**
 * `read`: answers from the engine and leaves it exactly as it was. `change`: may change the engine;
 * the playground records it as a timeline step (when it did change something) and replays it.
 */
export type MethodKind = 'read' | 'change'

/** What the catalogue says of one method: whether it reads or may change the engine. */
export interface MethodEntry {
  /**
   * `read` (leaves the engine as it was) or `change` (may change it: the playground records it).
   */
  readonly kind: MethodKind
  /**
   * Argument positions (from 0) passed to the engine as they are instead of read into the engine's own
   * plain copy first: payloads (the dispatcher copies them itself, with the same care), filter
   * functions, and the session list `dispatchManyFilterList` extends in place.
   */
  readonly asIs?: readonly number[]
}

type PartCatalogue<T> = { readonly [M in keyof T]-?: MethodEntry }

/** The catalogue's shape: for each part, an entry for each of its methods, none missing. */
export type ApiCatalogue = { readonly [P in PartName]: PartCatalogue<SimulationParts[P]> }

const read = { kind: 'read' } as const
const change = { kind: 'change' } as const
const changeAsIs = (...asIs: number[]) => ({ kind: 'change', asIs }) as const

/** The table. Its order is each part's order in the API reference and the editor's completions. */
export const API_CATALOGUE = deepFreeze({
  world: {
    createUser: change,
    createGuild: change,
    createRole: change,
    createChannel: change,
    addMember: change,
    updateMember: change,
    addFriendship: change,
    canView: read,
    users: read,
    guilds: read,
    channels: read,
    user: read,
    guild: read,
    channel: read,
    member: read,
    members: read,
    roles: read,
  },
  states: {
    fetchRaw: read,
    userStates: read,
    fetchStates: read,
    all: read,
    count: read,
    framesSince: read,
  },
  dispatcher: {
    dispatch: changeAsIs(3),
    dispatchMany: changeAsIs(3),
    dispatchFilter: changeAsIs(2, 4),
    dispatchManyFilterList: changeAsIs(2, 4),
    sub: change,
    unsub: change,
    subMany: change,
    subscribers: read,
    topics: read,
    explain: read,
  },
  gateway: {
    identify: change,
    disconnect: change,
    invalidate: change,
    resume: change,
    requestMemberList: change,
    updatePresence: change,
    failSocket: change,
  },
  actions: {
    sendMessage: change,
    editMessage: change,
    deleteMessage: change,
    startTyping: change,
    joinGuild: change,
    leaveGuild: change,
    createChannel: change,
    updateChannel: change,
    deleteChannel: change,
    createRole: change,
    updateRole: change,
    deleteRole: change,
    setMemberRoles: change,
    setNick: change,
    addFriend: change,
    removeFriend: change,
    openDm: change,
    createGroupDm: change,
    updateUser: change,
  },
  clock: {
    now: read,
    advance: change,
  },
} as const satisfies ApiCatalogue)

/** The part names, in the catalogue's order. */
export const PART_NAMES = Object.freeze(Object.keys(API_CATALOGUE) as PartName[])

/** The methods of `part` of the given kind, in the catalogue's order. */
export function methodsOf<P extends PartName>(
  part: P,
  kind?: MethodKind,
): (keyof SimulationParts[P] & string)[] {
  const entries = Object.entries(API_CATALOGUE[part]) as [
    keyof SimulationParts[P] & string,
    MethodEntry,
  ][]
  return entries
    .filter(([, entry]) => kind === undefined || entry.kind === kind)
    .map(([name]) => name)
}

/** The methods of part `P` that may change the engine, as a type. */
export type ChangeMethod<P extends PartName> = {
  [M in keyof (typeof API_CATALOGUE)[P]]: (typeof API_CATALOGUE)[P][M] extends { kind: 'change' }
    ? M
    : never
}[keyof (typeof API_CATALOGUE)[P]] &
  keyof SimulationParts[P] &
  string

/** The methods of part `P` that only read, as a type. */
export type ReadMethod<P extends PartName> = Exclude<
  keyof SimulationParts[P] & string,
  ChangeMethod<P>
>

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) {
    if (typeof inner === 'object' && inner !== null) deepFreeze(inner as object)
  }
  return Object.freeze(value)
}
