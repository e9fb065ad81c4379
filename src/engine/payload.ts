import { EngineError } from './errors.ts'
import { MAX_DEPTH } from './input.ts'

/**
 * Returns, from its constructor, the object it is given: a subclass's private field is then added to
 * that object (ECMAScript's "return override"). That is how {@link Owned} marks an existing object.
 */
class Stamp {
  constructor(object: object) {
    return object as Stamp
  }
}

/**
 * Which payloads the engine made itself: already validated, copied and deep-frozen, so they are passed
 * on without another walk. The mark is a private field on the root of each copy (never on its nested
 * objects), which only this class can add or test (docs/design/semantics.md §10: a caller cannot mark
 * an object as engine-built). A symbol property used to mark them; any caller could read it with
 * `Object.getOwnPropertySymbols` and forge it (or a Proxy could claim it), and the forged object was
 * delivered uncopied and unfrozen. Testing a private field runs no Proxy trap and never throws, even
 * on a revoked Proxy. A WeakSet would keep the mark as private; the private field is chosen because it
 * leaves the garbage collector no table to walk (a WeakSet entry per owned object once made 100,000
 * IDENTIFYs quadratic) and its lookup measured 2-3x cheaper than `WeakSet.has` on a dispatch's path.
 */
class Owned extends Stamp {
  #owned = true

  /** Marks `object` (a fresh copy the engine made, before it is frozen). */
  static mark(object: object): void {
    new Owned(object)
  }

  static has(object: object): boolean {
    return #owned in object
  }
}

/**
 * The engine's own deep-frozen copy of `payload`, validated as JSON data on the way (one walk does
 * both). The caller's object is never touched and no recipient can change what another sees
 * (docs/design/semantics.md §3; litecord mutated shared payloads in place,
 * docs/design/litecord-notes.md bug 4).
 *
 * Refused with `INVALID_PAYLOAD`, before anything is delivered, each with the path where it was found:
 * `undefined` at the top level or in an array, functions, symbols, bigints, non-finite numbers, cycles,
 * objects that are not plain (Map, Date, class instances), getters and setters (reading them would run
 * the caller's code), nesting deeper than {@link MAX_DEPTH} levels, and anything whose reading throws (a
 * revoked or hostile Proxy). `undefined` object properties are dropped, as JSON.stringify does.
 *
 * With `shared` (one simulation's, see {@link LastFlatCopy}), a flat payload equal to the last flat
 * copy made through it gets that copy again.
 */
export function ownPayload(payload: unknown, shared: LastFlatCopy | null = null): unknown {
  if (payload !== null && typeof payload === 'object' && Owned.has(payload)) return payload
  if (payload === undefined) {
    throw new EngineError(
      'INVALID_PAYLOAD',
      'payload must be JSON data; got undefined (use null or {})',
    )
  }
  try {
    return copyFlat(payload, shared) ?? copy(payload, '', 'payload', [], true, false)
  } catch (error) {
    if (error instanceof EngineError) throw error
    throw new EngineError(
      'INVALID_PAYLOAD',
      `payload could not be read (${error instanceof Error ? error.message : String(error)}); ` +
        'payloads are plain JSON data',
    )
  }
}

/**
 * Marks an engine-built value (plain data the engine made from its own records) as owned, so
 * re-dispatching it skips the walk. Trusted: its properties are read directly, without the checks that
 * keep a caller's getters from running.
 */
export function freezeOwned<T>(value: T): T {
  if (value !== null && typeof value === 'object' && Owned.has(value)) return value
  return copy(value, '', 'payload', [], true, true) as T
}

/**
 * The last flat copy {@link copyFlat} made, and the names it was made from. A caller that dispatches
 * the same flat payload again (the same object, or an equal one built afresh) gets that frozen copy
 * back: the engine owns it and no one can change it, so sharing it across dispatches is as exact as a
 * new copy (docs/design/semantics.md §3: how frames are stored is the engine's business), and the
 * frames a session keeps of repeated events then keep one payload between them instead of one each.
 *
 * One per simulation, kept by its record table (recordTable.ts), which forgets it as soon as no open
 * session holds it: a copy remembered here is a payload, and §10 releases payloads that no live
 * session can still read. A module-wide one kept the last flat payload of every simulation alive after
 * all its readers had closed, and after the simulation itself had gone (payloadRelease.probe.test.ts).
 * @internal
 */
