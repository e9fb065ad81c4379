/**
 * Refusal of bad engine input: an unknown backend, a malformed key, a payload that is not JSON, an unknown
 * session. Raised before anything is delivered or changed. `code` is stable and machine-readable
 * (`UNKNOWN_BACKEND`, `INVALID_KEY`, …); the message says what was wrong and what would be right.
 *
 * @example
 * try { sim.dispatcher.dispatch('guilds' as never, '1', 'GUILD_UPDATE', {}) }
 * catch (e) { if (e instanceof EngineError) console.log(e.code) } // 'UNKNOWN_BACKEND'
 */
export class EngineError extends Error {
  /** `'EngineError'`. */
  override readonly name = 'EngineError'
  /** What was wrong, machine-readable: `UNKNOWN_BACKEND`, `INVALID_KEY`, `INVALID_PAYLOAD`… */
  readonly code: string
  /** Extra machine-readable detail, e.g. the partial result of a dispatch whose filter threw. */
  readonly detail: unknown

  /** An error with its `code`, a message that says what would be right, and any `detail`. */
  constructor(code: string, message: string, detail?: unknown) {
    super(message)
    this.code = code
    this.detail = detail
  }
}

/**
 * What a Discord gateway would answer by closing the socket: `code` is Discord's close code (4004
 * authentication failed, 4007 invalid seq, 4010 invalid shard, 4013 invalid intents, …).
 */
export class GatewayCloseError extends Error {
  /** `'GatewayCloseError'`. */
  override readonly name = 'GatewayCloseError'
  /** Discord's close code: 4004, 4007, 4010, 4013… */
  readonly code: number

  /** An error with Discord's close code; its message starts with the code. */
  constructor(code: number, message: string) {
    super(`${code}: ${message}`)
    this.code = code
  }
}
