import { BACKEND_NAMES, type Backends } from './backends/index.ts'
import { OutgoingEvent } from './backends/event.ts'
import { RecordTable, type Session } from './gateway/session.ts'
import { appendReached, Fanout, FilterFailure, type SessionFilter } from './backends/fanout.ts'
import type { Backend, BackendContext } from './backends/types.ts'
import { EngineError } from './errors.ts'
import { describeValue } from './ids.ts'
import { ownPayload } from './payload.ts'
import type { BackendName, DispatchResult, Key, SkipReason } from './types.ts'

/** litecord's `EventDispatcher` (litecord/dispatcher.py): routes by backend name. */
export interface EventDispatcher {
  /** Fans one event out through a backend (spec/semantics.md §4). Validates everything first. */
  dispatch(backend: BackendName, key: Key, type: string, payload: unknown): DispatchResult
  /** One dispatch per key, in order, with no de-duplication across keys. */
  dispatchMany(backend: BackendName, keys: Key[], type: string, payload: unknown): DispatchResult[]
  /** Only sessions for which `filter(sessionId)` is true; the others are skipped with `filter`. */
  dispatchFilter(
    backend: BackendName,
    key: Key,
    filter: (sessionId: string) => boolean,
    type: string,
    payload: unknown,
  ): DispatchResult
  /**
   * For each key in order, dispatches to the sessions not yet in `sessionIds` and appends those reached
   * (delivered or buffered): each session gets the event at most once. Returns the same array.
   */
  dispatchManyFilterList(
    backend: BackendName,
    keys: Key[],
    sessionIds: string[],
    type: string,
    payload: unknown,
  ): string[]
  /** Subscribes a session (for `friend`, a user id) to a key; idempotent. */
  sub(backend: BackendName, key: Key, id: string): void
  /** Unsubscribes; an absent id is a no-op. */
  unsub(backend: BackendName, key: Key, id: string): void
  subMany(backend: BackendName, key: Key, ids: string[]): void
  /** The key's subscribers: session ids (user ids for `friend`). */
  subscribers(backend: BackendName, key: Key): string[]
  /** The keys of a backend that have subscribers now, in the order they first got one. */
  topics(backend: BackendName): string[]
  /** On demand: sessions that could have been reached but were not subscribed (spec §4, §10). */
  explain(result: DispatchResult): { sessionId: string; reason: 'not-subscribed' }[]
}

/** @internal Options of an internal send. */
export interface SendOptions {
  filter?: SessionFilter | null
  /** A per-session view of the payload (frozen, engine-owned), replacing the default views. */
  view?: ((session: Session) => unknown) | null
}

/** @internal One session of `sendEach`: its own payload, or the reason it gets nothing. */
export type EachTarget = readonly [Session, unknown] | readonly [Session, null, SkipReason]

/** @internal What actions and the gateway use: dispatch of already-owned payloads, canonical keys. */
export interface EventDispatcherInternal extends EventDispatcher {
  send(
    backend: BackendName,
    key: string,
    type: string,
    payload: unknown,
    options?: SendOptions,
  ): DispatchResult
  /**
   * Sends each session its own payload (member-list updates: every session gets the ops for its
   * ranges), reported as one dispatch through `backend`. Sessions not listed were not considered.
   */
  sendEach(
    backend: BackendName,
    key: string,
    type: string,
    targets: readonly EachTarget[],
  ): DispatchResult
  /** Runs `fn` and returns every DispatchResult made meanwhile, in order (an action's results). */
  collect(fn: () => void): DispatchResult[]
  /** The id the next dispatch's inspection event gets (snapshots). */
  nextDispatchId: number
  /** How many dispatch records some open session still holds (tests: closed sessions leave none). */
  retainedRecords(): number
}

const EVENT_TYPE = /^[A-Z][A-Z0-9_]*$/

