import type { EngineCall } from '../calls/index.ts'

/**
 * Messages between the page and the sandbox worker that runs user code. Each worker runs code once: it
 * is started ahead of time (a standby), builds the engine of the timeline's calls while the page is
 * idle, runs one request and is thrown away, so nothing a run does reaches the next one. What the worker
 * sends is untrusted input: the page reads it with `checkMessage.ts` before using any of it.
 */

/** The timeline the worker must hold before running: the seed and every call up to the cursor. */
export interface SandboxBase {
  readonly seed: number
  readonly calls: readonly EngineCall[]
}

/** Page → worker: build the engine of this timeline position, then answer `ready` (or `base-failed`). */
export interface BaseRequest {
  readonly type: 'base'
  readonly id: number
  readonly base: SandboxBase
}

/** Page → worker. */
export type PageMessage = BaseRequest | RunRequest

/** Page → worker: run `code` (TypeScript) against the base, building the base first when given. */
export interface RunRequest {
  readonly type: 'run'
  readonly id: number
  readonly code: string
  readonly base: SandboxBase | null
  readonly limits: RunLimits
}

export interface RunLimits {
  /** Engine calls one run may add to the timeline. */
  readonly calls: number
  /** Console lines kept from one run. */
  readonly lines: number
}

export const DEFAULT_LIMITS: RunLimits = { calls: 1_000, lines: 2_000 }

/** Longest error message or error name text a failure carries (the worker cuts longer ones). */
export const MAX_ERROR_TEXT = 2_000

/** How long user code may run before the worker is terminated, in ms (the editor offers others). */
export const DEFAULT_TIME_LIMIT_MS = 2_000
/** Building a base is the engine's work, not the user's: it gets its own, generous limit. */
export const BASE_TIME_LIMIT_MS = 60_000

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error'

/** One line the user's code printed (already formatted as text in the worker). */
export interface ConsoleLine {
  readonly level: ConsoleLevel
  readonly text: string
}

/** Why a run failed. Nothing from a failed run is applied. */
export interface RunFailure {
  /**
   * `syntax`: the code does not parse; `runtime`: it threw; `engine`: it threw an engine refusal it did
   * not catch; `limit`: it passed a bound (calls per run); `unsafe`: it left the engine in a state a
   * replay could not reproduce (a dispatchFilter whose filter threw part-way).
   */
  readonly kind: 'syntax' | 'runtime' | 'engine' | 'limit' | 'unsafe'
  /** The error's name (`TypeError`, `EngineError`, …). */
  readonly name: string
  readonly message: string
  /** The engine's code for `EngineError` (a string) and `GatewayCloseError` (a close code). */
  readonly code?: string | number
  /** 1-based, in the user's code, when known. */
  readonly line?: number
  readonly column?: number
}

/** Worker → page. */
export type WorkerMessage =
  /** The base is built: the worker waits for its one run. */
  | { readonly type: 'ready'; readonly id: number }
  /** The base is built (or was already there) and user code starts now: the time limit starts. */
  | { readonly type: 'started'; readonly id: number }
  /** Console output, streamed in batches while the code runs. */
  | { readonly type: 'console'; readonly id: number; readonly lines: readonly ConsoleLine[] }
  | {
      readonly type: 'done'
      readonly id: number
      /** The calls that changed the engine, in order: one timeline step each. */
      readonly calls: readonly EngineCall[]
      /** Console lines past the limit that were dropped. */
      readonly droppedLines: number
    }
  | {
      readonly type: 'failed'
      readonly id: number
      readonly failure: RunFailure
      readonly droppedLines: number
    }
  /** The base could not be built (the page's timeline holds a call the engine refuses). */
  | { readonly type: 'base-failed'; readonly id: number; readonly message: string }

/** What a run came to, as the page sees it (`ms`: measured by the page, from start to answer). */
export type RunOutcome =
  | {
      readonly status: 'done'
      readonly calls: readonly EngineCall[]
      readonly ms: number
      readonly droppedLines: number
    }
  | {
      readonly status: 'failed'
      readonly failure: RunFailure
      readonly ms: number
      readonly droppedLines: number
    }
  /** Stopped by the page after the time limit; the worker was replaced. */
  | { readonly status: 'timeout'; readonly limitMs: number }
  /** The worker died (out of memory, say) or could not start. */
  | { readonly status: 'crashed'; readonly message: string }
  | { readonly status: 'base-failed'; readonly message: string }
  /** The worker sent something the page does not accept (forged or broken output): nothing applied. */
  | { readonly status: 'invalid'; readonly message: string }

/** A timeline position: the page's steps (an immutable array, compared by identity) and its cursor. */
export interface BaseKey {
  readonly steps: unknown
  readonly cursor: number
}

/** The page's handle on the sandbox: one run at a time, each in a worker of its own. */
export interface SandboxRunner {
  /**
   * Runs `code` at the timeline position `base` describes, in the standby worker when it was prepared
   * for `baseKey`, else in a new one.
   */
  run(request: {
    readonly code: string
    /** Made only when no standby holds `baseKey` (a generated step is 100,000 calls). */
    readonly base: () => SandboxBase
    readonly baseKey: BaseKey
    readonly timeLimitMs: number
    readonly limits?: RunLimits
    readonly onConsole?: (lines: readonly ConsoleLine[]) => void
  }): Promise<RunOutcome>
  /**
   * Starts the standby for the next run: a fresh worker that builds the engine at `baseKey` while the
   * page is idle, so Run only sends code. Replaces a standby of another position; no-op for the same.
   */
  prepare(request: { readonly base: () => SandboxBase; readonly baseKey: BaseKey }): void
  /** Terminates every worker. */
  dispose(): void
}
