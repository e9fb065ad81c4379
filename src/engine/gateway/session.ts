import type { Frame, SessionStatus, Skip, SkipReason } from '../types.ts'
import type { Member } from '../world/types.ts'
import type { RecordTable } from './recordTable.ts'
import { ReverseIndex } from './reverseIndex.ts'
import { GatewayStateView } from './stateView.ts'

/** Thrown by a mock socket whose send was made to fail (fault injection). */
export class SocketError extends Error {
  override readonly name = 'SocketError'
}

/**
 * The part of a dispatch frame that every recipient of the same view shares: the frame minus its `s`.
 * A fan-out makes one per event and hands it to every recipient, so delivering allocates nothing per
 * recipient; a session turns it into a frame only when someone reads it.
 * @internal
 */
export interface FrameRecord {
  readonly t: string
  readonly d: unknown
}

/** A session's frame ids are kept in chunks of `CHUNK` small integers (see `Session.chunks`). */
const CHUNK_BITS = 5
const CHUNK = 1 << CHUNK_BITS
/**
 * A session's first chunk starts this small and grows to `CHUNK` when it fills: most sessions of a
 * large world hold READY and a GUILD_CREATE, and 100,000 chunks of 32 slots were 25 MB.
 */
const FIRST_CHUNK = 4
const NO_CHUNK: number[] = []
/** The frames of a session nobody has read yet (shared: frozen). */
const NO_FRAMES: readonly Frame[] = Object.freeze([])

/** Dispatch frames `from..to` of the session, sent one after the other (materialised when read). */
class SentRun {
  readonly from: number
  readonly to: number
  /**
   * -1 while the session is open (its frames are read through its record ids); once it closed, where
   * the run's `t` and `d` start in `Session.kept` (the records themselves were let go).
   */
  kept = -1
  constructor(from: number, to: number) {
    this.from = from
    this.to = to
  }
}

/**
 * A mock socket: it records every frame it is sent, like a client's wire log. While `failing`, sends
 * throw, as a socket whose peer vanished would.
 */
export class MockSocket {
  /**
   * The wire log not yet read, in order: frames sent whole (op 9, replays) and runs of dispatch frames.
   * The session's latest dispatches are not even here: see `Session.runFrom`.
   */
  readonly log: (Frame | SentRun)[] = []
  // A true private field: JSON.stringify and inspectors do not follow it back to the session.
  readonly #owner: Session

  constructor(owner: Session) {
    this.#owner = owner
  }

  get failing(): boolean {
    return this.#owner.socketFailing
  }

  set failing(failing: boolean) {
    this.#owner.socketFailing = failing
  }