export function createEventDispatcher(
  ctx: BackendContext,
  backends: Backends,
): EventDispatcherInternal {
  /** Open `collect` calls, innermost last: each gets every result made while it runs. */
  const collectors: DispatchResult[][] = []
  /** What the fan-outs sent: sessions keep indexes into it (see session.ts `RecordTable`). */
  const records = new RecordTable()

  function backendOf(name: unknown): Backend {
    if (typeof name === 'string' && Object.hasOwn(backends, name)) {
      return backends[name as BackendName]
    }
    throw new EngineError(
      'UNKNOWN_BACKEND',
      `unknown backend ${describeValue(name)}; the backends are ${BACKEND_NAMES.join(', ')}`,
    )
  }

  function keyOf(backend: Backend, key: unknown): string {
    const parsed = backend.parseKey(key as Key)
    if (parsed !== undefined) return parsed
    throw new EngineError(
      'INVALID_KEY',
      `the ${backend.name} backend takes ${backend.keyShape}: decimal digits with no leading zero ` +
        `(or a bigint / safe integer), at most 2^64 − 1; got ${describeValue(key)}`,
    )
  }

  function checkType(type: unknown): string {
    if (typeof type === 'string' && EVENT_TYPE.test(type)) return type
    throw new EngineError(
      'INVALID_EVENT_TYPE',
      `an event type is upper-case letters, digits and underscores, starting with a letter ` +
        `(e.g. GUILD_UPDATE); got ${describeValue(type)}`,
    )
  }

  function checkFilter(filter: unknown): SessionFilter {
    if (typeof filter === 'function') return filter as SessionFilter
    throw new EngineError(
      'INVALID_FILTER',
      `a filter is a function (sessionId) => boolean; got ${describeValue(filter)}`,
    )
  }

  function checkKeys(backend: Backend, keys: unknown): string[] {
    if (!Array.isArray(keys)) {
      throw new EngineError(
        'INVALID_KEY',
        `keys must be an array of keys; got ${describeValue(keys)}`,
      )
    }
    return keys.map((k) => keyOf(backend, k))
  }

  /** Runs one validated fan-out, freezes its result and reports it to the inspection stream. */
  function run(
    backend: Backend,
    key: string,
    type: string,
    payload: unknown,
    filter: SessionFilter | null,
    view: ((session: Session) => unknown) | null = null,
  ): DispatchResult {
    const out = new Fanout(filter)
    let failure: FilterFailure | undefined
    try {
      const channelId = backend.name === 'channel' ? key : null
      const event = new OutgoingEvent(type, payload, ctx.world, records, view, channelId)
      backend.fanout(key, event, out)
    } catch (error) {
      if (!(error instanceof FilterFailure)) throw error
      failure = error
    }
    const result: DispatchResult = Object.freeze({
      backend: backend.name,
      key,
      type,
      delivered: Object.freeze(out.delivered),
      buffered: Object.freeze(out.buffered),
      skipped: Object.freeze(out.skipped),
    })
    const id = dispatcher.nextDispatchId++
    for (const collected of collectors) collected.push(result)
    if (ctx.inspector.active) {
      ctx.inspector.emit({
        type: 'dispatch',
        id,
        backend: backend.name,
        key,
        eventType: type,
        payload,
        result,
        cause: ctx.inspector.cause,
      })
    }
    if (failure) {
      throw new EngineError(
        'FILTER_FAILED',
        `the dispatchFilter filter threw (${failure.message}); deliveries made before it stand ` +
          `(error.detail holds the partial result). A filter must return a boolean and never throw.`,
        result,
      )
    }
    return result
  }

  const dispatcher: EventDispatcherInternal = {
    nextDispatchId: 1,
    dispatch(backendName, key, type, payload) {
      const backend = backendOf(backendName)
      const k = keyOf(backend, key)
      const t = checkType(type)
      return run(backend, k, t, ownPayload(payload), null)
    },
    dispatchMany(backendName, keys, type, payload) {
      const backend = backendOf(backendName)
      const ks = checkKeys(backend, keys)
      const t = checkType(type)
      const d = ownPayload(payload)
      return ks.map((k) => run(backend, k, t, d, null))
    },
    dispatchFilter(backendName, key, filter, type, payload) {
      const backend = backendOf(backendName)
      const k = keyOf(backend, key)
      const f = checkFilter(filter)
      const t = checkType(type)
      return run(backend, k, t, ownPayload(payload), f)
    },
    dispatchManyFilterList(backendName, keys, sessionIds, type, payload) {
      const backend = backendOf(backendName)
      const ks = checkKeys(backend, keys)
      checkSessionList(sessionIds)
      const t = checkType(type)
      const d = ownPayload(payload)
      const seen = new Set(sessionIds)
      const notYetReached = (id: string) => !seen.has(id)
      for (const k of ks) appendReached(run(backend, k, t, d, notYetReached), sessionIds, seen)
      return sessionIds
    },
    sub(backendName, key, id) {
      const backend = backendOf(backendName)
      listsOf(backend).sub(keyOf(backend, key), id)
    },
    unsub(backendName, key, id) {
      const backend = backendOf(backendName)
      listsOf(backend).unsub(keyOf(backend, key), id)
    },
    subMany(backendName, key, ids) {
      const backend = backendOf(backendName)
      const lists = listsOf(backend)
      const k = keyOf(backend, key)
      if (!Array.isArray(ids)) {
        throw new EngineError(
          'INVALID_SESSION_LIST',
          `ids must be an array; got ${describeValue(ids)}`,
        )
      }
      // Validate every id before subscribing any, so a bad id changes nothing.
      for (const id of ids) lists.check(k, id)
      for (const id of ids) lists.sub(k, id)
    },
    subscribers(backendName, key) {
      const backend = backendOf(backendName)
      return backend.subscribers(keyOf(backend, key))
    },
    topics(backendName) {
      return backendOf(backendName).keys()
    },
    explain(result) {
      const backend = backendOf((result as { backend?: unknown } | null)?.backend)
      const considered = new Set<string>([
        ...result.delivered,
        ...result.buffered,
        ...result.skipped.map((s) => s.sessionId),
      ])
      return backend
        .unconsidered(result.key, considered)
        .map((sessionId) => ({ sessionId, reason: 'not-subscribed' as const }))
    },
    send(backendName, key, type, payload, options = {}) {
      return run(
        backends[backendName],
        key,
        type,
        payload,
        options.filter ?? null,
        options.view ?? null,
      )
    },
    sendEach(backendName, key, type, targets) {
      const payloads = new Map<Session, unknown>()
      for (const [session, payload] of targets) payloads.set(session, payload)
      const only: Backend = {
        ...backends[backendName],
        fanout: (_key, event, out) => {
          for (const [session, , reason] of targets) {
            if (reason === undefined) out.send(session, event)
            else out.skip(session, reason)
          }
        },
      }
      const first = targets.find((t) => t[2] === undefined)?.[1] ?? null
      return run(only, key, type, first, null, (s) => payloads.get(s))
    },
    retainedRecords: () => records.size,
    collect(fn) {
      const collected: DispatchResult[] = []
      collectors.push(collected)
      try {
        fn()
      } finally {
        collectors.splice(collectors.lastIndexOf(collected), 1)
      }
      return collected
    },
  }
  return dispatcher
}

/**
 * `dispatchManyFilterList` extends the caller's own array, so it must be one the engine can extend: a
 * plain, extensible array of strings held in data properties. Checked before any delivery (semantics
 * §10), reading through descriptors so that no getter runs; anything that throws on reading is refused
 * the same way.
 */
function checkSessionList(sessionIds: unknown): void {
  const refuse = (why: string): never => {
    throw new EngineError(
      'INVALID_SESSION_LIST',
      `sessionIds must be a plain array of session id strings that the call can extend (often []); ${why}`,
    )
  }
  let problem: string | null
  try {
    problem = sessionListProblem(sessionIds)
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
  return null
}

function listsOf(backend: Backend) {
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
