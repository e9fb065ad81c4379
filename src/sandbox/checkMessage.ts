import {
  CallError,
  describeValue,
  field,
  isArray,
  plain,
  readBudget,
  readCall,
  type EngineCall,
} from '../calls/index.ts'
import { MAX_LINE_LENGTH } from './format.ts'
import {
  MAX_ERROR_TEXT,
  type ConsoleLevel,
  type ConsoleLine,
  type RunFailure,
  type RunLimits,
  type WorkerMessage,
} from './protocol.ts'

/** A worker's message the page does not accept; the run ends and nothing of it is applied. */
export class SandboxOutputError extends Error {
  override readonly name = 'SandboxOutputError'
}

/** What the page knows of the run a message belongs to, to check it against. */
export interface MessageContext {
  readonly id: number
  readonly limits: RunLimits
  /** Lines of the code that ran: a failure's line must be one of them. */
  readonly codeLines: number
}

const LEVELS: readonly ConsoleLevel[] = ['log', 'info', 'warn', 'error']
const KINDS: readonly RunFailure['kind'][] = ['syntax', 'runtime', 'engine', 'limit', 'unsafe']
/** An error's name or an engine code is a word, not a text. */
const MAX_NAME = 100

/**
 * Reads a message from the sandbox worker as untrusted input, the way a link is read: user code runs
 * in that worker and may have changed anything there (a prototype, the worker's own arrays), so
 * every field's type and size is checked here, against the run's limits: the call cap, the Console's
 * line cap and line length, error text lengths, a failure's line within the code. Returns a fresh
 * copy; throws {@link SandboxOutputError} naming the first problem. Reading never throws anything
 * else, whatever `data` is.
 */
export function checkMessage(data: unknown, context: MessageContext): WorkerMessage {
  try {
    return read(data, context)
  } catch (error) {
    if (error instanceof SandboxOutputError) throw error
    if (error instanceof CallError) throw new SandboxOutputError(error.message)
    throw new SandboxOutputError('a message could not be read')
  }
}

function read(data: unknown, context: MessageContext): WorkerMessage {
  const m = plain(data)
  if (!m) throw new SandboxOutputError(`a message is ${describeValue(data)}, not a record`)
  const type = field(m, 'type')
  const id = field(m, 'id')
  if (id !== context.id)
    throw new SandboxOutputError(`a message for another run (${describeValue(id)})`)
  switch (type) {
    case 'ready':
    case 'started':
      return { type, id }
    case 'base-failed':
      return { type, id, message: text(field(m, 'message'), 'the base failure', MAX_ERROR_TEXT) }
    case 'console':
      return { type, id, lines: consoleLines(field(m, 'lines'), context.limits.lines) }
    case 'done':
      return {
        type,
        id,
        calls: calls(field(m, 'calls'), context.limits.calls),
        droppedLines: count(field(m, 'droppedLines'), 'droppedLines'),
      }
    case 'failed':
      return {
        type,
        id,
        failure: failure(field(m, 'failure'), context.codeLines),
        droppedLines: count(field(m, 'droppedLines'), 'droppedLines'),
      }
    default:
      throw new SandboxOutputError(`a message of unknown type ${describeValue(type)}`)
  }
}

function consoleLines(value: unknown, max: number): ConsoleLine[] {
  if (!isArray(value)) throw new SandboxOutputError('Console output is not a list of lines')
  if (value.length > max) {
    throw new SandboxOutputError(`${value.length} Console lines at once, more than ${max}`)
  }
  return value.map((line) => {
    const record = plain(line)
    const level = record ? field(record, 'level') : undefined
    if (!record || !LEVELS.includes(level as ConsoleLevel)) {
      throw new SandboxOutputError('a Console line is not { level, text }')
    }
    // formatArgs cuts a line at MAX_LINE_LENGTH and adds "… (cut)".
    return {
      level: level as ConsoleLevel,
      text: text(field(record, 'text'), 'a Console line', MAX_LINE_LENGTH + 10),
    }
  })
}

function calls(value: unknown, max: number): EngineCall[] {
  if (!isArray(value)) throw new SandboxOutputError('the calls are not a list')
  if (value.length > max) {
    throw new SandboxOutputError(
      `${value.length.toLocaleString('en-US')} calls, more than the ${max.toLocaleString('en-US')} a run may make`,
    )
  }
  const budget = readBudget(5_000_000)
  return value.map((call, i) => {
    try {
      return readCall(call, budget)
    } catch (error) {
      if (error instanceof CallError)
        throw new SandboxOutputError(`call ${i + 1}: ${error.message}`)
      throw error
    }
  })
}

function failure(value: unknown, codeLines: number): RunFailure {
  const f = plain(value)
  if (!f) throw new SandboxOutputError('the failure is not a record')
  const kind = field(f, 'kind')
  if (!KINDS.includes(kind as RunFailure['kind'])) {
    throw new SandboxOutputError(`a failure of unknown kind ${describeValue(kind)}`)
  }
  const out: { -readonly [K in keyof RunFailure]: RunFailure[K] } = {
    kind: kind as RunFailure['kind'],
    name: text(field(f, 'name'), 'the error name', MAX_NAME),
    message: text(field(f, 'message'), 'the error message', MAX_ERROR_TEXT),
  }
  const code = field(f, 'code')
  if (code !== undefined) {
    out.code =
      typeof code === 'number' && Number.isSafeInteger(code)
        ? code
        : text(code, 'the error code', MAX_NAME)
  }
  const line = field(f, 'line')
  if (line !== undefined) out.line = whole(line, 'the line', 1, codeLines)
  const column = field(f, 'column')
  if (column !== undefined) out.column = whole(column, 'the column', 1, 1_000_000)
  return out
}

function text(value: unknown, what: string, max: number): string {
  if (typeof value !== 'string')
    throw new SandboxOutputError(`${what} is ${describeValue(value)}, not text`)
  if (value.length > max) {
    throw new SandboxOutputError(
      `${what} is ${value.length.toLocaleString('en-US')} characters long, more than ${max.toLocaleString('en-US')}`,
    )
  }
  return value
}

function count(value: unknown, what: string): number {
  return whole(value, what, 0, Number.MAX_SAFE_INTEGER)
}

function whole(value: unknown, what: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new SandboxOutputError(
      `${what} is ${describeValue(value)}, not a whole number from ${min} to ${max}`,
    )
  }
  return value
}
