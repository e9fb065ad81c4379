import type { Frame, GatewayState, SessionStatus } from '../types.ts'

/**
 * The `GatewayState` handed out for a session: a live, read-only view (docs/design/semantics.md
 * §10). Its fields are getters over the engine's session, so reading it later shows the current
 * seq, status and frames, and assigning one throws (the view is frozen and has no setters): nothing
 * a caller does to it can change the engine. `JSON.stringify` gives its fields as plain JSON
 * (`toJSON`). A session makes one view, on first request, and hands out that same object every
 * time, so `states.all()` on 100,000 sessions allocates nothing per session after the first call.
 */
export class GatewayStateView implements GatewayState {
  // A true private field: neither JSON.stringify nor a caller can reach the session through it.
  readonly #session: GatewayState

  /** `session` is the engine's own (gateway/session.ts), which has every field of a GatewayState. */
  constructor(session: GatewayState) {
    this.#session = session
    Object.freeze(this)
  }

  get sessionId(): string {
    return this.#session.sessionId
  }
  get userId(): string {
    return this.#session.userId
  }
  get shard(): readonly [number, number] {
    return this.#session.shard
  }
  get intents(): number {
    return this.#session.intents
  }
  get seq(): number {
    return this.#session.seq
  }
  get status(): SessionStatus {
    return this.#session.status
  }
  get frames(): readonly Frame[] {
    return this.#session.frames
  }
  get socketFailing(): boolean {
    return this.#session.socketFailing
  }

  /** The view as plain data (the same fields, read now), for `JSON.stringify`. */
  toJSON(): GatewayState {
    return {
      sessionId: this.sessionId,
      userId: this.userId,
      shard: this.shard,
      intents: this.intents,
      seq: this.seq,
      status: this.status,
      socketFailing: this.socketFailing,
      frames: this.frames,
    }
  }
}
