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
  override readonly name = 'EngineError'
  readonly code: string
  /** Extra machine-readable detail, e.g. the partial result of a dispatch whose filter threw. */
  readonly detail: unknown

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
  override readonly name = 'GatewayCloseError'
  readonly code: number

  constructor(code: number, message: string) {
    super(`${code}: ${message}`)
    this.code = code
  }
}
