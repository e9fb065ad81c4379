import type { Frame, GatewayState, SessionStatus } from '../types.ts'

/** Thrown by a mock socket whose send was made to fail (fault injection). */
export class SocketError extends Error {
  override readonly name = 'SocketError'
}

/**
 * A mock socket: it records every frame it is sent, like a client's wire log. While `failing`, sends
 * throw, as a socket whose peer vanished would.
 */
export class MockSocket {
  readonly received: Frame[] = []
  failing = false

  send(frame: Frame): void {
    if (this.failing) throw new SocketError('socket send failed (fault injected)')
    this.received.push(frame)
  }
}

/** @internal A session as plain data (frames are frozen and shared, never copied). */
export interface SessionSnapshot {
  readonly sessionId: string
  readonly userId: string
  readonly shard: readonly [number, number]
  readonly intents: number
  readonly seq: number
  readonly status: SessionStatus
  readonly disconnectedAt: number
  readonly failing: boolean
  readonly received: readonly Frame[]
  readonly ring: readonly Frame[]
  readonly ringSize: number
}

/** A subscription list a session is in; the session keeps them for O(own subscriptions) removal. */
export interface SubscriptionSlot {
  /** Removes `session` from this list; called when the session closes. */
  evict(session: Session): void
}

/**
 * One identified gateway connection: litecord's `GatewayState` (gateway/state.py), with the bugs it has
 * there fixed (litecord-notes §4: READY is s = 1, replay is exact, sessions are really removed).
 * @internal The public view is the {@link GatewayState} interface.
 */
export class Session implements GatewayState {
  readonly sessionId: string
  readonly userId: string
  readonly shard: readonly [number, number]
  readonly intents: number
  readonly shardId: number
  readonly shardCount: number
  seq = 0
  status: SessionStatus = 'connected'
  /** Simulation time of the last disconnect (meaningful while disconnected). */
  disconnectedAt = 0
  readonly socket = new MockSocket()
  /** The reverse index: every list this session is in, with its position there (see topics.ts). */
  readonly slots: SubscriptionSlot[] = []

  /** The resume buffer: dispatch frame `s` lives at `ring[(s - 1) % ring.length]` while kept. */
  private readonly ring: Frame[]
  private readonly ringSize: number
  private framesView: readonly Frame[] = Object.freeze([])

  constructor(init: {
    sessionId: string
    userId: string
    shard: readonly [number, number]
    intents: number
    resumeBufferSize: number
  }) {
    this.sessionId = init.sessionId
    this.userId = init.userId
    this.shard = Object.freeze([init.shard[0], init.shard[1]] as const)
    this.shardId = init.shard[0]
    this.shardCount = init.shard[1]
    this.intents = init.intents
    this.ringSize = init.resumeBufferSize
    this.ring = []
  }

  /** Every frame its socket received, in order: a frozen snapshot taken when read. */
  get frames(): readonly Frame[] {
    const received = this.socket.received
    if (this.framesView.length !== received.length) {
      for (let i = this.framesView.length; i < received.length; i++) Object.freeze(received[i])
      this.framesView = Object.freeze(received.slice())
    }
    return this.framesView
  }

  /**
   * litecord `GatewayState.dispatch`: `seq += 1`, the frame `{ op: 0, t, s, d }` is kept in the resume
   * buffer, then sent if connected. A failing socket throws *after* seq and buffer are updated, so a
   * resume still replays the frame (spec/semantics.md §4). Returns true when sent, false when buffered.
   */
  dispatch(t: string, d: unknown): boolean {
    const s = ++this.seq
    const frame: Frame = { op: 0, t, s, d }
    this.ring[(s - 1) % this.ringSize] = frame
    if (this.status !== 'connected') return false
    this.socket.send(frame)
    return true
  }

  /** Sends a frame that is not a dispatch (op 9 INVALID_SESSION, …): no seq, not kept for resume. */
  sendControl(op: number, d: unknown): void {
    this.socket.send({ op, t: null, s: null, d })
  }

  /** A plain-data copy for snapshots; its frames are frozen and shared with this session. */
  toSnapshot(): SessionSnapshot {
    for (const frame of this.ring) Object.freeze(frame)
    return Object.freeze({
      sessionId: this.sessionId,
      userId: this.userId,
      shard: this.shard,
      intents: this.intents,
      seq: this.seq,
      status: this.status,
      disconnectedAt: this.disconnectedAt,
      failing: this.socket.failing,
      received: this.frames,
      ring: Object.freeze(this.ring.slice()),
      ringSize: this.ringSize,
    })
  }

  /** A live session rebuilt from {@link toSnapshot}'s data (no subscriptions: the caller restores them). */
  static fromSnapshot(snapshot: SessionSnapshot): Session {
    const session = new Session({ ...snapshot, resumeBufferSize: snapshot.ringSize })
    session.seq = snapshot.seq
    session.status = snapshot.status
    session.disconnectedAt = snapshot.disconnectedAt
    session.socket.failing = snapshot.failing
    // Loops, not spread: a session may hold more frames than a call's argument limit.
    for (const frame of snapshot.received) session.socket.received.push(frame)
    for (const frame of snapshot.ring) session.ring.push(frame)
    session.framesView = snapshot.received
    return session
  }

  /** The lowest `s` still in the resume buffer (`seq + 1` when it is empty). */
  oldestBuffered(): number {
    return Math.max(1, this.seq - this.ringSize + 1)
  }

  /** The buffered frames with `s > after`, in order; the caller checks they are all still kept. */
  framesAfter(after: number): Frame[] {
    const frames: Frame[] = []
    for (let s = after + 1; s <= this.seq; s++) frames.push(this.ring[(s - 1) % this.ringSize] as Frame)
    return frames
  }
}
