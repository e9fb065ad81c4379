import type { InspectionEvent, InspectionListener } from './types.ts'

/**
 * The inspection stream's listener registry. `active` lets hot paths skip building events nobody reads:
 * a fan-out to 100,000 sessions with no listener allocates no inspection data.
 */
export interface Inspector {
  readonly active: boolean
  emit(event: InspectionEvent): void
  listen(listener: InspectionListener): () => void
  /** The action whose dispatches are being emitted, for `cause`. */
  cause: string | null
}

export function createInspector(): Inspector {
  let listeners: InspectionListener[] = []
  return {
    get active() {
      return listeners.length > 0
    },
    cause: null,
    emit(event) {
      // Snapshot iteration: a listener that unsubscribes itself does not skip the next one.
      for (const listener of listeners) listener(event)
    },
    listen(listener) {
      listeners = [...listeners, listener]
      return () => {
        listeners = listeners.filter((l) => l !== listener)
      }
    },
  }
}