  send(frame: Frame): void {
    if (this.#owner.socketFailing) throw new SocketError('socket send failed (fault injected)')
    this.#owner.closeRun()
    this.log.push(frame)
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

/**
 * A set of sessions kept on the sessions themselves: `add` points the session's `mark` at this object,
 * `has` compares. A member-list update tells up to every holder of a list (100,000 in one presence
 * change), and a Set of their ids cost a hash insert each, then a lookup per session of the guild's
 * PRESENCE_UPDATE. A session holds only the latest mark, so a mark is valid until the next one is
 * made: use it within the call that made it.
 * @internal
 */
export class SessionMark {
  add(session: Session): void {
    session.mark = this
  }

  has(session: Session): boolean {
    return session.mark === this
  }
}

/**
 * One identified gateway connection: litecord's `GatewayState` (gateway/state.py), with the bugs it
 * has there fixed (docs/design/litecord-notes.md §4: READY is s = 1, replay is exact, sessions are
 * really removed).
 * @internal Callers get its read-only {@link view}, never the session itself.
 */
export class Session {
  // What a fan-out reads and writes of every recipient comes first, together: V8 lays fields out in
  // this order, so a delivery to 100,000 sessions touches the first two cache lines of each (spread
  // over the object, they cost a third more per recipient).
  readonly sessionId: string
  readonly intents: number
  readonly shardCount: number
  readonly shardId: number
  status: SessionStatus = 'connected'
  /** @internal Fault injection, read through `socket.failing`; kept here for the fan-out's hot path. */
  socketFailing = false
  seq = 0
  private used = 0
  private chunk: number[] = NO_CHUNK
  private table: RecordTable | null = null
  readonly userId: string
  readonly shard: readonly [number, number]
  /** Simulation time of the last disconnect (meaningful while disconnected). */
  disconnectedAt = 0
  readonly socket: MockSocket = new MockSocket(this)
  /** The reverse index: every list this session is in, with its position there (see topics.ts). */
  readonly slots = new ReverseIndex()
  /** The last skip entry made for this session, reused while the reason repeats (see skipEntry). */
  private lastSkip: Skip | null = null
  /** The last {@link SessionMark} that marked this session (see there). */
  mark: SessionMark | null = null
  /**
   * The session's user's member record of the guild last asked about, for a CHANNEL_UPDATE's viewer
   * filter (a `MemberHolder`, world/internal.ts): asking every session of a 100,000-member guild
   * looked each user up among the members; now a session reads its record back while the guild's
   * members have not changed.
   */
  memberGuild: object | null = null
  memberVersion = 0
  memberRecord: Member | undefined = undefined
  /** {@link alone}, made on first use. */
  private aloneList: readonly string[] | null = null

  /**
   * Every dispatch this session was given, in `s` order from `s = idBase + 1` (a restored session starts
   * at its snapshot's oldest kept frame): the index of its record in `table`, or `~i` for `own[i]`
   * (direct sends such as READY, and restored frames). Kept in fixed-size chunks, so a delivery is one
   * store into a preallocated slot: an array grown by `push` cost the 100,000-session fan-out about
   * 45 ns per recipient in reallocations. The resume window (`ringSize` frames) is enforced by
   * {@link oldestBuffered}, not by dropping ids.
   */
  private readonly chunks: number[][] = []
  private idBase = 0
  private readonly own: FrameRecord[] = []
  private readonly ringSize: number
  /**
   * Dispatch frames `runFrom..seq` were all sent, after everything in `socket.log`: the open run. A
   * delivery to a connected session only extends it (`seq += 1`); anything else closes it into the log.
   */
  private runFrom = 1
  /** The frames read so far (frozen), and the frozen view handed out. */
  private readonly materialised: Frame[] = []
  private framesView: readonly Frame[] = NO_FRAMES
  /** True when `materialised` grew since `framesView` was made: the next `frames` read copies it. */
  private viewStale = false
  /**
   * Once closed, the `t` and `d` of each frame sent but not read yet, side by side (see `release`);
   * null while open. One array of pairs, not a record object per frame: closing allocates no frame.
   */
  private kept: unknown[] | null = null

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
    // Made now, not on first read: `states.all()` over 100,000 sessions would otherwise build every
    // view in one call (a long task in a browser), where IDENTIFY spreads the cost one per session.
    this.view = new GatewayStateView(this)
  }

  /** The read-only GatewayState handed out for this session (one per session). */
  readonly view: GatewayStateView

  /** Every frame its socket received, in order: a frozen snapshot taken when read. */
  get frames(): readonly Frame[] {
    this.materialise()
    if (this.viewStale) {
      this.framesView = Object.freeze(this.materialised.slice())
      this.viewStale = false
    }
    return this.framesView
  }

  /**
   * `frames.slice(from)`, frozen, without copying the frames before `from`: O(frames after `from`),
   * where reading `frames` after a delivery copies them all.
   */
  framesFrom(from: number): readonly Frame[] {
    this.materialise()
    return Object.freeze(this.materialised.slice(from))
  }

  /** Turns the socket log into frozen frames, once each, appended to `materialised`. */
  private materialise(): void {
    this.closeRun()
    const log = this.socket.log
    if (log.length === 0) return
    const frames = this.materialised
    const kept = this.kept
    for (const entry of log) {
      if (!(entry instanceof SentRun)) frames.push(Object.freeze(entry))
      else if (entry.kept < 0) {
        for (let s = entry.from; s <= entry.to; s++) frames.push(this.frameAt(s))
      } else {
        // A run read after its session closed: the same frame, built from the pair `release` kept.
        for (let s = entry.from, k = entry.kept; s <= entry.to; s++, k += 2) {
          const t = (kept as unknown[])[k] as string
          frames.push(Object.freeze({ op: 0, t, s, d: (kept as unknown[])[k + 1] }))
        }
      }
    }
    log.length = 0
    this.viewStale = true
  }

  /**
   * litecord `GatewayState.dispatch`: `seq += 1`, the frame `{ op: 0, t, s, d }` is kept in the
   * resume buffer, then sent if connected. A failing socket throws *after* seq and buffer are
   * updated, so a resume still replays the frame (docs/design/semantics.md §4). Returns true when
   * sent, false when buffered.
   */
  dispatch(t: string, d: unknown): boolean {
    return this.deliverId(~(this.own.push({ t, d }) - 1))
  }

  /**
   * {@link dispatch} of a record shared by every recipient of the event (the fan-out's path): `index` is
   * the record's place in the simulation's `table`. A sent frame only extends the open run.
   */
  deliver(table: RecordTable, index: number): boolean {
    this.table ??= table
    return this.deliverId(index)
  }

  private deliverId(id: number): boolean {
    const s = ++this.seq
    if (this.used === this.chunk.length) this.newChunk()
    this.chunk[this.used++] = id
    if (this.status === 'connected' && !this.socketFailing) return true
    // Not sent: the open run ends before `s`, and the next one can start after it.
    this.closeRun(s - 1)
    this.runFrom = s + 1
    if (this.status !== 'connected') return false
    throw new SocketError('socket send failed (fault injected)')
  }

  /**
   * The current chunk is full: the first one grows to full size; the others are followed by a new one.
   * Chunks are made by `new Array(n).fill(0)`, not copied from a packed array of zeros: measured side
   * by side (load 1.5), copies made a 100,000-session fan-out's median dispatch 5.8-9.4 ms against
   * 4.3-4.5 ms. The likely reason: `new Array` has an allocation site, so V8 can learn that these
   * long-lived arrays outlive the young generation and allocate them old at once; a copy has none, so
   * every 32nd dispatch made 100,000 young chunks for the scavenger to copy.
   */
  private newChunk(): void {
    const length = this.chunk.length
    if (length !== 0 && length < CHUNK) {
      const grown = new Array<number>(CHUNK).fill(0)
      for (let i = 0; i < length; i++) grown[i] = this.chunk[i] as number
      this.chunks[this.chunks.length - 1] = grown
      this.chunk = grown
      return
    }
    this.chunk = new Array<number>(this.chunks.length === 0 ? FIRST_CHUNK : CHUNK).fill(0)
    this.chunks.push(this.chunk)
    this.used = 0
  }

  /** @internal Writes the open run (frames `runFrom..to`) into the socket log, before another frame. */
  closeRun(to: number = this.seq): void {
    if (to >= this.runFrom) this.socket.log.push(new SentRun(this.runFrom, to))
    this.runFrom = to + 1
  }

  /**
   * `[sessionId]`, frozen: the `delivered` or `buffered` list of a DispatchResult that reached this
   * session alone. Results share it (it is immutable), so a dispatch to one session allocates no list.
   */
  get alone(): readonly string[] {
    return (this.aloneList ??= Object.freeze([this.sessionId]))
  }

  /**
   * A frozen `{ sessionId, reason }` for a DispatchResult's `skipped` list. Results may share it (it is
   * immutable), so a filtered fan-out that skips 50,000 sessions allocates nothing for them.
   */
  skipEntry(reason: SkipReason): Skip {
    const last = this.lastSkip
    if (last !== null && last.reason === reason) return last
    return (this.lastSkip = Object.freeze({ sessionId: this.sessionId, reason }))
  }

  /** The dispatch frame `s`, frozen; `s` must be one this session still holds. */
  private frameAt(s: number): Frame {
    const i = s - 1 - this.idBase
    const id = (this.chunks[i >> CHUNK_BITS] as number[])[i & (CHUNK - 1)] as number
    if (id >= 0) {
      const table = this.table as RecordTable
      return Object.freeze({ op: 0, t: table.typeOf(id), s, d: table.dataOf(id) })
    }
    const record = this.own[~id] as FrameRecord
    return Object.freeze({ op: 0, t: record.t, s, d: record.d })
  }

  /** Sends a frame that is not a dispatch (op 9 INVALID_SESSION, …): no seq, not kept for resume. */
  sendControl(op: number, d: unknown): void {
    this.socket.send({ op, t: null, s: null, d })
  }

  /** A plain-data copy for snapshots; its frames are frozen and shared with this session. */
  toSnapshot(): SessionSnapshot {
    const received = this.frames
    return Object.freeze({
      sessionId: this.sessionId,
      userId: this.userId,
      shard: this.shard,
      intents: this.intents,
      seq: this.seq,
      status: this.status,
      disconnectedAt: this.disconnectedAt,
      failing: this.socket.failing,
      received,
      ring: Object.freeze(this.ringOf(received)),
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
    for (const frame of snapshot.received) session.materialised.push(frame)
    session.framesView = snapshot.received
    session.runFrom = snapshot.seq + 1
    // The kept frames are the last `ring.length` dispatches, whatever order they are listed in.
    session.idBase = snapshot.seq - snapshot.ring.length
    const ring = [...snapshot.ring].sort((a, b) => (a.s as number) - (b.s as number))
    for (const frame of ring) {
      if (session.used === session.chunk.length) session.newChunk()
      session.chunk[session.used++] = ~(session.own.push({ t: frame.t as string, d: frame.d }) - 1)
    }
    return session
  }

  /**
   * The session closed: it lets go of every record it held, and of its resume buffer, which nobody can
   * resume from now. A view handed out still shows every frame the socket was sent, so the `t` and `d`
   * of those not read yet are kept first (two references each); their frames are built only if
   * someone reads them. Building them all here made closing a session cost about 0.5 µs per frame it
   * held (issue 23's close cliff), for frames nobody may ever read. Both steps are one tight loop over
   * the frame ids each (`keepUnread`, `RecordTable.releaseAll`): a call per frame id, a `kept` array
   * grown by push and a free list grown one id at a time made it about 0.1 µs per frame.
   */
  release(): void {
    this.closeRun()
    this.keepUnread()
    const table = this.table
    if (table !== null) {
      table.releaseAll(this.chunks, this.seq - this.idBase)
      this.table = null
    }
    this.chunks.length = 0
    this.chunk = NO_CHUNK
    this.own.length = 0
    this.idBase = this.seq
    this.used = 0
  }

  /** Copies the `t` and `d` of every run still in the socket log into `kept`, before the ids go. */
  private keepUnread(): void {
    const log = this.socket.log
    let unread = 0
    for (const entry of log) if (entry instanceof SentRun) unread += entry.to - entry.from + 1
    if (unread === 0) return
    // Sized once: its length is known, and pushing 200,000 references grew it a dozen times.
    const kept: unknown[] = new Array<unknown>(2 * unread)
    let k = 0
    for (const entry of log) {
      if (entry instanceof SentRun) {
        entry.kept = k
        k = this.keepRun(kept, k, entry.from, entry.to)
      }
    }
    this.kept = kept
  }

  /** Writes the `t` and `d` of frames `from..to` into `kept` from `k` on; returns where they end. */
  private keepRun(kept: unknown[], k: number, from: number, to: number): number {
    const table = this.table
    const chunks = this.chunks
    const own = this.own
    for (let i = from - 1 - this.idBase, end = to - 1 - this.idBase; i <= end; i++) {
      const id = (chunks[i >> CHUNK_BITS] as number[])[i & (CHUNK - 1)] as number
      if (id >= 0) {
        kept[k++] = (table as RecordTable).typeOf(id)
        kept[k++] = (table as RecordTable).dataOf(id)
      } else {
        const record = own[~id] as FrameRecord
        kept[k++] = record.t
        kept[k++] = record.d
      }
    }
    return k
  }

  /** The lowest `s` still in the resume buffer (`seq + 1` when it is empty). */
  oldestBuffered(): number {
    return Math.max(1, this.seq - this.ringSize + 1)
  }

  /**
   * The resume buffer's frames (`s` from {@link oldestBuffered} to `seq`), taken from the end of
   * `received` when its last dispatches are exactly those: the same frozen frames, not new ones. A
   * checkpoint of the large guild snapshots 1,000 sessions with up to 250 buffered frames each, and
   * building them anew left a quarter of a million objects per checkpoint for the page's garbage
   * collector (pauses of up to 260 ms in one task). Anything else there (a replay's copies, a gap)
   * builds them as {@link framesAfter} does.
   */
  private ringOf(received: readonly Frame[]): Frame[] {
    const oldest = this.oldestBuffered()
    const ring = new Array<Frame>(Math.max(0, this.seq - oldest + 1))
    let want = this.seq
    for (let i = received.length - 1; i >= 0 && want >= oldest; i--) {
      const frame = received[i] as Frame
      if (frame.op !== 0 || frame.s === null) continue
      if (frame.s !== want) return this.framesAfter(oldest - 1)
      ring[want - oldest] = frame
      want -= 1
    }
    return want < oldest ? ring : this.framesAfter(oldest - 1)
  }

  /** The buffered frames with `s > after`, in order; the caller checks they are all still kept. */
  framesAfter(after: number): Frame[] {
    const frames: Frame[] = []
    for (let s = after + 1; s <= this.seq; s++) frames.push(this.frameAt(s))
    return frames
  }
}
