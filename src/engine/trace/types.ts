import type { WorldChange } from '../world/createWorld.ts'
import type {
  BackendName,
  CloseReason,
  DispatchResult,
  Frame,
  SendOutcome,
  SessionStatus,
} from '../types.ts'

/**
 * Everything the interface needs to draw what the engine does, without reading its internals.
 * `at` is the simulation clock. Listeners get events
 * synchronously, in the order things happened.
 */
export type InspectionEvent =
  | DispatchInspection
  | DirectSendInspection
  | SubscriptionInspection
  | SessionInspection
  | WorldInspection
  | ClockInspection
  | ActionInspection

/** A fan-out through a backend finished (also after a filter threw: the partial result). */
export interface DispatchInspection {
  /** `'dispatch'`. */
  readonly type: 'dispatch'
  /** Sequential per simulation, from 1. */
  readonly id: number
  /** The simulation clock when it happened. */
  readonly at: number
  /** The backend it went through. */
  readonly backend: BackendName
  /** The canonical key. */
  readonly key: string
  /** The event type. */
  readonly eventType: string
  /** The engine's frozen copy of the payload (recipients may have seen per-recipient views of it). */
  readonly payload: unknown
  /** Who got it and who was skipped, and why. */
  readonly result: DispatchResult
  /** The action that caused it, if any (`sendMessage`, `identify`, …). */
  readonly cause: string | null
}

/** A frame sent straight to one session, not through a backend: READY, GUILD_CREATE at IDENTIFY,
 * replayed frames and RESUMED, INVALID_SESSION. */
export interface DirectSendInspection {
  /** `'send'`. */
  readonly type: 'send'
  /** The simulation clock when it happened. */
  readonly at: number
  /** The session it was sent to. */
  readonly sessionId: string
  /** The frame. */
  readonly frame: Frame
  /** `delivered` on a live socket, `buffered` while disconnected, `failed` when its socket threw. */
  readonly outcome: SendOutcome
  /** True for frames re-sent by RESUME. */
  readonly replay: boolean
}

/** A subscription list changed. For `friend`, the subscriber is a user id; otherwise a session id. */
export interface SubscriptionInspection {
  /** Whether the subscriber was added or removed. */
  readonly type: 'subscribe' | 'unsubscribe'
  /** The simulation clock when it happened. */
  readonly at: number
  /** The backend whose list changed. */
  readonly backend: BackendName
  /** The topic's key in that backend. */
  readonly key: string
  /** A session id (a user id for `friend`). */
  readonly subscriber: string
}

/** A session's lifecycle: identified, disconnected, resumed, closed, its socket failing or healed. */
export interface SessionInspection {
  /** `'session'`. */
  readonly type: 'session'
  /** The simulation clock when it happened. */
  readonly at: number
  /** What happened to the session. */
  readonly change:
    'identify' | 'disconnect' | 'resume' | 'close' | 'socket-failing' | 'socket-healed'
  /** The session. */
  readonly sessionId: string
  /** Its user. */
  readonly userId: string
  /** Its status after the change. */
  readonly status: SessionStatus
  /** Its `[shardId, shardCount]`. */
  readonly shard: readonly [number, number]
  /** Its intent bits. */
  readonly intents: number
  /** The session's seq at the change: the `s` of the last event it was sent or buffered. */
  readonly seq: number
  /** For `close`: why (`resume-window`, `invalidated`, `events-lost`); null for other changes. */
  readonly reason: CloseReason | null
  /**
   * For `close`: every frame the session was sent, as its `GatewayState.frames` read then (frozen and
   * shared). A closed session leaves the StateManager; this is how a viewer can still show its history.
   */
  readonly frames?: readonly Frame[]
}

/** The world changed (a user, guild, role, channel, member, friendship, presence or message). */
export interface WorldInspection {
  /** `'world'`. */
  readonly type: 'world'
  /** The simulation clock when it happened. */
  readonly at: number
  /** What changed in the world. */
  readonly change: WorldChange
}

/** The simulation clock moved. */
export interface ClockInspection {
  /** `'clock'`. */
  readonly type: 'clock'
  /** The simulation clock after the move. */
  readonly at: number
  /** How many ms it moved. */
  readonly advancedBy: number
}

/** An action (server flow) started or ended; the dispatches between belong to it. */
export interface ActionInspection {
  /** `'action'`. */
  readonly type: 'action'
  /** The simulation clock when it happened. */
  readonly at: number
  /** `start` before the flow's first dispatch, `end` after its last. */
  readonly phase: 'start' | 'end'
  /** The flow's name (`sendMessage`, `joinGuild`…). */
  readonly name: string
}

/** Receives inspection events; returned by `inspect` is the function that stops it. */
export type InspectionListener = (event: InspectionEvent) => void
