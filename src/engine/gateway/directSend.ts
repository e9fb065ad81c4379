import { freezeOwned } from '../payload.ts'
import type { Inspector } from '../trace/inspector.ts'
import type { Frame, SendOutcome } from '../types.ts'
import type { Session } from './session.ts'

/** Frames sent to one session outside a fan-out, reported on the inspection stream. */
export interface DirectSender {
  /**
   * Sends one dispatch frame straight to a session (READY, GUILD_CREATE at IDENTIFY, RESUMED): it gets
   * the session's next seq and stays in its resume buffer like any other.
   */
  sendDirect(session: Session, t: string, d: unknown): void
  /** Reports a frame sent outside a dispatch (replays, op 9). */
  reportFrame(session: Session, frame: Frame, outcome: SendOutcome, replay: boolean): void
}

export function createDirectSender(inspector: Inspector): DirectSender {
  const reportFrame: DirectSender['reportFrame'] = (session, frame, outcome, replay) => {
    if (inspector.active) {
      inspector.emit({ type: 'send', sessionId: session.sessionId, frame, outcome, replay })
    }
  }
  return {
    reportFrame,
    sendDirect(session, t, d) {
      const payload = freezeOwned(d)
      let outcome: SendOutcome
      try {
        outcome = session.dispatch(t, payload) ? 'delivered' : 'buffered'
      } catch {
        outcome = 'failed'
      }
      if (inspector.active) {
        reportFrame(
          session,
          Object.freeze({ op: 0, t, s: session.seq, d: payload }),
          outcome,
          false,
        )
      }
    },
  }
}
