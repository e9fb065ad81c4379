import type { CallTarget, EngineCall, Json } from '../store/engineCall.ts'

/** Builders that read like the engine API and produce plain-data calls (scenarios stay JSON). */
function call(target: CallTarget, method: string, ...args: Json[]): EngineCall {
  return { target, method, args }
}

export const world = {
  createUser: (u: { id: string; username: string; bot?: boolean }) =>
    call('world', 'createUser', u),
  createGuild: (g: { id: string; name: string; ownerId: string }) =>
    call('world', 'createGuild', g),
  createRole: (
    guildId: string,
    r: { id: string; name: string; position?: number; hoist?: boolean; permissions?: string },
  ) => call('world', 'createRole', guildId, r),
  createChannel: (c: { [key: string]: Json }) => call('world', 'createChannel', c),
  addMember: (guildId: string, userId: string, m: { roles?: string[]; nick?: string } = {}) =>
    call('world', 'addMember', guildId, userId, m),
  updateMember: (guildId: string, userId: string, m: { roles?: string[]; nick?: string }) =>
    call('world', 'updateMember', guildId, userId, m),
  addFriendship: (a: string, b: string) => call('world', 'addFriendship', a, b),
}

type Presence = { status: 'online' | 'idle' | 'dnd' | 'offline' }

export const gateway = {
  identify: (p: {
    userId: string
    intents?: number
    shard?: [number, number]
    presence?: Presence
  }) => call('gateway', 'identify', p),
  disconnect: (session: Json) => call('gateway', 'disconnect', session),
  resume: (session: Json, seq: Json) => call('gateway', 'resume', session, seq),
  invalidate: (session: Json) => call('gateway', 'invalidate', session),
  failSocket: (session: Json, failing: boolean) => call('gateway', 'failSocket', session, failing),
  updatePresence: (session: Json, p: Presence) => call('gateway', 'updatePresence', session, p),
  requestMemberList: (
    session: Json,
    guildId: string,
    channels: Record<string, [number, number][]>,
  ) => call('gateway', 'requestMemberList', session, guildId, channels),
}

type Key = string | [string, string]

export const dispatcher = {
  dispatch: (backend: string, key: Key, type: string, payload: Json) =>
    call('dispatcher', 'dispatch', backend, key, type, payload),
  dispatchMany: (backend: string, keys: Key[], type: string, payload: Json) =>
    call('dispatcher', 'dispatchMany', backend, keys, type, payload),
  /** `only`: the sessions the filter lets through (`session(n)` references or ids). */
  dispatchFilter: (backend: string, key: Key, only: Json[], type: string, payload: Json) =>
    call('dispatcher', 'dispatchFilter', backend, key, { $only: only }, type, payload),
  dispatchManyFilterList: (
    backend: string,
    keys: Key[],
    reached: Json[],
    type: string,
    payload: Json,
  ) => call('dispatcher', 'dispatchManyFilterList', backend, keys, reached, type, payload),
}

export const actions = {
  sendMessage: (channelId: string, authorId: string, content: string) =>
    call('actions', 'sendMessage', channelId, authorId, content),
  setNick: (guildId: string, userId: string, nick: string | null) =>
    call('actions', 'setNick', guildId, userId, nick),
  setMemberRoles: (guildId: string, userId: string, roles: string[]) =>
    call('actions', 'setMemberRoles', guildId, userId, roles),
}

export const clock = {
  advance: (ms: number) => call('clock', 'advance', ms),
}

/** The n-th session identified in this run (IDENTIFY order, from 0). */
export const session = (n: number): Json => ({ $session: n })
/** The last `s` the n-th session's client received: what it would send in RESUME. */
export const lastSeq = (n: number): Json => ({ $lastSeq: n })

/** Marks calls as one timeline step named `group`. */
export function step(group: string, calls: readonly EngineCall[]): EngineCall[] {
  return calls.map((c) => ({ ...c, group }))
}

/** Gives a call a label for its button and timeline step. */
export function labelled(label: string, c: EngineCall): EngineCall {
  return { ...c, label }
}

/** Discord's permission bit VIEW_CHANNEL (1 << 10), as the decimal string overwrites take. */
export const VIEW_CHANNEL = String(1 << 10)

/**
 * Discord's intent bits (docs/design/gateway-facts.md §5); `calls.test.ts` checks them against the
 * engine.
 */
export const INTENT_BITS = {
  GUILDS: 1 << 0,
  GUILD_MEMBERS: 1 << 1,
  GUILD_PRESENCES: 1 << 8,
  GUILD_MESSAGES: 1 << 9,
  GUILD_MESSAGE_TYPING: 1 << 11,
  DIRECT_MESSAGES: 1 << 12,
  DIRECT_MESSAGE_TYPING: 1 << 14,
  MESSAGE_CONTENT: 1 << 15,
} as const

/** An intents bitfield from names (scenarios may not import the engine's values, only its types). */
export function intents(...names: (keyof typeof INTENT_BITS)[]): number {
  return names.reduce((bits, name) => bits | INTENT_BITS[name], 0)
}
