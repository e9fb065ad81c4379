import type { Json } from '../calls/index.ts'

/** An argument user code passed that a recorded call cannot carry. */
export class RecordError extends Error {
  override readonly name = 'RecordError'
}

const MAX_DEPTH = 64

/**
 * Turns an argument of user code into the JSON a recorded call holds (timeline steps, run files and share
 * links are JSON). Bigints become decimal strings, as the engine returns ids (every Snowflake parameter
 * accepts both); `undefined` object fields are left out, as JSON does. Anything else that JSON would
 * change silently (a function, `NaN`, a class instance, a cycle, `undefined` in a list) is refused, so
 * what the page replays is exactly what the code asked for.
 */
export function toJson(value: unknown, where: string): Json {
  const seen = new Set<object>()
  const walk = (v: unknown, path: string, depth: number): Json => {
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return v
      case 'number':
        if (!Number.isFinite(v))
          throw new RecordError(`${path} is ${String(v)}, which JSON cannot hold`)
        return v
      case 'bigint':
        return v.toString()
      case 'undefined':
        throw new RecordError(`${path} is undefined`)
      case 'function':
        throw new RecordError(`${path} is a function; a call can only carry data`)
      case 'symbol':
        throw new RecordError(`${path} is a symbol; a call can only carry data`)
    }
    if (v === null) return null
    const object = v as object
    if (depth > MAX_DEPTH) throw new RecordError(`${path} is nested more than ${MAX_DEPTH} deep`)
    if (seen.has(object)) throw new RecordError(`${path} refers to itself (a cycle)`)
    seen.add(object)
    try {
      if (Array.isArray(object))
        return object.map((item, i) => walk(item, `${path}[${i}]`, depth + 1))
      const proto: unknown = Object.getPrototypeOf(object)
      if (proto !== Object.prototype && proto !== null) {
        const kind = (object as { constructor?: { name?: unknown } }).constructor?.name
        throw new RecordError(
          `${path} is ${typeof kind === 'string' && kind ? `a ${kind}` : 'not a plain object'}; use plain objects and arrays`,
        )
      }
      const out: Record<string, Json> = {}
      for (const key of Object.keys(object)) {
        const item = (object as Record<string, unknown>)[key]
        if (item !== undefined) out[key] = walk(item, `${path}.${key}`, depth + 1)
      }
      return out
    } finally {
      seen.delete(object)
    }
  }
  return walk(value, where, 0)
}

/**
 * A call's argument list as JSON: trailing `undefined`s are dropped (an optional argument left out), an
 * `undefined` before a given argument is refused (JSON would turn it into `null`).
 */
export function argsToJson(args: readonly unknown[], call: string): Json[] {
  let end = args.length
  while (end > 0 && args[end - 1] === undefined) end--
  return args.slice(0, end).map((a, i) => toJson(a, `${call}: argument ${i + 1}`))
}
