import type { Frame, SessionStatus } from '../../engine/index.ts'
import { lastSeenSeq, lastSeqIn, type CallEngine } from '../../calls/index.ts'
import type { Step } from '../connectEngine.ts'

/** What the inspector shows of a session: read from the simulation at the cursor. */
export interface SessionDetail {
  readonly sessionId: string
  readonly exists: boolean
  readonly status: SessionStatus | 'closed'
  readonly seq: number
  /** The last `s` its client received (what RESUME would send). */
  readonly lastSeen: number
  readonly frames: readonly Frame[]
}

/** A session the engine at step `count` holds, read from it; closed ones from the recorded events. */
export function liveSessionDetail(
  engine: CallEngine,
  steps: readonly Step[],
  count: number,
  sessionId: string,
): SessionDetail {
  const state = engine.sim.states.fetchRaw(sessionId)
  if (!state) return closedSessionDetail(steps, count, sessionId)
  return {
    sessionId,
    exists: true,
    status: state.status,
    seq: state.seq,
    lastSeen: lastSeenSeq(engine.sim, sessionId),
    frames: state.frames.slice(),
  }
}

/** What the server answered a closed session's client since (op 9 to a late RESUME), in order. */
function answersAfterClose(
  steps: readonly Step[],
  closedAt: number,
  count: number,
  sessionId: string,
): Frame[] {
  const frames: Frame[] = []
  for (let i = closedAt; i < Math.min(count, steps.length); i++) {
    for (const r of steps[i]?.refusals ?? []) {
      if (r.sessionId === sessionId && r.frame) frames.push(r.frame)
    }
  }
  return frames
}

/**
 * A session that is closed (or not yet identified) at `count`: the engine no longer holds it, but its close
 * event on the inspection stream carried its frames, so the inspector can still show what it was sent.
 */
export function closedSessionDetail(
  steps: readonly Step[],
  count: number,
  sessionId: string,
): SessionDetail {
  for (let i = Math.min(count, steps.length) - 1; i >= 0; i--) {
    for (const e of steps[i]?.events ?? []) {
      if (e.type !== 'session' || e.change !== 'close' || e.sessionId !== sessionId) continue
      const frames = e.frames ?? []
      return {
        sessionId,
        exists: false,
        status: 'closed',
        seq: e.seq,
        lastSeen: lastSeqIn(frames),
        frames: [...frames, ...answersAfterClose(steps, i, count, sessionId)],
      }
    }
  }
  return { sessionId, exists: false, status: 'closed', seq: 0, lastSeen: 0, frames: [] }
}
