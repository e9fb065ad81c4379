import type { EngineContext } from '../context.ts'
import type { SessionInspection } from '../trace/types.ts'
import type { Session } from './session.ts'

/** Reports a session's lifecycle change on the inspection stream (nothing is built without listeners). */
export function reportSession(
  ctx: Pick<EngineContext, 'inspector' | 'clock'>,
  session: Session,
  change: SessionInspection['change'],
  reason: string | null = null,
): void {
  if (!ctx.inspector.active) return
  ctx.inspector.emit({
    type: 'session',
    at: ctx.clock.now(),
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
