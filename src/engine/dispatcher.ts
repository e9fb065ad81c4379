import type { Backends } from './backends/index.ts'
import { OutgoingEvent } from './backends/event.ts'
import { RecordTable } from './gateway/recordTable.ts'
import type { Session } from './gateway/session.ts'
import { appendReached, Fanout, FilterFailure, type SessionFilter } from './backends/fanout.ts'
import type { Backend, BackendContext } from './backends/types.ts'
import {
  backendOf,
  checkFilter,
  checkKeys,
  checkResult,
  checkSessionList,
  checkType,
  keyOf,
  listsOf,
} from './dispatchChecks.ts'
import { EngineError } from './errors.ts'
import { describeValue } from './ids.ts'
import { ownPayload } from './payload.ts'
import type { BackendName, DispatchResult, Key, SkipReason } from './types.ts'

/**
 * litecord's `EventDispatcher` (litecord/dispatcher.py): routes `(backend, key, type, payload)` to one
 * of six backends. Every call validates everything first; a refused call delivers to nobody.
 */
export interface EventDispatcher {
  /**
   * Fans one event out through a backend. Everything is checked first: an unknown backend, a key that
   * is not a snowflake (for `member`, a `[guildId, userId]` pair), a type that is not upper-case
   * letters, digits and underscores, or a payload that is not JSON data is refused with `EngineError`
   * (`UNKNOWN_BACKEND`, `INVALID_KEY`, `INVALID_EVENT_TYPE`, `INVALID_PAYLOAD`) and nothing happens.
   * Then each session the backend considers is `delivered`, `buffered` (disconnected) or `skipped`
   * with the first check it failed, in the order filter, shard, intents, permission, send
   * ([why a session was skipped](/docs/dispatcher#why-a-session-was-skipped)).
   *
   * @example
   * const result = sim.dispatcher.dispatch('guild', guild.id, 'GUILD_UPDATE', { id: guild.id, name: 'New' })
   * result.delivered // session ids whose socket got { op: 0, t: 'GUILD_UPDATE', s, d }
   * result.skipped // e.g. [{ sessionId, reason: 'intents' }] for a session without GUILDS
   */
  dispatch(backend: BackendName, key: Key, type: string, payload: unknown): DispatchResult
  /**
   * One dispatch per key, in order, with no de-duplication across keys: a session subscribed under
   * two keys gets the event twice.
   *
   * @example
   * sim.dispatcher.dispatchMany('channel', [general.id, random.id], 'CHANNEL_PINS_UPDATE', {})
   */
  dispatchMany(backend: BackendName, keys: Key[], type: string, payload: unknown): DispatchResult[]
  /**
   * Only sessions for which `filter(sessionId)` is true; the others are skipped with `filter`. The
   * filter runs during the fan-out and must not throw (if it does: `FILTER_FAILED`, with the partial
   * result in `error.detail`). It may read the engine; a call that would change it is refused
   * (`REENTRANT_CALL`) while the dispatch runs.
   *
   * @example
   * // Everyone in the guild but the sender's own sessions, as litecord's presence does:
   * const own = new Set(sim.states.userStates(alice.id).map((s) => s.sessionId))
   * sim.dispatcher.dispatchFilter('guild', guild.id, (id) => !own.has(id), 'PRESENCE_UPDATE', presence)
   */
  dispatchFilter(
    backend: BackendName,
    key: Key,
    filter: (sessionId: string) => boolean,
    type: string,
    payload: unknown,
  ): DispatchResult
  /**
   * For each key in order, dispatches to the sessions not yet in `sessionIds` and appends those reached
   * (delivered, buffered, or whose send failed: that frame waits in its resume buffer): each session gets
   * the event at most once, across a resume too. Returns the same array, which must be a plain array the
   * call can extend (checked before anything is delivered).
   *
   * @example
   * // GUILD_MEMBER_UPDATE once per session across every guild the user is in (litecord's
   * // mass_user_update):
   * const reached: string[] = []
   * sim.dispatcher.dispatchManyFilterList('guild', guildIds, reached, 'GUILD_MEMBER_UPDATE', member)
   */
  dispatchManyFilterList(
    backend: BackendName,
    keys: Key[],
    sessionIds: string[],
    type: string,
    payload: unknown,
  ): string[]
  /**
   * Subscribes a session (for `friend`, a user id) to a key; idempotent. `member` and `user` keep no
   * lists (`NO_SUBSCRIBERS`); `lazy_guild` ranges come from op 14 (`USE_OP_14`).
   *
   * @example
   * sim.dispatcher.sub('guild', guild.id, session.sessionId)
   */
  sub(backend: BackendName, key: Key, id: string): void
  /** Unsubscribes; an absent id is a no-op. */
  unsub(backend: BackendName, key: Key, id: string): void
  /** Subscribes several ids; every id is checked before any is subscribed. */
  subMany(backend: BackendName, key: Key, ids: string[]): void
  /** The key's subscribers: session ids (user ids for `friend`). */
  subscribers(backend: BackendName, key: Key): string[]
  /** The keys of a backend that have subscribers now, in the order they first got one. */
  topics(backend: BackendName): string[]
  /**
   * On demand: sessions that could have been reached but were not subscribed, with reason
   * `not-subscribed`, read from the world as it is now: for `guild`, the sessions of the guild's
   * members; for a guild `channel`, those of users who can view it; for a DM, the recipients'. For
   * `member`, `user` and `friend` every relevant session was considered, so it returns nothing.
   * Never computed during a fan-out.
   *
   * @example
   * sim.dispatcher.explain(sim.dispatcher.dispatch('guild', guild.id, 'GUILD_UPDATE', {}))
   */
  explain(result: DispatchResult): { sessionId: string; reason: 'not-subscribed' }[]
}

