import type { Session } from '../gateway/session.ts'
import type { Skip, SkipReason } from '../types.ts'
import type { OutgoingEvent } from './event.ts'

/** A `dispatchFilter` predicate threw; the dispatcher turns this into `EngineError('FILTER_FAILED')`. */
export class FilterFailure extends Error {
  override readonly name = 'FilterFailure'
  override readonly cause: unknown
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause))
    this.cause = cause
  }
}

/** The empty list a result shows where no session landed (shared: it is frozen). */
const NONE: readonly never[] = Object.freeze([])

/** A `dispatchFilter` predicate over session ids. */
export type SessionFilter = (sessionId: string) => boolean

/**
 * The outcome of one fan-out as it happens: every session the backend considers lands in exactly one list.
 * Backends run their checks in the order the spec fixes (filter → shard → intents → permission → send)
 * and call {@link skip} with the first that fails, or {@link send}.
 */
export class Fanout {
  /**
   * Each list is made when its second session lands in it (null until then): most dispatches leave
   * one or two of them empty, and the result shares one frozen empty array for those. While a list
   * has one session, `firstDelivered` / `firstBuffered` holds it, and the result shows that session's
   * own frozen one-id list (`Session.alone`): a dispatch to one session allocates no list at all.
   */
  delivered: string[] | null = null
  buffered: string[] | null = null
  firstDelivered: Session | null = null
  firstBuffered: Session | null = null
  /** Frozen entries (Session.skipEntry), so the result can freeze the list as it is. */
  skipped: Skip[] | null = null
  readonly filter: SessionFilter | null
  /** The engine's own filter over sessions (never throws; no lookup by id), or null. */
  readonly test: ((session: Session) => boolean) | null

  constructor(filter: SessionFilter | null, test: ((session: Session) => boolean) | null = null) {
    this.filter = filter
    this.test = test
  }

  /** True when there is no filter or it accepts the session; a throwing filter stops the fan-out. */
  passes(session: Session): boolean {
    if (this.filter === null) {
      if (this.test === null || this.test(session)) return true
      this.skip(session, 'filter')
      return false
    }
    let accepted: boolean
    try {
      accepted = this.filter(session.sessionId)
    } catch (error) {
      throw new FilterFailure(error)
    }
    if (!accepted) this.skip(session, 'filter')
    return accepted
  }

  skip(session: Session, reason: SkipReason): void {
    const entry = session.skipEntry(reason)
    if (this.skipped === null) this.skipped = [entry]
    else this.skipped.push(entry)
  }

  /**
   * litecord's `send_event_to_states`: send, never mind errors. A socket that throws is recorded as
   * `send-failed` for that session and the fan-out goes on (litecord's channel backend let the
   * error escape and abort everyone after it, docs/design/litecord-notes.md bug 5). Its seq and
   * resume buffer still advanced.
   */
  send(session: Session, event: OutgoingEvent): void {
    // Every session a backend hands here is open: nothing can close one while a fan-out runs, since
    // the engine runs each call to completion (docs/design/semantics.md §10, run to completion).
    try {
      if (session.deliver(event.table, event.recordFor(session))) {
        if (this.delivered !== null) this.delivered.push(session.sessionId)
        else if (this.firstDelivered === null) this.firstDelivered = session
        else this.delivered = [this.firstDelivered.sessionId, session.sessionId]
      } else if (this.buffered !== null) this.buffered.push(session.sessionId)
      else if (this.firstBuffered === null) this.firstBuffered = session
      else this.buffered = [this.firstBuffered.sessionId, session.sessionId]
    } catch {
      this.skip(session, 'send-failed')
    }
  }

  /** The frozen `delivered` list of the result. */
  deliveredList(): readonly string[] {
    if (this.delivered !== null) return Object.freeze(this.delivered)
    return this.firstDelivered === null ? NONE : this.firstDelivered.alone
  }

  /** The frozen `buffered` list of the result. */
  bufferedList(): readonly string[] {
    if (this.buffered !== null) return Object.freeze(this.buffered)
    return this.firstBuffered === null ? NONE : this.firstBuffered.alone
  }

  /** The frozen `skipped` list of the result (its entries are frozen already). */
  skippedList(): readonly Skip[] {
    return this.skipped === null ? NONE : Object.freeze(this.skipped)
  }

  /** Sends to each state, checking only the filter: the `user`, `friend` and raw `lazy_guild` paths. */
  sendToStates(sessions: readonly Session[], event: OutgoingEvent): void {
    for (const session of sessions) if (this.passes(session)) this.send(session, event)
  }
}

/**
 * Appends the sessions a dispatch reached to `into`, once each: `dispatchManyFilterList`'s bookkeeping.
 * Reached means delivered, buffered, or sent on a socket that failed: a failed send took a seq and sits
 * in the resume buffer like a buffered one, so a later key must not queue the event again, or a resume
 * would replay it twice (docs/design/semantics.md §10). Order: delivered, buffered, failed.
 */
export function appendReached(
  result: {
    readonly delivered: readonly string[]
    readonly buffered: readonly string[]
    readonly skipped: readonly Skip[]
  },
  into: string[],
  seen: Set<string>,
): void {
  const add = (id: string) => {
    if (seen.has(id)) return
    seen.add(id)
    into.push(id)
  }
  for (const id of result.delivered) add(id)
  for (const id of result.buffered) add(id)
  for (const skip of result.skipped) if (skip.reason === 'send-failed') add(skip.sessionId)
}

/**
 * One Fanout that lives forever. Every dispatch makes a Fanout and drops it; when a full GC finds no
 * instance left, V8 collects their hidden class (transition targets are weak), and every optimised
 * function that checks for it (the fan-out loops) is thrown away and re-optimised: 30–70 ms lost per
 * major GC at 100,000 recipients. A live instance keeps the class, and the code, alive.
 */
export const KEEP_FANOUT_SHAPE_ALIVE = new Fanout(null)
