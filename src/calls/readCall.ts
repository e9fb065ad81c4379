import { ALLOWED_CALLS, CALL_TARGETS } from './allowed.ts'
import { CallError, type CallTarget, type EngineCall, type Json } from './call.ts'

/** The longest `label` or `group` a call may carry: a timeline label, not a document. */
export const MAX_LABEL_LENGTH = 200
/** The longest string an argument may hold. */
export const MAX_ARG_STRING = 100_000
/** How deep an argument may nest. */
const MAX_DEPTH = 64

/**
 * What reading calls may cost in all: values (strings count their length) a reader will look at
 * before refusing. One budget is shared by every call of a link, a file or a worker's answer.
 */
export interface ReadBudget {
  remaining: number
}

/** A budget for one link, file or answer: about 20 MB of text, the most a run file may be. */
export function readBudget(units = 20_000_000): ReadBudget {
  return { remaining: units }
}

/**
 * One call from outside the page (a link, a run file, the sandbox worker's answer), read into a fresh
 * {@link EngineCall}: a plain object whose `target` and `method` the engine's catalogue allows, whose
 * `args` are JSON (finite numbers, plain objects and arrays, bounded strings and depth) and whose
 * optional `label` and `group` are short text. Whatever `value` is (an object with a hostile
 * `toString`, a getter that throws, `1e999`, a cycle, a Map), the only error is a {@link CallError}
 * with a short message; nothing is converted with `String()`.
 */
export function readCall(value: unknown, budget: ReadBudget = readBudget()): EngineCall {
  const record = plain(value)
  if (!record) throw new CallError('a call is an object { "target", "method", "args": [...] }')
  const target = field(record, 'target')
  if (typeof target !== 'string' || !CALL_TARGETS.includes(target as CallTarget)) {
    throw new CallError(
      `unknown target ${quoteValue(target)}; use one of ${CALL_TARGETS.join(', ')}`,
    )
  }
  const allowed = ALLOWED_CALLS[target as CallTarget]
  const method = field(record, 'method')
  if (typeof method !== 'string' || !allowed.includes(method)) {
    throw new CallError(
      `${target}.${describeValue(method)} is not a call the playground makes; ${target} allows ${allowed.join(', ')}`,
    )
  }
  const name = `${target}.${method}`
  const args = field(record, 'args')
  if (!isArray(args)) throw new CallError(`${name}: "args" must be a list`)
  const call: { -readonly [K in keyof EngineCall]: EngineCall[K] } = {
    target: target as CallTarget,
    method,
    args: args.map((a, i) => readJson(a, `${name}: argument ${i + 1}`, budget, 0)),
  }
  for (const key of ['label', 'group'] as const) {
    const text = field(record, key)
    if (text === undefined) continue
    if (typeof text !== 'string' || text.length > MAX_LABEL_LENGTH) {
      throw new CallError(
        `${name}: "${key}" must be text of at most ${MAX_LABEL_LENGTH} characters, not ${describeValue(text)}`,
      )
    }
    call[key] = text
  }
  return call
}

/** A JSON value from outside, copied; refused (CallError) when it is not plain JSON or too big. */
export function readJson(value: unknown, where: string, budget: ReadBudget, depth = 0): Json {
  if (--budget.remaining < 0) throw new CallError(`${where}: the data is too large`)
  switch (typeof value) {
    case 'boolean':
      return value
    case 'string':
      if (value.length > MAX_ARG_STRING) {
        throw new CallError(
          `${where}: a text of ${value.length} characters (at most ${MAX_ARG_STRING})`,
        )
      }
      budget.remaining -= value.length
      if (budget.remaining < 0) throw new CallError(`${where}: the data is too large`)
      return value
    case 'number':
      if (!Number.isFinite(value))
        throw new CallError(`${where}: ${String(value)} is not a JSON number`)
      return value
    case 'object':
      break
    default:
      throw new CallError(`${where}: ${describeValue(value)} is not JSON`)
  }
  if (value === null) return null
  if (depth >= MAX_DEPTH) throw new CallError(`${where}: nested more than ${MAX_DEPTH} deep`)
  if (isArray(value)) return value.map((v) => readJson(v, where, budget, depth + 1))
  const record = plain(value)
  if (!record) throw new CallError(`${where}: ${describeValue(value)} is not JSON`)
  const out: Record<string, Json> = {}
  for (const key of ownKeys(record, where)) {
    budget.remaining -= key.length
    out[key] = readJson(field(record, key), where, budget, depth + 1)
  }
  return out
}

/**
 * A value in an error message, whatever it is: `String(x)` can throw (a hostile `toString`), so
 * objects are named by kind, never converted; strings are quoted and cut.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    return /^[A-Za-z_$][\w$]{0,63}$/.test(value) ? value : JSON.stringify(value.slice(0, 64))
  }
  if (typeof value === 'symbol') return 'a symbol'
  if (typeof value === 'function') return 'a function'
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value)
  }
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  return isArray(value) ? 'a list' : 'an object'
}

/** {@link describeValue}, but a string is always quoted (`"nope"`): for values a person typed. */
export function quoteValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 64)) : describeValue(value)
}

/** `value` as a record when it is a plain object (not an array, a Map or a class instance). */
export function plain(value: unknown): Record<string, unknown> | null {
  if (value === null || typeof value !== 'object') return null
  try {
    if (Array.isArray(value)) return null
    const proto: unknown = Object.getPrototypeOf(value)
    return proto === Object.prototype || proto === null ? (value as Record<string, unknown>) : null
  } catch {
    return null // a revoked Proxy
  }
}

/** Array.isArray that a revoked Proxy cannot make throw; a Proxy over an array is refused. */
export function isArray(value: unknown): value is unknown[] {
  try {
    return Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype
  } catch {
    return false
  }
}

/** Reads an own data property; an accessor (a getter could lie or throw) counts as malformed. */
export function field(record: Record<string, unknown>, key: string): unknown {
  let descriptor: PropertyDescriptor | undefined
  try {
    descriptor = Object.getOwnPropertyDescriptor(record, key)
  } catch {
    throw new CallError(`"${key}" cannot be read`)
  }
  if (!descriptor) return undefined
  if (!('value' in descriptor)) throw new CallError(`"${key}" is not plain data`)
  return descriptor.value as unknown
}

function ownKeys(record: Record<string, unknown>, where: string): string[] {
  try {
    return Object.keys(record)
  } catch {
    throw new CallError(`${where}: the data cannot be read`)
  }
}
