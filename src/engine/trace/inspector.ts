import { createListeners } from '../listeners.ts'
import type { InspectionEvent, InspectionListener } from './types.ts'

/** An inspection event as the engine reports it: the inspector stamps `at` with the clock. */
export type UnstampedEvent = InspectionEvent extends infer E
  ? E extends InspectionEvent
    ? Omit<E, 'at'>
    : never
  : never

/** Where an exception thrown by an inspection listener goes (the `onListenerError` option). */
export type ListenerErrorHandler = (error: unknown, event: InspectionEvent) => void

/**
 * The inspection stream's listener registry, and the one place events are stamped and guarded.
 * `active` lets hot paths skip building events nobody reads: a fan-out to 100,000 sessions with no
 * listener allocates no inspection data.
 */
export interface Inspector {
  readonly active: boolean
  /**
   * Stamps `event` with the simulation time, freezes it and hands it to every listener in order. A
   * listener that throws is an observer that failed: its error goes to `onListenerError` and the
   * engine carries on exactly as without it (docs/design/semantics.md §10), so `emit` never throws.
   */
  emit(event: UnstampedEvent): void
  listen(listener: InspectionListener): () => void
  /**
   * Runs `fn` with listeners held back: the events it emits are stamped as they happen and handed to
   * the listeners, in order, once it returns. IDENTIFY runs so, since a listener may call the engine
   * and nothing it does may reach the new session before its READY (docs/design/semantics.md §3).
   */
  deferWhile<T>(fn: () => T): T
  /** The action whose dispatches are being emitted, for `cause`. */
  cause: string | null
}

export function createInspector(deps: {
  now: () => number
  onListenerError: ListenerErrorHandler
}): Inspector {
  const listeners = createListeners<InspectionEvent>()
  let deferring = 0
  let deferred: InspectionEvent[] = []
  const deliver = (event: InspectionEvent) => {
    // Snapshot iteration: a listener that unsubscribes itself does not skip the next one.
    for (const listener of listeners.current) {
      try {
        listener(event)
      } catch (error) {
        report(deps.onListenerError, error, event)
      }
    }
  }
  return {
    get active() {
      return listeners.current.length > 0
    },
    cause: null,
    emit(unstamped) {
      const event = Object.freeze({ ...unstamped, at: deps.now() }) as InspectionEvent
      if (deferring > 0) deferred.push(event)
      else deliver(event)
    },
    deferWhile(fn) {
      deferring++
      try {
        return fn()
      } finally {
        if (--deferring === 0) {
          // Events a listener's own calls emit while this flushes go out at once, after their cause.
          const events = deferred
          deferred = []
          for (const event of events) deliver(event)
        }
      }
    },
    listen(listener: InspectionListener) {
      return listeners.add(listener)
    },
  }
}

/** The handler itself may throw too; nothing is left to tell then, and the engine still goes on. */
function report(handler: ListenerErrorHandler, error: unknown, event: InspectionEvent): void {
  try {
    handler(error, event)
  } catch {
    // An observer's observer failed: dropped on purpose, the call in progress must complete.
  }
}

/**
 * The default `onListenerError`: the host's `console.error` when there is one. The engine's own lib
 * has no console (no DOM, no Node types), so it is looked up on `globalThis` at run time; without one
 * the error is dropped.
 */
export function consoleListenerError(error: unknown, event: InspectionEvent): void {
  const console = (globalThis as { console?: { error?: (...args: unknown[]) => void } }).console
  console?.error?.(`fanout: an inspection listener threw on a "${event.type}" event`, error)
}
