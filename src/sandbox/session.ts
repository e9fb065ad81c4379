import { createSimulation, EngineError, GatewayCloseError } from '../engine/index.ts'
import { applyCall, CallError, type EngineCall, type CallEngine } from '../calls/index.ts'
import { formatArgs } from './format.ts'
import {
  MAX_ERROR_TEXT,
  type ConsoleLevel,
  type ConsoleLine,
  type PageMessage,
  type RunFailure,
  type SandboxBase,
  type WorkerMessage,
} from './protocol.ts'
import { CallLimitError, createRecording } from './recorder.ts'
import { REMOVED_GLOBALS, scopeNames, scopeValues } from './scope.ts'
import { transpile } from './transpile.ts'

/**
 * Runs transpiled user code as the body of a function whose parameters are `names`, called with
 * `values`. Returns normally or throws what the code threw.
 */
export interface Executor {
  /**
   * Loads the code before it runs, when loading is asynchronous (the worker imports it as a module);
   * rejects with a SyntaxError when the browser does not parse it.
   */
  load?(js: string, names: readonly string[]): Promise<void>
  run(js: string, names: readonly string[], values: readonly unknown[]): void
  /** The line of the user's code (1-based) where `error` was thrown, read from its stack. */
  lineOf(error: Error): number | undefined
}

export { REMOVED_GLOBALS } from './scope.ts'

/** Console output is sent to the page in batches of this many lines, or after this many ms. */
const BATCH_LINES = 50
const BATCH_MS = 100

/**
 * The sandbox worker's logic, free of worker APIs (so Node tests run it): it holds the engine of the
 * timeline the page last sent, runs code against it through a recording, and answers with the calls
 * that changed the engine. A failed run that had already changed the engine marks it for a rebuild from
 * its calls before the next run, so the engine always equals the page's at the same position.
 */
export function createSandboxSession(deps: {
  execute: Executor
  post: (message: WorkerMessage) => void
  now: () => number
}) {
  let base: { engine: CallEngine; calls: EngineCall[]; seed: number } | null = null
  let stale = false

  function build(b: SandboxBase) {
    const engine: CallEngine = { sim: createSimulation({ seed: b.seed }), sessions: [] }
    for (const call of b.calls) applyCall(engine, call)
    base = { engine, calls: [...b.calls], seed: b.seed }
    stale = false
  }

  function handle(request: PageMessage) {
    const { id } = request
    if (request.type === 'base') {
      try {
        build(request.base)
      } catch (error) {
        base = null
        deps.post({ type: 'base-failed', id, message: errorText(error) })
        return
      }
      deps.post({ type: 'ready', id })
      return
    }
    try {
      if (request.base) build(request.base)
      else if (base && stale) build(base)
    } catch (error) {
      base = null
      deps.post({ type: 'base-failed', id, message: errorText(error) })
      return
    }
    if (!base) {
      deps.post({ type: 'base-failed', id, message: 'the sandbox has no timeline to run against' })
      return
    }
    const engine = base
    const { limits } = request
    const out = createConsole(id, limits.lines, deps)
    const codeLines = request.code.split('\n').length
    const finish = (failure: RunFailure | null, calls: readonly EngineCall[]) => {
      out.flush()
      if (failure) {
        // A line read from a stack the code may have written itself: only one of the code's lines.
        const { line, column, ...rest } = failure
        const known =
          line !== undefined && Number.isSafeInteger(line) && line >= 1 && line <= codeLines
        const where = known ? { line, ...(column !== undefined ? { column } : {}) } : {}
        deps.post({
          type: 'failed',
          id,
          failure: { ...rest, ...where },
          droppedLines: out.dropped(),
        })
        return
      }
      deps.post({ type: 'done', id, calls, droppedLines: out.dropped() })
    }

    const compiled = transpile(request.code)
    if ('problem' in compiled) {
      deps.post({ type: 'started', id })
      finish({ kind: 'syntax', name: 'SyntaxError', ...compiled.problem }, [])
      return
    }
    const names = [...scopeNames(), ...REMOVED_GLOBALS]
    const start = () => {
      deps.post({ type: 'started', id })
      runLoaded(compiled.js, names)
    }
    if (!deps.execute.load) {
      start()
      return
    }
    deps.execute.load(compiled.js, names).then(start, (error: unknown) => {
      deps.post({ type: 'started', id })
      finish(failureOf(error, deps.execute), [])
    })

    function runLoaded(js: string, names: readonly string[]) {
      const recording = createRecording(engine.engine, limits.calls, (error) =>
        out.write('error', [`inspect listener threw: ${errorName(error)}${errorText(error)}`]),
      )
      let thrown: { error: unknown } | null = null
      try {
        deps.execute.run(js, names, [
          ...scopeValues(recording.scope, out.console),
          ...REMOVED_GLOBALS.map(removed),
        ])
      } catch (error) {
        thrown = { error }
      } finally {
        recording.seal()
      }
      const failure = recording.limitReached
        ? limitFailure(limits.calls)
        : recording.unsafe
          ? unsafeFailure(recording.unsafe)
          : thrown
            ? failureOf(thrown.error, deps.execute)
            : null
      if (failure) {
        if (recording.calls.length > 0) stale = true
      } else {
        engine.calls.push(...recording.calls)
      }
      finish(failure, recording.calls)
    }
  }

  return { handle }
}

