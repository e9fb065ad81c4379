import type { Backends } from './backends/index.ts'
import { BACKEND_NAMES } from './backends/index.ts'
import type { SessionFilter } from './backends/fanout.ts'
import type { Backend } from './backends/types.ts'
import { EngineError } from './errors.ts'
import { describeValue } from './ids.ts'
import type { BackendName, DispatchResult, Key } from './types.ts'

/**
 * The dispatcher's checks of its arguments (docs/design/semantics.md §4): each returns the
 * canonical value or throws the EngineError that names what was wrong and what would be right. All
 * run before a fan-out.
 */

const EVENT_TYPE = /^[A-Z][A-Z0-9_]*$/

export function backendOf(backends: Backends, name: unknown): Backend {
  if (typeof name === 'string' && Object.hasOwn(backends, name)) {
    return backends[name as BackendName]
  }
  throw new EngineError(
    'UNKNOWN_BACKEND',
    `unknown backend ${describeValue(name)}; the backends are ${BACKEND_NAMES.join(', ')}`,
  )
}

export function keyOf(backend: Backend, key: unknown): string {
  const parsed = backend.parseKey(key as Key)
  if (parsed !== undefined) return parsed
  throw new EngineError(
    'INVALID_KEY',
    `the ${backend.name} backend takes ${backend.keyShape}: decimal digits with no leading zero ` +
      `(or a bigint / safe integer), at most 2^64 − 1; got ${describeValue(key)}`,
  )
}

/** The last event type found valid: most dispatches repeat the type of the one before. */
let lastType = 'READY' // a valid type, so the first comparison can only match a valid one

export function checkType(type: unknown): string {
  if (type === lastType) return lastType
  if (typeof type === 'string' && EVENT_TYPE.test(type)) return (lastType = type)
  throw new EngineError(
    'INVALID_EVENT_TYPE',
    `an event type is upper-case letters, digits and underscores, starting with a letter ` +
      `(e.g. GUILD_UPDATE); got ${describeValue(type)}`,
  )
}

export function checkFilter(filter: unknown): SessionFilter {
  if (typeof filter === 'function') return filter as SessionFilter
  throw new EngineError(
    'INVALID_FILTER',
    `a filter is a function (sessionId) => boolean; got ${describeValue(filter)}`,
  )
}

export function checkKeys(backend: Backend, keys: unknown): string[] {
  if (!Array.isArray(keys)) {
    throw new EngineError(
      'INVALID_KEY',
      `keys must be an array of keys; got ${describeValue(keys)}`,
    )
  }
  return keys.map((k) => keyOf(backend, k))
}

/**
 * `dispatchManyFilterList` extends the caller's own array, so it must be one the engine can extend: a
 * plain, extensible array of strings held in data properties, with nothing else on it, and not a Proxy
 * (`Array.isArray` is true for a Proxy over an array, whose `set` trap could throw after delivery or
 * drop the writes so that the returned list lies). Checked before any delivery
 * (docs/design/semantics.md §10), reading through descriptors so that no getter runs; anything that
 * throws on reading is refused the same way.
 */
export function checkSessionList(sessionIds: unknown): void {
  const refuse = (why: string): never => {
    throw new EngineError(
      'INVALID_SESSION_LIST',
      `sessionIds must be a plain array of session id strings that the call can extend (often []); ${why}`,
    )
  }
  let problem: string | null
  try {
    problem = sessionListProblem(sessionIds)
    if (problem === null && isProxy(sessionIds as object)) {
      problem = 'got a Proxy (pass the array itself)'
    }
  } catch (error) {
    problem = `reading it threw (${error instanceof Error ? error.message : String(error)})`
  }
  if (problem !== null) refuse(problem)
}

function sessionListProblem(sessionIds: unknown): string | null {
  if (!Array.isArray(sessionIds) || Object.getPrototypeOf(sessionIds) !== Array.prototype) {
    return `got ${describeValue(sessionIds)}`
  }
  if (!Object.isExtensible(sessionIds)) return 'got a frozen, sealed or non-extensible array'
  if (!Object.getOwnPropertyDescriptor(sessionIds, 'length')?.writable) {
    return 'got an array whose length cannot change'
  }
  for (let i = 0; i < sessionIds.length; i++) {
    const d = Object.getOwnPropertyDescriptor(sessionIds, i)
    if (!d || !('value' in d) || typeof d.value !== 'string') return `item ${i} is not a string`
  }
  // Its items and `length`, nothing else: then cloning it (isProxy) reads only strings.
  if (Reflect.ownKeys(sessionIds).length !== sessionIds.length + 1) {
    return 'got an array with properties other than its items'
  }
  return null
}

/** The host's structured clone (HTML; Node ≥ 17; workers): looked up at run time, the engine's lib has none. */
type StructuredClone = (value: unknown) => unknown

/**
 * True when `list` (a plain-looking array of strings) is a Proxy. ECMAScript makes a Proxy
 * indistinguishable from its target to every check a script can make; the HTML structured clone
 * algorithm refuses every Proxy exotic object outright (DataCloneError) without running a trap, and
 * clones a real array of strings without running any code. Where the host has no structured clone, a
 * Proxy whose traps agree with its target while it is checked is not caught.
 */
function isProxy(list: object): boolean {
  const clone = (globalThis as { structuredClone?: StructuredClone }).structuredClone
  if (typeof clone !== 'function') return false
  try {
    clone(list)
    return false
  } catch {
    return true
  }
}

export function listsOf(backend: Backend) {
  if (backend.lists) return backend.lists
  if (backend.name === 'lazy_guild') {
    throw new EngineError(
      'USE_OP_14',
      'lazy_guild subscriptions are member-list ranges: request them with gateway.requestMemberList ' +
        '(op 14), not sub/unsub',
    )
  }
  throw new EngineError(
    'NO_SUBSCRIBERS',
    `the ${backend.name} backend keeps no subscriber list: it reaches ` +
      (backend.name === 'member'
        ? "the user's sessions serving the guild's shard"
        : 'every session of the user') +
      '; dispatch to it directly',
  )
}

/**
 * `explain` takes a DispatchResult as `dispatch` returned it (a copy will do): anything else is
 * `INVALID_INPUT`, never a TypeError from reading it.
 */
export function checkResult(result: unknown): asserts result is DispatchResult {
  const r = result as Record<string, unknown> | null
  const fail = (what: string, value: unknown): never => {
    throw new EngineError(
      'INVALID_INPUT',
      `explain takes a DispatchResult returned by dispatch(): ${what}, got ${describeValue(value)}`,
    )
  }
  if (typeof r !== 'object' || r === null || Array.isArray(r)) fail('result must be an object', r)
  const ids = (name: 'delivered' | 'buffered') => {
    const list = r![name]
    if (!Array.isArray(list) || !list.every((id) => typeof id === 'string'))
      fail(`result.${name} must be an array of session ids`, list)
  }
  ids('delivered')
  ids('buffered')
  const skipped = r!['skipped']
  const isSkip = (s: unknown) =>
    typeof s === 'object' &&
    s !== null &&
    typeof (s as { sessionId?: unknown }).sessionId === 'string'
  if (!Array.isArray(skipped) || !skipped.every(isSkip))
    fail('result.skipped must be an array of { sessionId, reason }', skipped)
  if (typeof r!['key'] !== 'string') fail('result.key must be the dispatch key', r!['key'])
}