export interface LastFlatCopy {
  names: readonly string[]
  copy: Readonly<Record<string, unknown>> | null
}

const NO_NAMES: readonly string[] = []

/**
 * The copy of a caller's flat plain object (most events: a few strings, numbers, booleans and nulls),
 * or `undefined` for anything else, which the full walk then copies (or refuses, with its words). The
 * result is exactly the walk's: same keys in the same order, `-0` as `0`, `undefined` dropped, frozen
 * and marked owned; it only skips the walk's bookkeeping (ancestors, paths), a third of a small
 * dispatch's cost. Read through descriptors like the walk, so no getter runs. While the names and
 * values equal those of the last flat copy, nothing is built, and if they all do, that copy is
 * returned (see {@link LastFlatCopy}).
 */
function copyFlat(payload: unknown, shared: LastFlatCopy | null): object | undefined {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined
  const proto: unknown = Object.getPrototypeOf(payload)
  if (proto !== Object.prototype && proto !== null) return undefined
  const names = Object.keys(payload)
  const last = shared === null ? null : shared.copy
  const lastNames = last === null ? NO_NAMES : (shared as LastFlatCopy).names
  // Null while every name and value so far equals the last copy's: made at the first difference.
  let record: Record<string, unknown> | null =
    last !== null && names.length === lastNames.length ? null : {}
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string
    if (name === '__proto__') return undefined
    const descriptor = Object.getOwnPropertyDescriptor(payload, name)
    if (descriptor === undefined || !descriptor.enumerable || !('value' in descriptor))
      return undefined
    let value: unknown = descriptor.value
    switch (typeof value) {
      case 'string':
      case 'boolean':
      case 'undefined':
        break
      case 'number':
        if (!Number.isFinite(value)) return undefined
        if (value === 0) value = 0
        break
      default:
        if (value !== null) return undefined
    }
    if (record === null) {
      // `===`: the values are primitives, and -0 is already 0. An undefined value was dropped from
      // the copy, where the name then reads undefined too (the copy is the engine's: no getter).
      if (name === lastNames[i] && value === (last as Record<string, unknown>)[name]) continue
      record = {}
      for (let j = 0; j < i; j++) {
        const earlier = names[j] as string
        const kept = (last as Record<string, unknown>)[earlier]
        if (kept !== undefined) record[earlier] = kept
      }
    }
    if (value !== undefined) record[name] = value
  }
  if (record === null) return last as object
  Owned.mark(record)
  Object.freeze(record)
  if (shared !== null) {
    shared.names = names
    shared.copy = record
  }
  return record
}

/**
 * Marks a value the engine just assembled from frozen engine data (shared owned parts, frozen arrays of
 * them, primitives) as owned, and freezes it, without the walk `freezeOwned` makes: IDENTIFY's READY and
 * GUILD_CREATE, whose bulk is shared parts, were copied again for every session. Only for values whose
 * every nested object is already frozen and the engine's own.
 */
export function ownedOf<T extends object>(value: T): T {
  Owned.mark(value)
  return Object.freeze(value)
}

function refuse(path: string, what: string): never {
  throw new EngineError(
    'INVALID_PAYLOAD',
    `payload must be JSON data (objects, arrays, strings, finite numbers, booleans, null); ` +
      `found ${what} at ${path}`,
  )
}

/** `payload.a.b[3]`: built only for objects (their children's errors) and for errors, never per leaf. */
function pathOf(parent: string, key: string | number): string {
  return typeof key === 'number' ? `${parent}[${key}]` : parent === '' ? key : `${parent}.${key}`
}

/**
 * The copy walk. `ancestors` is the chain of objects being copied (a cycle is a repeat in it): an array
 * with a linear search, cheaper than a Set at JSON's usual depths. Strings and booleans, most of a
 * payload's leaves, are copied inline. IDENTIFY at scale spends most of its time here (GUILD_CREATE).
 */
