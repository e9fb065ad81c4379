import { EngineError } from './errors.ts'

/**
 * How deeply nested an input or a payload may be: objects and arrays within each other, the
 * outermost counting as 1. Discord's own payloads nest a handful of levels; a limit keeps a hostile
 * payload from exhausting the stack (docs/design/semantics.md §10: refused with `EngineError`,
 * never a RangeError).
 */
export const MAX_DEPTH = 64

/**
 * The engine's own copy of one argument of a public call, read once, before anything else happens
 * (docs/design/semantics.md §10: input that cannot be read without running user code is refused
 * before any effect). Primitives come back as they are (bigints too: snowflakes and bitfields may
 * be bigints). Plain objects and arrays are copied, own enumerable data properties only, so nothing
 * the engine validates can change under it afterwards. Functions and symbols come back as they are,
 * unread, for the validators to refuse with their own words.
 *
 * Refused with `EngineError` `INVALID_INPUT`, naming where: a getter or setter (reading it would run
 * user code), an object that is not plain (a Map, a Date, a class instance, whose prototype could run
 * code), a cycle, nesting deeper than {@link MAX_DEPTH}, and anything whose reading throws (a revoked or
 * hostile Proxy).
 */
export function readInput(value: unknown, what: string): unknown {
  if (value === null || typeof value !== 'object') return value
  try {
    return copy(value, what, [])
  } catch (error) {
    if (error instanceof EngineError) throw error
    throw new EngineError(
      'INVALID_INPUT',
      `${what} could not be read (${error instanceof Error ? error.message : String(error)}); ` +
        'give plain data: objects, arrays, strings, numbers, booleans, null',
    )
  }
}

function copy(value: object, path: string, ancestors: object[]): unknown {
  if (ancestors.includes(value)) refuse(path, 'a cycle (an object that contains itself)')
  if (ancestors.length >= MAX_DEPTH) refuse(path, `nesting deeper than ${MAX_DEPTH} levels`)
  const array = Array.isArray(value)
  const proto: unknown = Object.getPrototypeOf(value)
  if (proto !== (array ? Array.prototype : Object.prototype) && proto !== null) {
    refuse(path, 'an object that is not plain (a Map, Date or class instance)')
  }
  ancestors.push(value)
  const descriptors = Object.getOwnPropertyDescriptors(value) as Record<string, PropertyDescriptor>
  const read = (key: string, at: string): unknown => {
    const descriptor = descriptors[key]
    if (descriptor === undefined) return undefined
    if (!('value' in descriptor)) refuse(at, 'a getter or setter (reading it would run code)')
    const field: unknown = descriptor.value
    return field !== null && typeof field === 'object' ? copy(field, at, ancestors) : field
  }
  let result: unknown
  if (array) {
    const length = (value as unknown[]).length
    const items: unknown[] = new Array(length)
    for (let i = 0; i < length; i++) items[i] = read(String(i), `${path}[${i}]`)
    result = items
  } else {
    const record: Record<string, unknown> = {}
    for (const key of Object.keys(descriptors)) {
      if (!descriptors[key]?.enumerable) continue
      // defineProperty: an own "__proto__" key stays data instead of becoming the prototype.
      Object.defineProperty(record, key, {
        value: read(key, `${path}.${key}`),
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
    result = record
  }
  ancestors.pop()
  return result
}

function refuse(path: string, what: string): never {
  throw new EngineError('INVALID_INPUT', `${path}: ${what}`)
}