/** @internal Options of an internal send. */
export interface SendOptions {
  filter?: SessionFilter | null
  /** The engine's own filter over sessions, for filters that read the session (no lookup by id). */
  only?: ((session: Session) => boolean) | null
  /** A per-session view of the payload (frozen, engine-owned), replacing the default views. */
  view?: ((session: Session) => unknown) | null
}

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
   * ranges), reported as one dispatch through `backend`: `sessions[i]` gets `payloads[i]`, or is
   * skipped with `skipReason` where that is null. Sessions not listed were not considered. Parallel
   * arrays, not a pair per session: a presence change sends to 100,000 list holders.
   */
  sendEach(
    backend: BackendName,
    key: string,
    type: string,
    sessions: readonly Session[],
    payloads: readonly unknown[],
    skipReason: SkipReason,
  ): DispatchResult
  /** Runs `fn` and returns every DispatchResult made meanwhile, in order (an action's results). */
  collect(fn: () => void): DispatchResult[]
  /** The id the next dispatch's inspection event gets (snapshots). */
  nextDispatchId: number
  /** How many dispatch records some open session still holds (tests: closed sessions leave none). */
  retainedRecords(): number
}

export function createEventDispatcher(
  ctx: BackendContext,
  backends: Backends,
): EventDispatcherInternal {
  /** Open `collect` calls, innermost last: each gets every result made while it runs. */
  const collectors: DispatchResult[][] = []
  /** What the fan-outs sent: sessions keep indexes into it (see session.ts `RecordTable`). */
  const records = new RecordTable()

  /** Runs one validated fan-out, freezes its result and reports it to the inspection stream. */
  function run(
    backend: Backend,
    key: string,
    type: string,
    payload: unknown,
    filter: SessionFilter | null,
    view: ((session: Session) => unknown) | null = null,
    only: ((session: Session) => boolean) | null = null,
  ): DispatchResult {
    const out = new Fanout(filter, only)
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
      delivered: out.deliveredList(),
      buffered: out.bufferedList(),
      skipped: out.skippedList(),
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
        `the dispatchFilter filter threw (${causeOf(failure)}); deliveries made before it stand ` +
          `(error.detail holds the partial result). A filter must return a boolean and never throw.`,
        result,
      )
    }
    return result
  }

  /**
   * `value`, once the record table has forgotten a flat copy that no session holds (a dispatch that
   * reached nobody): RecordTable.settle.
   */
  function settled<T>(value: T): T {
    records.settle()
    return value
  }

  const dispatcher: EventDispatcherInternal = {
    nextDispatchId: 1,
    dispatch(backendName, key, type, payload) {
      const backend = backendOf(backends, backendName)
      const k = keyOf(backend, key)
      const t = checkType(type)
      return settled(run(backend, k, t, ownPayload(payload, records.lastFlat), null))
    },
    dispatchMany(backendName, keys, type, payload) {
      const backend = backendOf(backends, backendName)
      const ks = checkKeys(backend, keys)
      const t = checkType(type)
      const d = ownPayload(payload, records.lastFlat)
      return settled(ks.map((k) => run(backend, k, t, d, null)))
    },
    dispatchFilter(backendName, key, filter, type, payload) {
      const backend = backendOf(backends, backendName)
      const k = keyOf(backend, key)
      const f = checkFilter(filter)
      const t = checkType(type)
      return settled(run(backend, k, t, ownPayload(payload, records.lastFlat), f))
    },
    dispatchManyFilterList(backendName, keys, sessionIds, type, payload) {
      const backend = backendOf(backends, backendName)
      const ks = checkKeys(backend, keys)
      checkSessionList(sessionIds)
      const t = checkType(type)
      const d = ownPayload(payload, records.lastFlat)
      const seen = new Set(sessionIds)
      const notYetReached = (id: string) => !seen.has(id)
      for (const k of ks) appendReached(run(backend, k, t, d, notYetReached), sessionIds, seen)
      return settled(sessionIds)
    },
    sub(backendName, key, id) {
      const backend = backendOf(backends, backendName)
      listsOf(backend).sub(keyOf(backend, key), id)
    },
    unsub(backendName, key, id) {
      const backend = backendOf(backends, backendName)
      listsOf(backend).unsub(keyOf(backend, key), id)
    },
    subMany(backendName, key, ids) {
      const backend = backendOf(backends, backendName)
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
      const backend = backendOf(backends, backendName)
      return backend.subscribers(keyOf(backend, key))
    },
    topics(backendName) {
      return backendOf(backends, backendName).keys()
    },
    explain(result) {
      checkResult(result)
      const backend = backendOf(backends, (result as { backend?: unknown } | null)?.backend)
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
        options.only ?? null,
      )
    },
    sendEach(backendName, key, type, sessions, payloads, skipReason) {
      // Each target's payload is its view, read by `out.send` right after it is set here.
      let current: unknown = null
      const only: Backend = {
        ...backends[backendName],
        fanout: (_key, event, out) => {
          for (let i = 0; i < sessions.length; i++) {
            const session = sessions[i] as Session
            const payload = payloads[i]
            if (payload === null) out.skip(session, skipReason)
            else {
              current = payload
              out.send(session, event)
            }
          }
        },
      }
      const first = payloads.find((p) => p !== null) ?? null
      return run(only, key, type, first, null, () => current)
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

/** What a filter threw, with its code when it was the engine's own refusal (REENTRANT_CALL, …). */
function causeOf(failure: FilterFailure): string {
  return failure.cause instanceof EngineError
    ? `${failure.cause.code}: ${failure.message}`
    : failure.message
}
