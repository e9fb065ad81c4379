import { EngineError } from '../errors.ts'

/**
 * @internal Freezes `value` and everything inside it; returns it. For records the world builds
 * itself.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const field of Object.values(value)) deepFreeze(field)
  }
  return value
}

/**
 * @internal A deep-frozen copy of JSON data (objects, arrays, strings, finite numbers, booleans,
 * null), so that nothing the caller keeps can change the world later. Anything else is refused with
 * `INVALID_INPUT` naming where it was found.
 */
export function copyJson(value: unknown, path: string): unknown {
  return copy(value, path, new Set())
}

function copy(value: unknown, path: string, ancestors: Set<object>): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : refuse(path, String(value))
  if (typeof value !== 'object')
    return refuse(path, typeof value === 'bigint' ? 'a bigint' : `a ${typeof value}`)
  if (ancestors.has(value)) return refuse(path, 'a cycle')
  const proto: unknown = Object.getPrototypeOf(value)
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) {
    return refuse(path, 'an object that is not plain (a Map, Date or class instance)')
  }
  ancestors.add(value)
  const result: unknown = Array.isArray(value)
    ? Array.from(value, (item: unknown, i) => copy(item, `${path}[${i}]`, ancestors))
    : Object.fromEntries(
        Object.entries(value)
          .filter(([, field]) => field !== undefined)
          .map(([key, field]) => [key, copy(field, `${path}.${key}`, ancestors)]),
      )
  ancestors.delete(value)
  return Object.freeze(result)
}

function refuse(path: string, what: string): never {
  throw new EngineError(
    'INVALID_INPUT',
    `${path} must be JSON data (objects, arrays, strings, finite numbers, booleans, null); ` +
      `found ${what}`,
  )
}
