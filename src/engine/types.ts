/**
 * The engine's public data types. Ids are snowflakes: accepted as a decimal string,
 * a bigint or a safe-integer number, always returned as a canonical decimal string.
 */

/** A snowflake as a caller may give it. The engine always hands back the decimal string form. */
export type Snowflake = string | bigint | number

/** The six backends of litecord's EventDispatcher. */
export type BackendName = 'guild' | 'member' | 'channel' | 'user' | 'friend' | 'lazy_guild'

/** A topic key: a snowflake, or for `member` the pair `[guildId, userId]`. */
export type Key = Snowflake | readonly [Snowflake, Snowflake]

/**
 * A permission overwrite as `createChannel` and `updateChannel` take it: `type` 0 is a role, 1 a
 * member; `allow` and `deny` are bitfields (the world stores it as a `PermissionOverwrite`).
 *
 * @example
 * sim.actions.updateChannel('101', {
 *   overwrites: [
 *     { id: '20971520', type: 0, deny: Permissions.VIEW_CHANNEL }, // everyone (the role's id is the guild's)
 *     { id: '3001', type: 0, allow: Permissions.VIEW_CHANNEL }, // the staff role
 *   ],
 * })
 */
export interface Overwrite {
  /** The role (type 0) or member (type 1) it is for. */
  id: Snowflake
  /** 0 for a role (the guild's id is `@everyone`), 1 for a member. */
  type: 0 | 1
  /** Bits it allows (a decimal string, bigint or number). */
  allow?: Snowflake
  /** Bits it denies. */
  deny?: Snowflake
}

/**
 * The same type as {@link Overwrite}, its name in the engine's API. A public name once exported stays
 * (names are added, never renamed); the engine itself writes `Overwrite`.
 */
export type OverwriteInput = Overwrite

/** A gateway frame exactly as on Discord's wire: only op 0 (dispatch) carries `t` and `s`. */
export interface Frame {
  /** The opcode: 0 for a dispatch, 9 for INVALID_SESSION. */
  readonly op: number
  /** A dispatch's event type; null for other opcodes. */
  readonly t: string | null
  /** A dispatch's sequence number in this session; null for other opcodes. */
  readonly s: number | null
  /** The data: a dispatch's payload; `false` in op 9. */
  readonly d: unknown
}

/**
 * Why a session the backend considered did not get the event. `range` is the member lists' own: the
 * session holds ranges in the list, and the change touches none of them: every range ends before the
 * first index the change affects ([lazy_guild](/docs/backends/lazy-guild)).
 */
export type SkipReason = 'shard' | 'intents' | 'permission' | 'filter' | 'send-failed' | 'range'

/**
 * What became of one frame sent to one session: `delivered` on a live socket, `buffered` while the
 * session is disconnected (kept for RESUME), `failed` when its socket threw (kept for RESUME too).
 */
export type SendOutcome = 'delivered' | 'buffered' | 'failed'

/** A skipped session and the first check it failed. */
export interface Skip {
  /** The session the backend considered. */
  readonly sessionId: string
  /**
   * The first check it failed ([why a session was skipped](/docs/dispatcher#why-a-session-was-
   * skipped)).
   */
  readonly reason: SkipReason
}

/** What one dispatch did: every session the backend considered lands in exactly one of the three lists. */
export interface DispatchResult {
  /** The backend the call went through. */
  readonly backend: BackendName
  /** Canonical key: `'123'`, or `'123:456'` for `member`. */
  readonly key: string
  /** The event type. */
  readonly type: string
  /** Session ids whose live socket received the frame, in delivery order. */
  readonly delivered: readonly string[]
  /** Session ids that are disconnected but resumable: the frame waits in their resume buffer. */
  readonly buffered: readonly string[]
  /** Session ids the backend considered and did not deliver to, each with its reason. */
  readonly skipped: readonly Skip[]
}

/** A session's connection status. `closed` sessions are gone from the StateManager and every list. */
export type SessionStatus = 'connected' | 'disconnected' | 'closed'

/**
 * Why a session closed: its resume window passed, `gateway.invalidate`, or a RESUME that found events
 * already dropped from its buffer.
 */
export type CloseReason = 'resume-window' | 'invalidated' | 'events-lost'

/** A user's presence status, as op 3 and IDENTIFY carry it. */
export type PresenceStatus = 'online' | 'idle' | 'dnd' | 'offline'

/** One identified gateway connection of a user: a live view, reading it later shows its current state. */
export interface GatewayState {
  /** 32 hex characters from the simulation's seeded generator. */
  readonly sessionId: string
  /** Whose session it is. */
  readonly userId: string
  /** `[shardId, shardCount]`: the slice of the user's guilds it serves. */
  readonly shard: readonly [number, number]
  /** The intent bits it asked for at IDENTIFY. */
  readonly intents: number
  /** The last sequence number given to this session (READY is 1). */
  readonly seq: number
  /** `connected`, `disconnected` (resumable) or `closed`. */
  readonly status: SessionStatus
  /** Every frame its socket received, in order (replays included, buffered-only frames not). */
  readonly frames: readonly Frame[]
  /** True while fault injection makes every send to its socket fail (`gateway.failSocket`). */
  readonly socketFailing: boolean
}

/**
 * The answer to RESUME (op 6). `resumed: false` is what Discord tells a client with INVALID_SESSION
 * (op 9, `d: false`); the engine sends that frame only when the session lost frames (`events-lost`).
 */
export type ResumeResult =
  | { readonly resumed: true; readonly state: GatewayState; readonly replayed: readonly Frame[] }
  | {
      readonly resumed: false
      readonly reason: 'unknown-session' | 'closed' | 'events-lost' | 'still-connected'
    }
