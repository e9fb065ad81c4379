import {
  EngineError,
  GatewayCloseError,
  Intents,
  PRIVILEGED_INTENTS,
  shardFor,
  type GatewayState,
} from '../engine/index.ts'
import { applyCall, type EngineCall, type CallEngine, type Json } from '../calls/index.ts'
import {
  readHeartbeat,
  readIdentify,
  readMemberList,
  readPresence,
  readResume,
} from './commands.ts'
import { WireConnection, type WireSocket } from './connection.ts'
import { AllMembersLimit, requestMembersCalls } from './memberChunks.ts'
import {
  checkGatewayQuery,
  closeReason,
  CloseCode,
  controlFrame,
  decodeClientFrame,
  DEFAULT_HEARTBEAT_INTERVAL_MS,
  encodeFrame,
  isRefusal,
  Op,
  type Refusal,
  type WireFrame,
} from './protocol.ts'
import { tokenUser, type TokenSeed } from './tokens.ts'
import { wireFrame, type WireContext } from './wireFrame.ts'

/**
 * A connection is a zombie when no heartbeat arrived within this many heartbeat intervals of the last
 * one (or of HELLO): a client beats every interval, its first beat within one; half an interval more
 * leaves room for a slow network. Discord does not publish its own margin.
 */
export const ZOMBIE_AFTER_INTERVALS = 1.5

/** How long a client has to leave after op 7 before the server closes the socket itself. */
export const RECONNECT_GRACE_MS = 5_000

/** One recorded engine call and its place in the host's log. */
export interface RecordedCall {
  readonly index: number
  readonly call: EngineCall
}

/** One step of recorded calls (a call and the time that passed before it), as listeners hear it. */
export interface RecordedStep {
  /** The log index of its first call. */
  readonly index: number
  readonly calls: readonly EngineCall[]
}

/** Options of {@link GatewayHost}. */
export interface GatewayHostOptions {
  /** The engine and its identified sessions (a scenario already applied, or a fresh world). */
  readonly engine: CallEngine
  /** The seed and start time tokens are minted from (the simulation's own). */
  readonly tokens: TokenSeed
  /** What READY announces as `resume_gateway_url`. */
  readonly wire: WireContext
  /** Default {@link DEFAULT_HEARTBEAT_INTERVAL_MS}. */
  readonly heartbeatIntervalMs?: number | undefined
  /** The host's time now (ms): the engine clock follows it from here on. */
  readonly now: number
  /** How long a client has after op 7 before its socket is closed; default {@link RECONNECT_GRACE_MS}. */
  readonly reconnectGraceMs?: number | undefined
  /**
   * Users whose application has not enabled the privileged intents (GUILD_MEMBERS, GUILD_PRESENCES,
   * MESSAGE_CONTENT): asking for one closes 4014. Default none: every user may, as an approved
   * application may (docs/design/semantics.md §10, "The wire protocol").
   */
  readonly withoutPrivilegedIntents?: readonly string[] | undefined
}

/**
 * The gateway's wire protocol over an engine: one instance per world. It speaks Discord's frames to
 * any number of {@link WireSocket}s and changes the engine only through {@link EngineCall}s, each
 * recorded in order (`calls`, `steps`, `onStep`), so a page that replays them on its own engine reaches the same
 * state. It owns no timer: the host calls {@link tick} with the time now to run heartbeat deadlines,
 * and passes the time into every method; the engine clock is advanced to it (a `clock.advance` call
 * grouped with the call it precedes) only when a call is made, since nothing in the engine happens in
 * between.
 */
export class GatewayHost {
  readonly engine: CallEngine
  readonly heartbeatIntervalMs: number
  private readonly tokens: TokenSeed
  /** What the wire adds to frames (READY's resume URL): the live view shows frames with it too. */
  readonly wire: WireContext
  private readonly log: RecordedCall[] = []
  private readonly listeners = new Set<(step: RecordedStep) => void>()
  private readonly connections = new Map<number, WireConnection>()
  /** The connection bound to each session: RESUME and the live view's faults find it in O(1). */
  private readonly bound = new Map<string, WireConnection>()
  private readonly reconnectGraceMs: number
  private readonly unprivileged: ReadonlySet<string>
  private readonly allMembers = new AllMembersLimit()
  private nextId = 1
  private nextGroup = 1
  /** Host time the engine clock was last brought up to. */
  private clockAt: number