function copy(
  value: unknown,
  parent: string,
  key: string | number,
  ancestors: object[],
  root: boolean,
  trusted: boolean,
): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value
    case 'number':
      // JSON has no -0: normalise it so the copy equals the JSON round trip.
      return Number.isFinite(value)
        ? value === 0
          ? 0
          : value
        : refuse(pathOf(parent, key), String(value))
    case 'bigint':
      return refuse(pathOf(parent, key), `a bigint (${value}n); send ids as decimal strings`)
    case 'function':
      return refuse(pathOf(parent, key), 'a function')
    case 'symbol':
      return refuse(pathOf(parent, key), 'a symbol')
    case 'undefined':
      return refuse(pathOf(parent, key), 'undefined')
  }
  if (value === null) return null
  const object = value as object
  if (Owned.has(object)) return object
  const path = pathOf(parent, key)
  if (ancestors.includes(object)) refuse(path, 'a cycle (an object that contains itself)')
  if (ancestors.length >= MAX_DEPTH) refuse(path, `nesting deeper than ${MAX_DEPTH} levels`)
  const isArray = Array.isArray(object)
  const proto: unknown = Object.getPrototypeOf(object)
  if (proto !== (isArray ? Array.prototype : Object.prototype) && proto !== null) {
    refuse(path, `${kindOf(proto)} (only plain objects and arrays are JSON)`)
  }
  ancestors.push(object)
  let result: object
  if (isArray) {
    // A caller's array is read through its property descriptors: a getter is refused, never run.
    const fields = trusted ? null : dataFields(object, path)
    const length = (object as unknown[]).length
    const source = fields ?? (object as unknown as Record<number, unknown>)
    const array: unknown[] = new Array(length)
    for (let i = 0; i < length; i++) {
      const item = source[i]
      if (typeof item === 'string') array[i] = item
      else if (item === undefined && !(i in source))
        refuse(`${path}[${i}]`, 'a hole in a sparse array')
      else array[i] = copy(item, path, i, ancestors, false, trusted)
    }
    result = array
  } else {
    const record: Record<string, unknown> = {}
    const names = Object.keys(object)
    const values = trusted ? null : fieldValues(object, names, path)
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string
      const field = values === null ? (object as Record<string, unknown>)[name] : values[i]
      if (field === undefined) continue
      const value =
        typeof field === 'string' ? field : copy(field, path, name, ancestors, false, trusted)
      // An own "__proto__" key (JSON.parse makes one) must stay data, not become the prototype.
      if (name === '__proto__') {
        Object.defineProperty(record, name, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        })
      } else record[name] = value
    }
    result = record
  }
  ancestors.pop()
  if (root) Owned.mark(result)
  Object.freeze(result)
  return result
}

/** "a Date", "a Point": the class of a non-plain object, read from descriptors (no getter runs). */
function kindOf(proto: unknown): string {
  const ctor: unknown =
    proto !== null && typeof proto === 'object'
      ? Object.getOwnPropertyDescriptor(proto, 'constructor')?.value
      : undefined
  const name: unknown =
    typeof ctor === 'function' ? Object.getOwnPropertyDescriptor(ctor, 'name')?.value : undefined
  return typeof name === 'string' && name !== '' ? `a ${name}` : 'an object that is not plain'
}

/**
 * The values of a caller's object's own enumerable properties `names` (its `Object.keys`), in order,
 * read from their descriptors so that no getter runs; a getter or setter is refused before any value
 * is copied. One descriptor per key: `Object.getOwnPropertyDescriptors` and a null-prototype record
 * of them made a small payload's copy cost about 2 µs, most of a dispatch to one session. A key whose
 * descriptor has gone (a Proxy that lies) reads as `undefined`, which the copy drops.
 */
function fieldValues(object: object, names: readonly string[], path: string): unknown[] {
  const values: unknown[] = new Array(names.length)
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string
    const descriptor = Object.getOwnPropertyDescriptor(object, name)
    if (descriptor === undefined || !descriptor.enumerable) continue
    if (!('value' in descriptor)) {
      refuse(`${path}.${name}`, 'a getter or setter (reading it would run code)')
    }
    values[i] = descriptor.value
  }
  return values
}

/**
 * The own enumerable data properties of a caller's array, by key, read from their descriptors so that
 * no getter runs; a getter or setter is refused.
 */
function dataFields(object: object, path: string): Record<string, unknown> {
  const descriptors = Object.getOwnPropertyDescriptors(object) as Record<string, PropertyDescriptor>
  const fields: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  for (const name of Object.keys(descriptors)) {
    const descriptor = descriptors[name] as PropertyDescriptor
    if (!descriptor.enumerable) continue
    if (!('value' in descriptor)) {
      refuse(`${path}.${name}`, 'a getter or setter (reading it would run code)')
    }
    fields[name] = descriptor.value
  }
  return fields
}
