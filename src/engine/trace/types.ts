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
  readonly type: 'dispatch'
  /** Sequential per simulation, from 1. */
  readonly id: number
  readonly at: number
  readonly backend: BackendName
  readonly key: string
  readonly eventType: string
  /** The engine's frozen copy of the payload (recipients may have seen per-recipient views of it). */
  readonly payload: unknown
  readonly result: DispatchResult
  /** The action that caused it, if any (`sendMessage`, `identify`, …). */
  readonly cause: string | null
}

/** A frame sent straight to one session, not through a backend: READY, GUILD_CREATE at IDENTIFY,
 * replayed frames and RESUMED, INVALID_SESSION. */
export interface DirectSendInspection {
  readonly type: 'send'
  readonly at: number
  readonly sessionId: string
  readonly frame: Frame
  /** `delivered` on a live socket, `buffered` while disconnected, `failed` when its socket threw. */
  readonly outcome: SendOutcome
  /** True for frames re-sent by RESUME. */
  readonly replay: boolean
}

/** A subscription list changed. For `friend`, the subscriber is a user id; otherwise a session id. */
export interface SubscriptionInspection {
  readonly type: 'subscribe' | 'unsubscribe'
  readonly at: number
  readonly backend: BackendName
  readonly key: string
  readonly subscriber: string
}

/** A session's lifecycle: identified, disconnected, resumed, closed, its socket failing or healed. */
export interface SessionInspection {
  readonly type: 'session'
  readonly at: number
  readonly change:
    'identify' | 'disconnect' | 'resume' | 'close' | 'socket-failing' | 'socket-healed'
  readonly sessionId: string
  readonly userId: string
  readonly status: SessionStatus
  readonly shard: readonly [number, number]
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
  readonly type: 'world'
  readonly at: number
  readonly change: WorldChange
}

/** The simulation clock moved. */
export interface ClockInspection {
  readonly type: 'clock'
  readonly at: number
  readonly advancedBy: number
}

/** An action (server flow) started or ended; the dispatches between belong to it. */
export interface ActionInspection {
  readonly type: 'action'
  readonly at: number
  readonly phase: 'start' | 'end'
  readonly name: string
}

/** Receives inspection events; returned by `inspect` is the function that stops it. */
export type InspectionListener = (event: InspectionEvent) => void
