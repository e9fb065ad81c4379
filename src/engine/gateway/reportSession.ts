import type { Inspector } from '../trace/inspector.ts'
import type { SessionInspection } from '../trace/types.ts'
import type { CloseReason } from '../types.ts'
import type { Session } from './session.ts'

/** Reports a session's lifecycle change on the inspection stream (nothing is built without listeners). */
export function reportSession(
  inspector: Inspector,
  session: Session,
  change: SessionInspection['change'],
  reason: CloseReason | null = null,
): void {
  if (!inspector.active) return
  inspector.emit({
    type: 'session',
    change,
    sessionId: session.sessionId,
    userId: session.userId,
    status: session.status,
    shard: session.shard,
    intents: session.intents,
    seq: session.seq,
    reason,
    ...(change === 'close' ? { frames: session.frames } : {}),
  })
}
