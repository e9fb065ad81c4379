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
  // One descriptor per own key, read once each (what `getOwnPropertyDescriptors` reads, without the
  // object of every descriptor, which V8 keeps in its slow dictionary form: copying an IDENTIFY's
  // three-field input cost about 8 µs that way). A field's path is built only when it is needed (a
  // refusal, or a nested object to copy).
  let result: unknown
  if (array) {
    const length = (value as unknown[]).length
    const items: unknown[] = new Array(length)
    for (let i = 0; i < length; i++) {
      const descriptor = Object.getOwnPropertyDescriptor(value, String(i))
      items[i] =
        descriptor === undefined ? undefined : field(descriptor, path, String(i), i, ancestors)
    }
    result = items
  } else {
    const record: Record<string, unknown> = {}
    for (const key of Reflect.ownKeys(value)) {
      if (typeof key !== 'string') continue
      const descriptor = Object.getOwnPropertyDescriptor(value, key)
      if (descriptor === undefined || !descriptor.enumerable) continue
      const copied = field(descriptor, path, key, -1, ancestors)
      // defineProperty: an own "__proto__" key stays data instead of becoming the prototype.
      if (key === '__proto__') {
        Object.defineProperty(record, key, {
          value: copied,
          enumerable: true,
          writable: true,
          configurable: true,
        })
      } else record[key] = copied
    }
    result = record
  }
  ancestors.pop()
  return result
}

/** One field's value, read from its descriptor: data only; objects and arrays copied in turn. */
function field(
  descriptor: PropertyDescriptor,
  path: string,
  key: string,
  index: number,
  ancestors: object[],
): unknown {
  if (!('value' in descriptor)) {
    refuse(fieldPath(path, key, index), 'a getter or setter (reading it would run code)')
  }
  const value: unknown = descriptor.value
  return value !== null && typeof value === 'object'
    ? copy(value, fieldPath(path, key, index), ancestors)
    : value
}

/** Where a field is, for a refusal: `path[i]` for an array's item (`index` ≥ 0), `path.key` otherwise. */
function fieldPath(path: string, key: string, index: number): string {
  return index >= 0 ? `${path}[${index}]` : `${path}.${key}`
}

function refuse(path: string, what: string): never {
  throw new EngineError('INVALID_INPUT', `${path}: ${what}`)
}