function removed(name: string) {
  return () => {
    throw new ReferenceError(
      `${name} is not available: code in the playground runs without network, storage or workers`,
    )
  }
}

function createConsole(
  id: number,
  maxLines: number,
  deps: { post: (message: WorkerMessage) => void; now: () => number },
) {
  let pending: ConsoleLine[] = []
  let kept = 0
  let dropped = 0
  let lastFlush = deps.now()
  const flush = () => {
    if (pending.length > 0) deps.post({ type: 'console', id, lines: pending })
    pending = []
    lastFlush = deps.now()
  }
  const write = (level: ConsoleLevel, args: readonly unknown[]) => {
    if (kept >= maxLines) {
      dropped++
      return
    }
    kept++
    pending.push({ level, text: formatArgs(args) })
    if (pending.length >= BATCH_LINES || deps.now() - lastFlush >= BATCH_MS) flush()
  }
  const console = Object.freeze({
    log: (...args: unknown[]) => write('log', args),
    info: (...args: unknown[]) => write('info', args),
    warn: (...args: unknown[]) => write('warn', args),
    error: (...args: unknown[]) => write('error', args),
    debug: (...args: unknown[]) => write('log', args),
  })
  return { console, write, flush, dropped: () => dropped }
}

function limitFailure(max: number): RunFailure {
  return {
    kind: 'limit',
    name: 'CallLimitError',
    message: `the code made more than ${max} engine calls that change something, the most one run may add to the timeline`,
  }
}

function unsafeFailure(reason: string): RunFailure {
  return {
    kind: 'unsafe',
    name: 'EngineError',
    message: `${reason}; a run that stops half-way through a dispatch cannot be replayed, so none of it is applied`,
  }
}

/** An error thrown by user code, with its line when the stack names the user's file. */
export function failureOf(error: unknown, execute: Pick<Executor, 'lineOf'>): RunFailure {
  if (!(error instanceof Error)) {
    return { kind: 'runtime', name: 'Error', message: `the code threw ${formatArgs([error])}` }
  }
  const line = execute.lineOf(error)
  const where = line !== undefined ? { line } : {}
  const base = {
    name: cut(read(error, 'name'), 100),
    message: cut(read(error, 'message')),
    ...where,
  }
  if (error instanceof EngineError) return { kind: 'engine', ...base, code: error.code }
  if (error instanceof GatewayCloseError) return { kind: 'engine', ...base, code: error.code }
  if (error instanceof CallError) return { kind: 'engine', ...base }
  if (error instanceof CallLimitError) return { kind: 'limit', ...base }
  if (error instanceof SyntaxError && !where.line) return { kind: 'syntax', ...base }
  return { kind: 'runtime', ...base }
}

/**
 * The line of the innermost stack frame in `file` (the innermost frame of user code: engine frames come
 * first when the engine threw), minus the lines a wrapper put before the code.
 */
export function lineInStack(error: Error, file: string, linesBefore = 0): number | undefined {
  const full = read(error, 'stack')
  // The frames come last: a 30-million-character message need not be searched.
  const stack = full.length > 20_000 ? full.slice(-20_000) : full
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const match = new RegExp(`${escaped}:(\\d+):\\d+`).exec(stack)
  return match ? Number(match[1]) - linesBefore : undefined
}

function errorText(error: unknown): string {
  return cut(error instanceof Error ? read(error, 'message') : formatArgs([error]))
}

/** "EngineError REENTRANT_CALL: " for an engine refusal, "TypeError: " for others, "" for a non-error. */
function errorName(error: unknown): string {
  if (!(error instanceof Error)) return ''
  const code =
    error instanceof EngineError || error instanceof GatewayCloseError ? ` ${error.code}` : ''
  return `${cut(read(error, 'name'), 100)}${code}: `
}

/** A text field of an error, whatever its getters do: code may define them. */
function read(error: Error, key: 'name' | 'message' | 'stack'): string {
  try {
    const value: unknown = error[key]
    return typeof value === 'string' ? value : formatArgs([value])
  } catch {
    return `(its ${key} could not be read)`
  }
}

/** Error text cut to what the page accepts (`MAX_ERROR_TEXT`). */
function cut(text: string, max = MAX_ERROR_TEXT): string {
  return text.length > max ? `${text.slice(0, max - 8)}… (cut)` : text
}
