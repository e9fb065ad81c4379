/**
 * Discord's gateway v10 as JSON text (docs/design/gateway-facts.md §1, §2, §3.6, §8): opcodes,
 * close codes, the limits a client must respect, and reading one client frame. Pure data and
 * functions: no engine, no socket, no clock.
 */

/** The gateway API version this server speaks (`?v=10`). */
export const API_VERSION = 10

/** Opcodes (docs/design/gateway-facts.md §2). */
export const Op = {
  DISPATCH: 0,
  HEARTBEAT: 1,
  IDENTIFY: 2,
  PRESENCE_UPDATE: 3,
  VOICE_STATE_UPDATE: 4,
  RESUME: 6,
  RECONNECT: 7,
  REQUEST_GUILD_MEMBERS: 8,
  INVALID_SESSION: 9,
  HELLO: 10,
  HEARTBEAT_ACK: 11,
  LAZY_REQUEST: 14,
} as const

/** Ops a client may send; any other number closes the socket with 4001. */
export const CLIENT_OPS: ReadonlySet<number> = new Set([
  Op.HEARTBEAT,
  Op.IDENTIFY,
  Op.PRESENCE_UPDATE,
  Op.VOICE_STATE_UPDATE,
  Op.RESUME,
  Op.REQUEST_GUILD_MEMBERS,
  Op.LAZY_REQUEST,
])

/** Close codes the server sends (docs/design/gateway-facts.md §3.6). */
export const CloseCode = {
  UNKNOWN_ERROR: 4000,
  UNKNOWN_OPCODE: 4001,
  DECODE_ERROR: 4002,
  NOT_AUTHENTICATED: 4003,
  AUTHENTICATION_FAILED: 4004,
  ALREADY_AUTHENTICATED: 4005,
  INVALID_SEQ: 4007,
  RATE_LIMITED: 4008,
  SESSION_TIMED_OUT: 4009,
  INVALID_SHARD: 4010,
  SHARDING_REQUIRED: 4011,
  INVALID_API_VERSION: 4012,
  INVALID_INTENTS: 4013,
  DISALLOWED_INTENTS: 4014,
} as const

/**
 * The largest frame a bot may send, in UTF-8 bytes; a larger one closes 4002
 * (docs/design/gateway-facts.md §8).
 */
export const MAX_PAYLOAD_BYTES = 4096

/**
 * Commands a connection may send per window; the next one closes 4008
 * (docs/design/gateway-facts.md §8).
 */
export const RATE_LIMIT_COMMANDS = 120
export const RATE_LIMIT_WINDOW_MS = 60_000

/** Discord's heartbeat interval (docs/design/semantics.md §10, "The wire protocol"). */
export const DEFAULT_HEARTBEAT_INTERVAL_MS = 41_250

/** A frame as it travels from the server: only op 0 carries `s` and `t`. */
export interface WireFrame {
  readonly op: number
  readonly d: unknown
  readonly s: number | null
  readonly t: string | null
}

/** A refusal: the WebSocket close code and a reason (at most 123 bytes travel in a close frame). */
export interface Refusal {
  readonly code: number
  readonly reason: string
}

/** A client frame that parsed: a known op and its data, not yet checked against that op's shape. */
export interface ClientFrame {
  readonly op: number
  readonly d: unknown
}

/** A JSON object (not null, not an array): the shape every op's `d` but heartbeat's takes. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** UTF-8 length of `text` without allocating (a frame's size limit counts bytes, not characters). */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4 // a surrogate pair is one 4-byte code point
      i++
    } else bytes += 3
  }
  return bytes
}

/**
 * Reads one text frame from a client. Oversize, not JSON, not an object with an integer `op`: 4002
 * (decode error). An op a client cannot send: 4001 (unknown opcode). The op's own shape is checked by
 * whoever handles it (also 4001: "an invalid payload for an opcode").
 */
export function decodeClientFrame(text: string): ClientFrame | Refusal {
  if (text.length > MAX_PAYLOAD_BYTES || utf8Length(text) > MAX_PAYLOAD_BYTES) {
    return { code: CloseCode.DECODE_ERROR, reason: `payload over ${MAX_PAYLOAD_BYTES} bytes` }
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { code: CloseCode.DECODE_ERROR, reason: 'payload is not JSON' }
  }
  if (!isObject(value) || typeof value.op !== 'number' || !Number.isInteger(value.op)) {
    return { code: CloseCode.DECODE_ERROR, reason: 'payload is not an object { op, d }' }
  }
  if (!CLIENT_OPS.has(value.op)) {
    return { code: CloseCode.UNKNOWN_OPCODE, reason: `unknown opcode ${value.op}` }
  }
  return { op: value.op, d: value.d === undefined ? null : value.d }
}

/** True for a {@link Refusal} (as opposed to a frame or a value). */
export function isRefusal(value: unknown): value is Refusal {
  return isObject(value) && typeof value.code === 'number' && typeof value.reason === 'string'
}

/** A frame with no `s`/`t` (HELLO, HEARTBEAT_ACK, INVALID_SESSION, RECONNECT, a server HEARTBEAT). */
export function controlFrame(op: number, d: unknown): WireFrame {
  return { op, d, s: null, t: null }
}

/**
 * A frame as JSON text, its keys in Discord's order `op, d, s, t`. The engine's frames are
 * `{ op, t, s, d }`; the order is only cosmetic, but a client's log then reads like Discord's.
 */
export function encodeFrame(frame: WireFrame): string {
  return JSON.stringify({ op: frame.op, d: frame.d, s: frame.s, t: frame.t })
}

/**
 * The query of a gateway URL (`?v=10&encoding=json&compress=zlib-stream`): a wrong `v` is 4012, an
 * encoding other than JSON is 4002 (this server writes JSON text only). `compress` is accepted and
 * ignored: frames go out as text, which every client parses as it is (compression is per frame binary).
 */
export function checkGatewayQuery(query: {
  v?: string | null
  encoding?: string | null
}): Refusal | undefined {
  if (query.v !== undefined && query.v !== null && query.v !== String(API_VERSION)) {
    return {
      code: CloseCode.INVALID_API_VERSION,
      reason: `gateway v${query.v} is not served; use v=${API_VERSION}`,
    }
  }
  if (query.encoding !== undefined && query.encoding !== null && query.encoding !== 'json') {
    return {
      code: CloseCode.DECODE_ERROR,
      reason: `encoding ${query.encoding} is not served; use encoding=json`,
    }
  }
  return undefined
}

/** Cuts a close reason to the 123 bytes a WebSocket close frame carries. */
export function closeReason(text: string): string {
  if (utf8Length(text) <= 123) return text
  let cut = text.slice(0, 120)
  while (utf8Length(cut) > 120) cut = cut.slice(0, -1)
  return cut + '...'
}
