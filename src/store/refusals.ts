import {
  EngineError,
  GatewayCloseError,
  type Frame,
  type InspectionEvent,
  type ResumeResult,
} from '../engine/index.ts'
import { isChange, type EngineCall, type CallEngine, type Json } from '../calls/index.ts'

/** How the server (or the playground) said no. */
export type RefusalAnswer =
  /** RESUME answered with op 9 INVALID_SESSION, `d: false` (the engine's `ResumeResult` reason). */
  | {
      readonly kind: 'invalid-session'
      readonly reason: Exclude<ResumeResult, { resumed: true }>['reason']
    }
  /** The gateway closed the socket with a Discord close code (4004, 4007, 4010, 4013…). */
  | { readonly kind: 'close'; readonly code: number; readonly message: string }
  /** The engine refused bad input (`EngineError` code), or the playground refused the call. */
  | { readonly kind: 'error'; readonly code: string; readonly message: string }
  /**
   * Accepted, and nothing came of it: op 3 with the presence the user already has, op 14 for channels
   * the user cannot read (their ids in `channels`). Not refusals on the wire, but as silent.
   */
  | { readonly kind: 'ignored'; readonly reason: 'same-presence' }
  | {
      readonly kind: 'ignored'
      readonly reason: 'cannot-view'
      readonly channels: readonly string[]
    }

/**
 * A call the engine refused, or answered with a refusal: shown where a dispatch would be (a row of the
 * event log, the Delivery panel, the narration), never as a silent step.
 */
export interface RefusalRecord {
  /** `<step>.refused.<n>` on the timeline, `refused` off it: unique, and never a dispatch's id. */
  readonly id: string
  /** The step it is, or for a call that threw, the step it would have been. */
  readonly step: number
  readonly call: EngineCall
  /** What was asked, in the gateway's words where it has some: "RESUME", "op 3", "IDENTIFY". */
  readonly what: string
  /** The session the call named, if any. */
  readonly sessionId: string | null
  readonly answer: RefusalAnswer
  /** The frame the client got in answer (op 9 INVALID_SESSION), if any. */
  readonly frame: Frame | null
  /** True when the call threw: it changed nothing and is not on the timeline. */
  readonly offTimeline: boolean
}

/** What `op 9` looks like on the wire: INVALID_SESSION, not resumable. */
export const INVALID_SESSION_FRAME: Frame = Object.freeze({ op: 9, t: null, s: null, d: false })

/** What a call asks, short, in the gateway's words where it has some. */
export function whatOf(call: EngineCall): string {
  switch (`${call.target}.${call.method}`) {
    case 'gateway.identify':
      return 'IDENTIFY'
    case 'gateway.resume':
      return 'RESUME'
    case 'gateway.updatePresence':
      return 'op 3 presence'
    case 'gateway.requestMemberList':
      return 'op 14 member list'
    case 'gateway.failSocket':
      return call.args[1] === true ? 'fail socket' : 'heal socket'
    case 'clock.advance':
      return 'advance clock'
    default:
      return call.method
  }
}

/** The session a gateway call names (resolving `{ $session: n }`), if any. */
function sessionOf(call: EngineCall, engine: CallEngine): string | null {
  if (call.target !== 'gateway' || call.method === 'identify') return null
  const a: Json | undefined = call.args[0]
  if (typeof a === 'string') return a
  if (a !== null && typeof a === 'object' && !Array.isArray(a) && typeof a.$session === 'number')
    return engine.sessions[a.$session] ?? null
  return null
}

function record(
  call: EngineCall,
  engine: CallEngine,
  at: { step: number; n: number } | { step: number; offTimeline: true },
  answer: RefusalAnswer,
): RefusalRecord {
  const offTimeline = 'offTimeline' in at
  return {
    id: 'offTimeline' in at ? 'refused' : `${at.step}.refused.${at.n}`,
    step: at.step,
    call,
    what: whatOf(call),
    sessionId: sessionOf(call, engine),
    answer,
    frame: answer.kind === 'invalid-session' ? INVALID_SESSION_FRAME : null,
    offTimeline,
  }
}

/**
 * The refusal in a call's result, if it holds one, so that no step is silent: RESUME answered no without
 * throwing (`{ resumed: false, reason }`, op 9 on the wire), or a client op that the engine accepted and
 * that `events` (what the call emitted) show came to nothing. Such a call is a step of the timeline.
 */
export function refusalOfResult(
  call: EngineCall,
  result: unknown,
  engine: CallEngine,
  at: { step: number; n: number },
  events: readonly InspectionEvent[],
): RefusalRecord | null {
  if (call.target !== 'gateway') return null
  if (call.method === 'resume') {
    const r = result as ResumeResult | undefined
    if (!r || r.resumed) return null
    return record(call, engine, at, { kind: 'invalid-session', reason: r.reason })
  }
  if (events.some(isChange)) return null
  if (call.method === 'updatePresence') {
    return record(call, engine, at, { kind: 'ignored', reason: 'same-presence' })
  }
  if (call.method === 'requestMemberList') {
    const sessionId = sessionOf(call, engine)
    const userId = sessionId ? engine.sim.states.fetchRaw(sessionId)?.userId : undefined
    const asked = call.args[2]
    const channels =
      asked !== null && typeof asked === 'object' && !Array.isArray(asked) ? Object.keys(asked) : []
    const unreadable = userId ? channels.filter((c) => !engine.sim.world.canView(userId, c)) : []
    return record(call, engine, at, {
      kind: 'ignored',
      reason: 'cannot-view',
      channels: unreadable,
    })
  }
  return null
}

/** A call that threw: the gateway's close code, the engine's error code, or the playground's refusal. */
export function refusalOfError(
  call: EngineCall,
  error: unknown,
  engine: CallEngine,
  step: number,
): RefusalRecord {
  const answer: RefusalAnswer =
    error instanceof GatewayCloseError
      ? {
          kind: 'close',
          code: error.code,
          message: error.message.replace(/^\d+: /, ''),
        }
      : {
          kind: 'error',
          code: error instanceof EngineError ? error.code : 'REFUSED',
          message: error instanceof Error ? error.message : String(error),
        }
  return record(call, engine, { step, offTimeline: true }, answer)
}
