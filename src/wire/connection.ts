import type { GatewayState } from '../engine/index.ts'
import { RATE_LIMIT_COMMANDS, RATE_LIMIT_WINDOW_MS } from './protocol.ts'

/**
 * What the wire layer needs of a socket, whatever carries it (the `ws` package in Node, a fake in
 * tests): send one text frame, close with a code, or drop as a broken network would (no close frame).
 * The host calls each at most as the protocol says; after `close` or `drop` it sends nothing more.
 */
export interface WireSocket {
  send(text: string): void
  close(code: number, reason: string): void
  drop(): void
}

/** Where a connection is in its life: before IDENTIFY/RESUME, bound to a session, or gone. */
export type ConnectionPhase = 'hello' | 'session' | 'closed'

/**
 * One client connection as the host tracks it. Its session, once bound, is the engine's live
 * `GatewayState` view: `sent` counts how many of its `frames` went out on this socket.
 */
export class WireConnection {
  readonly id: number
  readonly socket: WireSocket
  phase: ConnectionPhase = 'hello'
  state: GatewayState | null = null
  sent = 0
  /** The session's `seq` and status when its frames were last sent: unchanged, nothing is new. */
  seenSeq = -1
  seenStatus: GatewayState['status'] | null = null
  /** When the last heartbeat arrived (or HELLO went out): the zombie deadline counts from it. */
  lastBeatAt: number
  /** When op 7 went out (the socket is closed if the client has not left by then + grace). */
  reconnectAskedAt: number | null = null
  private windowStart: number
  private commands = 0

  constructor(id: number, socket: WireSocket, now: number) {
    this.id = id
    this.socket = socket
    this.lastBeatAt = now
    this.windowStart = now
  }

  /** False once closed or dropped (a method's narrowing of `phase` does not see a call change it). */
  get open(): boolean {
    return this.phase !== 'closed'
  }

  /** The session id once bound. */
  get sessionId(): string | null {
    return this.state?.sessionId ?? null
  }

  /**
   * Counts one command; false when it is over the limit: 120 per 60 s per connection, in windows that
   * start with the first command after the last window ended (docs/design/gateway-facts.md §8).
   */
  countCommand(now: number): boolean {
    if (now - this.windowStart >= RATE_LIMIT_WINDOW_MS) {
      this.windowStart = now
      this.commands = 0
    }
    this.commands += 1
    return this.commands <= RATE_LIMIT_COMMANDS
  }
}
