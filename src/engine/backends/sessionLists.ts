import { EngineError } from '../errors.ts'
import type { Session } from '../gateway/session.ts'
import type { StateManagerInternal } from '../gateway/stateManager.ts'
import type { BackendName } from '../types.ts'
import { TopicTable } from './topics.ts'
import type { BackendContext } from './types.ts'

/** An open session by id, or a clear refusal: unknown ids and closed sessions cannot subscribe. */
export function requireSession(states: StateManagerInternal, sessionId: unknown): Session {
  const session = typeof sessionId === 'string' ? states.session(sessionId) : undefined
  if (session) return session
  if (typeof sessionId === 'string' && states.wasClosed(sessionId)) {
    throw new EngineError('SESSION_CLOSED', `session ${sessionId} is closed; IDENTIFY a new session`)
  }
  throw new EngineError(
    'UNKNOWN_SESSION',
    `no session ${JSON.stringify(sessionId)}; use a sessionId returned by gateway.identify`,
  )
}

/**
 * The keyed session lists of `guild` and `channel` (the seed's `DispatchWithState`), with the inspection
 * events every change emits. Internal callers (IDENTIFY, actions) use `add`/`remove` with sessions.
 */
export class SessionLists {
  readonly table: TopicTable
  private readonly name: BackendName
  private readonly ctx: BackendContext

  constructor(name: BackendName, ctx: BackendContext) {
    this.name = name
    this.ctx = ctx
    this.table = new TopicTable((topic, session) => this.emit('unsubscribe', topic.key, session))
  }

  add(key: string, session: Session): void {
    if (this.table.add(key, session)) this.emit('subscribe', key, session)
  }

  remove(key: string, session: Session): void {
    if (this.table.remove(key, session)) this.emit('unsubscribe', key, session)
  }

  has(key: string, session: Session): boolean {
    return this.table.get(key)?.has(session) ?? false
  }

  sessions(key: string): readonly Session[] {
    return this.table.sessions(key)
  }

  subscriberIds(key: string): string[] {
    return this.table.sessions(key).map((s) => s.sessionId)
  }

  private emit(type: 'subscribe' | 'unsubscribe', key: string, session: Session): void {
    const { inspector } = this.ctx
    if (!inspector.active) return
    inspector.emit({ type, at: this.ctx.now(), backend: this.name, key, subscriber: session.sessionId })
  }
}
