import type { InspectionEvent } from '../../engine/index.ts'
import type { Step } from '../connectEngine.ts'
import { lastSeqIn } from '../../calls/index.ts'
import type { SessionEntry } from '../graphModel.ts'
import type { SessionDetail } from './sessionDetail.ts'

/** What later steps did to one session: seqs it was given and frames its socket received. */
interface Effect {
  seqs: number
  frames: number
  /** It was identified in these steps: it did not exist before them. */
  identified: boolean
}

function effectOf(event: InspectionEvent, sessionId: string, effect: Effect): 'closed' | undefined {
  switch (event.type) {
    case 'session':
      if (event.sessionId !== sessionId) return
      if (event.change === 'identify') effect.identified = true
      // Nothing reaches a session after it closes; its later detail is the one its close carried.
      if (event.change === 'close') return 'closed'
      return
    case 'dispatch': {
      const { delivered, buffered, skipped } = event.result
      // Delivered: a frame sent and a seq. Buffered or a failed send: the seq counts, nothing sent.
      if (delivered.includes(sessionId)) {
        effect.seqs += 1
        effect.frames += 1
      } else if (
        buffered.includes(sessionId) ||
        skipped.some((s) => s.sessionId === sessionId && s.reason === 'send-failed')
      ) {
        effect.seqs += 1
      }
      return
    }
    case 'send':
      if (event.sessionId !== sessionId) return
      // A replay re-sends a frame with its original s; control frames (op 9) carry none.
      if (event.frame.s !== null && !event.replay) effect.seqs += 1
      if (event.outcome === 'delivered') effect.frames += 1
      return
    default:
      return
  }
}

/**
 * A session's detail at an earlier step, from its detail after `later` (the steps in between) without
 * rebuilding the simulation: a socket's log only grows, so the earlier frames are a prefix of the later
 * ones, and the recorded events of the steps in between say how many frames and seqs they added. This is
 * what makes stepping back free at any scale. `entry` is the session in the directory of the earlier
 * step (undefined: not identified yet). Returns null when a step in between is generated (its events
 * were not all kept): the caller rebuilds instead.
 */
export function rewindDetail(
  detail: SessionDetail,
  later: readonly Step[],
  entry: SessionEntry | undefined,
): SessionDetail | null {
  const { sessionId } = detail
  const effect: Effect = { seqs: 0, frames: 0, identified: false }
  walk: for (const step of later) {
    if (step.generated) return null
    for (const event of step.events) {
      if (effectOf(event, sessionId, effect) === 'closed') break walk
    }
  }
  if (effect.identified || !entry) {
    return { sessionId, exists: false, status: 'closed', seq: 0, lastSeen: 0, frames: [] }
  }
  const frames = detail.frames.slice(0, detail.frames.length - effect.frames)
  const open = entry.status !== 'closed'
  return {
    sessionId,
    exists: open,
    status: open ? entry.status : 'closed',
    seq: detail.seq - effect.seqs,
    lastSeen: lastSeqIn(frames),
    frames,
  }
}