  constructor(options: GatewayHostOptions) {
    this.engine = options.engine
    this.tokens = options.tokens
    this.wire = options.wire
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS
    if (!Number.isInteger(this.heartbeatIntervalMs) || this.heartbeatIntervalMs < 1) {
      throw new RangeError(`heartbeat interval must be a whole number of ms >= 1`)
    }
    this.clockAt = options.now
    this.reconnectGraceMs = options.reconnectGraceMs ?? RECONNECT_GRACE_MS
    this.unprivileged = new Set(options.withoutPrivilegedIntents ?? [])
  }

  /** Whether `userId`'s application may ask for privileged intents (READY's flags say so too). */
  mayUsePrivilegedIntents(userId: string): boolean {
    return !this.unprivileged.has(userId)
  }

  /** Every call this host made to its engine, in order. */
  calls(): readonly RecordedCall[] {
    return this.log
  }

  /** The recorded calls as steps: consecutive calls of one group (each `apply` has its own). */
  steps(): EngineCall[][] {
    const steps: EngineCall[][] = []
    let group: string | undefined
    for (const { call } of this.log) {
      const last = steps.at(-1)
      if (last && call.group !== undefined && call.group === group) last.push(call)
      else steps.push([call])
      group = call.group
    }
    return steps
  }

  /** Hears each step as it is recorded; returns the function that stops it. */
  onStep(listener: (step: RecordedStep) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Open connections (tests, the live view's list of who is connected). */
  openConnections(): readonly WireConnection[] {
    return [...this.connections.values()]
  }

  /** The connection bound to a session, if any. */
  connectionOf(sessionId: string): WireConnection | undefined {
    return this.bound.get(sessionId)
  }

  /** The connection is gone: out of both indexes, its phase `closed`. */
  private forget(conn: WireConnection): void {
    conn.phase = 'closed'
    this.connections.delete(conn.id)
    this.unbind(conn)
  }

  /** The connection no longer speaks for its session (closed, or the session ended). */
  private unbind(conn: WireConnection): void {
    const sessionId = conn.sessionId
    if (sessionId !== null && this.bound.get(sessionId) === conn) this.bound.delete(sessionId)
  }

  /**
   * A socket opened on `?v=…&encoding=…`: HELLO, or the close code a bad query earns. Returns the
   * connection (undefined when refused).
   */
  open(
    socket: WireSocket,
    query: { v?: string | null; encoding?: string | null },
    now: number,
  ): WireConnection | undefined {
    const refusal = checkGatewayQuery(query)
    if (refusal) {
      socket.close(refusal.code, closeReason(refusal.reason))
      return undefined
    }
    const conn = new WireConnection(this.nextId++, socket, now)
    this.connections.set(conn.id, conn)
    this.send(conn, controlFrame(Op.HELLO, { heartbeat_interval: this.heartbeatIntervalMs }))
    return conn
  }

  /** One text frame from the client. Never throws: every bad input is a close code. */
  receive(conn: WireConnection, text: string, now: number): void {
    if (conn.phase === 'closed') return
    if (!conn.countCommand(now)) {
      return this.refuse(
        conn,
        { code: CloseCode.RATE_LIMITED, reason: 'over 120 commands in 60 s' },
        now,
      )
    }
    const frame = decodeClientFrame(text)
    if (isRefusal(frame)) return this.refuse(conn, frame, now)
    try {
      this.handle(conn, frame.op, frame.d, now)
    } catch (error) {
      // A bug of ours must not take the server down: the client learns of it as Discord's 4000.
      const reason = error instanceof Error ? error.message : String(error)
      this.refuse(conn, { code: CloseCode.UNKNOWN_ERROR, reason }, now)
    }
  }

  /** A binary frame: this server speaks JSON text only (4002). */
  receiveBinary(conn: WireConnection, now: number): void {
    if (conn.phase === 'closed') return
    this.refuse(conn, { code: CloseCode.DECODE_ERROR, reason: 'binary frames are not served' }, now)
  }

  /**
   * The client's socket closed (or the network dropped it). 1000 and 1001 end the session (Discord
   * invalidates it); any other code, or none, leaves it resumable
   * (docs/design/gateway-facts.md §3.5).
   */
  closed(conn: WireConnection, code: number | null, now: number): void {
    if (conn.phase === 'closed') return
    const state = conn.state
    this.forget(conn)
    if (state && state.status === 'connected') {
      const method = code === 1000 || code === 1001 ? 'invalidate' : 'disconnect'
      const label = `${this.nameOf(state)}: client closed${code === null ? '' : ` ${code}`}`
      this.apply({ target: 'gateway', method, args: [state.sessionId] }, now, label)
    }
  }

  /** Runs deadlines: zombie connections close 4009; clients that ignored op 7 are closed. */
  tick(now: number): void {
    const zombieAfter = this.heartbeatIntervalMs * ZOMBIE_AFTER_INTERVALS
    for (const conn of [...this.connections.values()]) {
      if (now - conn.lastBeatAt > zombieAfter) {
        this.refuse(
          conn,
          { code: CloseCode.SESSION_TIMED_OUT, reason: 'no heartbeat: zombie connection' },
          now,
        )
      } else if (
        conn.reconnectAskedAt !== null &&
        now - conn.reconnectAskedAt > this.reconnectGraceMs
      ) {
        this.refuse(conn, { code: CloseCode.UNKNOWN_ERROR, reason: 'reconnect requested' }, now)
      }
    }
  }

  /** op 1 from the server: the client must heartbeat now. */
  requestHeartbeat(sessionId: string): boolean {
    const conn = this.connectionOf(sessionId)
    if (!conn) return false
    this.send(conn, controlFrame(Op.HEARTBEAT, null))
    return true
  }

  /** op 7: the client should reconnect and resume; its socket is closed after a grace period. */
  requestReconnect(sessionId: string, now: number): boolean {
    const conn = this.connectionOf(sessionId)
    if (!conn) return false
    this.send(conn, controlFrame(Op.RECONNECT, null))
    conn.reconnectAskedAt = now
    return true
  }

  /**
   * A fault: the server drops a session's socket without a close frame, as a broken network would.
   * The engine records `gateway.disconnect`; the client may RESUME.
   */
  dropConnection(sessionId: string, now: number): boolean {
    const conn = this.connectionOf(sessionId)
    if (!conn || conn.state?.status !== 'connected') return false
    const label = `${this.nameOf(conn.state)}: socket dropped`
    this.apply({ target: 'gateway', method: 'disconnect', args: [sessionId] }, now, label)
    return true
  }

  /**
   * Applies one call to the engine and records it as one step: the `clock.advance` that brings the
   * engine's clock to `now` (when time passed), then the call, both in one group named after the call
   * (a timeline shows the group as the step's label; the number keeps consecutive steps apart). Then
   * every connection is sent what its session was sent, and connections whose session the call
   * disconnected or closed are ended. A call the engine refuses throws its error and is not recorded
   * (the engine changed nothing); the time that passed before it is, since the clock did move.
   */
  apply(call: EngineCall, now: number, label?: string): unknown {
    const number = this.nextGroup++
    const named = call.label ?? label
    const group = `${named ?? `${call.target}.${call.method}`} (wire #${number})`
    const step: EngineCall[] = []
    const delta = Math.floor(now - this.clockAt)
    try {
      if (delta > 0) {
        const advance: EngineCall = { target: 'clock', method: 'advance', args: [delta], group }
        this.clockAt += delta
        if (this.advanceClock(advance)) step.push(advance)
      }
      const result = applyCall(this.engine, call)
      step.push({ ...call, group, ...(named === undefined ? {} : { label: named }) })
      return result
    } finally {
      if (step.length > 0) this.record(step)
      this.sync()
    }
  }

  /**
   * Brings the engine clock up to the host's time. The engine refuses only a time its snowflakes
   * cannot hold (`INVALID_TIME`, the year 2154, where the page's own `clock.advance` may have taken
   * it): then the call is made at the engine's time, unrecorded advance and all, since a client's
   * IDENTIFY or a closing socket must not fail because the clock is full.
   */
  private advanceClock(advance: EngineCall): boolean {
    try {
      applyCall(this.engine, advance)
      return true
    } catch (error) {
      if (error instanceof EngineError && error.code === 'INVALID_TIME') return false
      throw error
    }
  }

  private record(calls: readonly EngineCall[]): void {
    const index = this.log.length
    for (const call of calls) this.log.push({ index: this.log.length, call })
    for (const listener of this.listeners) listener({ index, calls })
  }

  /**
   * Frames out, then connections whose session left 'connected' outside this host's hands. Only the
   * sessions a call touched are read: every frame on a session's socket is a dispatch, which adds 1
   * to its `seq`, or comes with a change of status (op 9 closes it, a resume reconnects it;
   * docs/design/semantics.md §3), so a bound session whose `seq` and status did not move has nothing
   * new and costs two reads.
   */
  private sync(): void {
    for (const conn of [...this.bound.values()]) {
      const state = conn.state
      if (state === null) continue
      if (state.seq === conn.seenSeq && state.status === conn.seenStatus) continue
      this.flush(conn, state)
      if (state.status === 'closed') {
        // Invalidated (op 9 went out with the frames) or ended: the socket may IDENTIFY again.
        this.unbind(conn)
        conn.state = null
        conn.phase = 'hello'
      } else if (state.status === 'disconnected') {
        this.forget(conn)
        conn.socket.drop()
      }
    }
  }

  /**
   * Sends what the session's socket received since the last flush. An open session's new frames
   * come from `states.framesSince`, O(new frames); a closed one is read once, from its view.
   */
  private flush(conn: WireConnection, state: GatewayState): void {
    const fresh =
      state.status === 'closed'
        ? state.frames.slice(conn.sent)
        : this.engine.sim.states.framesSince(state.sessionId, conn.sent)
    conn.sent += fresh.length
    conn.seenSeq = state.seq
    conn.seenStatus = state.status
    const wire = this.wireFor(state.userId)
    for (const frame of fresh) this.send(conn, wireFrame(frame as WireFrame, state.userId, wire))
  }

  /** The wire context of a user's frames: READY's flags drop the privileged bits it may not use. */
  wireFor(userId: string): WireContext {
    return this.mayUsePrivilegedIntents(userId)
      ? this.wire
      : { ...this.wire, privilegedIntents: false }
  }

  private send(conn: WireConnection, frame: WireFrame): void {
    if (conn.phase !== 'closed') conn.socket.send(encodeFrame(frame))
  }

  /** Closes with a code; a bound, connected session becomes disconnected (resumable). */
  private refuse(conn: WireConnection, refusal: Refusal, now: number): void {
    if (conn.phase === 'closed') return
    const state = conn.state
    this.forget(conn)
    conn.socket.close(refusal.code, closeReason(refusal.reason))
    if (state && state.status === 'connected') {
      this.apply(
        { target: 'gateway', method: 'disconnect', args: [state.sessionId] },
        now,
        `${this.nameOf(state)}: closed ${refusal.code}`,
      )
    }
  }

  private handle(conn: WireConnection, op: number, d: unknown, now: number): void {
    if (op === Op.HEARTBEAT) {
      const refusal = readHeartbeat(d)
      if (refusal) return this.refuse(conn, refusal, now)
      conn.lastBeatAt = now
      return this.send(conn, controlFrame(Op.HEARTBEAT_ACK, null))
    }
    if (op === Op.IDENTIFY || op === Op.RESUME) {
      if (conn.phase === 'session') {
        const reason = 'this connection already has a session'
        return this.refuse(conn, { code: CloseCode.ALREADY_AUTHENTICATED, reason }, now)
      }
      return op === Op.IDENTIFY ? this.identify(conn, d, now) : this.resume(conn, d, now)
    }
    const state = conn.state
    if (conn.phase !== 'session' || state === null) {
      const reason = `op ${op} before IDENTIFY`
      return this.refuse(conn, { code: CloseCode.NOT_AUTHENTICATED, reason }, now)
    }
    const sessionId = state.sessionId
    if (op === Op.PRESENCE_UPDATE) {
      const presence = readPresence(d)
      if (isRefusal(presence)) return this.refuse(conn, presence, now)
      const args = [sessionId, presence as unknown as Json]
      return void this.engineCommand(
        conn,
        { target: 'gateway', method: 'updatePresence', args },
        now,
      )
    }
    if (op === Op.LAZY_REQUEST) {
      const request = readMemberList(d)
      if (isRefusal(request)) return this.refuse(conn, request, now)
      const args = [sessionId, request.guildId, request.channels as unknown as Json]
      return void this.engineCommand(
        conn,
        { target: 'gateway', method: 'requestMemberList', args },
        now,
      )
    }
    if (op === Op.REQUEST_GUILD_MEMBERS) {
      const limit = { allMembers: this.allMembers, now }
      const calls = requestMembersCalls(this.engine.sim, state, d, limit)
      if (isRefusal(calls)) return this.refuse(conn, calls, now)
      for (const call of calls) if (conn.open) this.engineCommand(conn, call, now)
      return
    }
    // op 4 (voice): this engine simulates no voice; accepted and ignored, as a server without voice
    // regions would leave it unanswered.
  }

  /** A command's engine call; the engine's refusal closes the socket (4001 unless it names a code). */
  private engineCommand(conn: WireConnection, call: EngineCall, now: number): unknown {
    try {
      return this.apply(call, now)
    } catch (error) {
      if (error instanceof GatewayCloseError) {
        this.refuse(conn, { code: error.code, reason: error.message }, now)
      } else if (error instanceof EngineError) {
        this.refuse(conn, { code: CloseCode.UNKNOWN_OPCODE, reason: error.message }, now)
      } else throw error
      return undefined
    }
  }

  /** A session's user's name, for step labels. */
  private nameOf(state: GatewayState | null): string {
    if (state === null) return 'a client'
    return this.engine.sim.world.user(state.userId)?.username ?? state.userId
  }

  private userOf(token: unknown): string | undefined {
    const world = this.engine.sim.world
    return tokenUser(this.tokens, token, (id) => world.user(id) !== undefined)
  }

  private identify(conn: WireConnection, d: unknown, now: number): void {
    const command = readIdentify(d)
    if (isRefusal(command)) return this.refuse(conn, command, now)
    const userId = this.userOf(command.token)
    if (userId === undefined) {
      const reason = 'authentication failed: unknown token'
      return this.refuse(conn, { code: CloseCode.AUTHENTICATION_FAILED, reason }, now)
    }
    const world = this.engine.sim.world
    if (command.intents === undefined && world.user(userId)?.bot !== false) {
      const reason = 'IDENTIFY needs integer intents'
      return this.refuse(conn, { code: CloseCode.INVALID_INTENTS, reason }, now)
    }
    // A user account's client sends no intents: it gets them all (docs/design/gateway-facts.md §3.2).
    const intents = command.intents ?? Intents.ALL
    if ((intents & PRIVILEGED_INTENTS) !== 0 && !this.mayUsePrivilegedIntents(userId)) {
      const reason = 'disallowed intents: privileged intents are not enabled for this application'
      return this.refuse(conn, { code: CloseCode.DISALLOWED_INTENTS, reason }, now)
    }
    const shard = command.shard ?? [0, 1]
    const onShard = world
      .guilds()
      .filter(
        (g) => world.member(g.id, userId) && shard[1] >= 1 && shardFor(g.id, shard[1]) === shard[0],
      ).length
    if (onShard > 2500) {
      const reason = `${onShard} guilds on one shard (at most 2500): use more shards`
      return this.refuse(conn, { code: CloseCode.SHARDING_REQUIRED, reason }, now)
    }
    const input: Record<string, Json> = { userId, intents, shard }
    if (command.presence) input.presence = command.presence as unknown as Json
    if (command.largeThreshold !== undefined) input.largeThreshold = command.largeThreshold
    const username = world.user(userId)?.username ?? userId
    const state = this.engineCommand(
      conn,
      {
        target: 'gateway',
        method: 'identify',
        args: [input],
        label: `IDENTIFY ${username} shard [${shard[0]}, ${shard[1]}]`,
      },
      now,
    ) as GatewayState | undefined
    if (state === undefined || !conn.open) return
    this.bind(conn, state, 0)
  }

  private resume(conn: WireConnection, d: unknown, now: number): void {
    const command = readResume(d)
    if (isRefusal(command)) return this.refuse(conn, command, now)
    const userId = this.userOf(command.token)
    if (userId === undefined) {
      const reason = 'authentication failed: unknown token'
      return this.refuse(conn, { code: CloseCode.AUTHENTICATION_FAILED, reason }, now)
    }
    const sim = this.engine.sim
    const known = sim.states.fetchRaw(command.sessionId)
    if (known !== undefined && known.userId !== userId) {
      // Someone else's session: as good as unknown to this token. No engine call.
      return this.send(conn, controlFrame(Op.INVALID_SESSION, false))
    }
    const previous = this.connectionOf(command.sessionId)
    if (previous && known?.status === 'connected') {
      // The old socket has not told us it died yet: the new one takes over, as on Discord.
      this.forget(previous)
      previous.socket.close(CloseCode.SESSION_TIMED_OUT, 'resumed on another connection')
      this.apply({ target: 'gateway', method: 'disconnect', args: [command.sessionId] }, now)
    }
    const before = known?.frames.length ?? 0
    const result = this.engineCommand(
      conn,
      {
        target: 'gateway',
        method: 'resume',
        args: [command.sessionId, command.seq],
        label: `RESUME from s = ${command.seq}`,
      },
      now,
    ) as { resumed: boolean; state?: GatewayState } | undefined
    if (result === undefined || !conn.open) return
    if (!result.resumed || result.state === undefined) {
      return this.send(conn, controlFrame(Op.INVALID_SESSION, false))
    }
    this.bind(conn, result.state, before)
  }

  /** Binds a connection to its session and sends what the session was sent from frame `from` on. */
  private bind(conn: WireConnection, state: GatewayState, from: number): void {
    conn.state = state
    conn.sent = from
    conn.phase = 'session'
    this.bound.set(state.sessionId, conn)
    this.flush(conn, state)
  }
}
