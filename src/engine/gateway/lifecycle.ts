import type { EngineContext } from '../context.ts'
import type { CloseReason } from '../types.ts'
import { reportSession } from './reportSession.ts'
import type { Session } from './session.ts'

/**
 * Disconnects and closes sessions. A disconnected session waits in `expiring` (a Map in disconnect
 * order, which is also deadline order since the window is fixed and time only moves forward) until its
 * resume window passes; `expire` pops from the front, so the clock's check costs O(sessions closed).
 */
export interface Lifecycle {
  disconnect(session: Session): void
  /** The session resumed: it no longer expires. */
  reconnect(session: Session): void
  close(session: Session, reason: CloseReason): void
  /** Closes every disconnected session whose window has passed at `now`. */
  expire(now: number): void
  /** Disconnected sessions with their deadlines, in deadline order (snapshots). */
  expiring(): [string, number][]
  restoreExpiring(session: Session, deadline: number): void
}

/** What closing a session touches. */
export type LifecycleDeps = Pick<
  EngineContext,
  'settings' | 'clock' | 'states' | 'lists' | 'presence' | 'inspector' | 'world'
>

export function createLifecycle(ctx: LifecycleDeps): Lifecycle {
  const expiring = new Map<Session, number>()

  const report = (
    session: Session,
    change: 'disconnect' | 'resume' | 'close',
    reason: CloseReason | null,
  ) => reportSession(ctx.inspector, session, change, reason)

  const lifecycle: Lifecycle = {
    /**
     * The socket drops; the session stays resumable until disconnect time + window ≤ now. With
     * `resumeWindowMs: 0` that is at once: the session closes before this returns
     * (docs/design/semantics.md §10).
     */
    disconnect(session) {
      session.status = 'disconnected'
      session.disconnectedAt = ctx.clock.now()
      const deadline = session.disconnectedAt + ctx.settings.resumeWindowMs
      expiring.set(session, deadline)
      report(session, 'disconnect', null)
      if (deadline <= ctx.clock.now()) lifecycle.close(session, 'resume-window')
    },
    reconnect(session) {
      expiring.delete(session)
      session.status = 'connected'
      report(session, 'resume', null)
    },
    /**
     * Removes the session from the StateManager and from every list it is in, through its reverse index
     * (O(its own subscriptions)); then, if it was the user's last session and the user was not offline,
     * the one presence change that takes the user offline (docs/design/semantics.md §3, §7).
     */
    close(session, reason) {
      expiring.delete(session)
      session.status = 'closed'
      ctx.states.remove(session)
      session.slots.evictAll()
      ctx.lists.dropSession(session)
      report(session, 'close', reason)
      session.release()
      // A user already offline (whatever its activities) has no change to announce
      // (docs/design/semantics.md §3).
      if (
        ctx.states.sessionCount(session.userId) === 0 &&
        ctx.world.presence(session.userId).status !== 'offline'
      ) {
        ctx.presence.set(session.userId, { status: 'offline', activities: [] })
      }
    },
    expiring: () => Array.from(expiring, ([session, deadline]) => [session.sessionId, deadline]),
    restoreExpiring(session, deadline) {
      expiring.set(session, deadline)
    },
    expire(now) {
      for (const [session, deadline] of expiring) {
        if (deadline > now) break
        lifecycle.close(session, 'resume-window')
      }
    },
  }
  return lifecycle
}
