import type { InspectionEvent } from '../engine/index.ts'

/**
 * Whether an inspection event shows that the call which emitted it changed the engine: every event
 * does but an action's start and end markers, which come even when the action is then refused. One
 * answer for the whole project: the sandbox records a call by it, and the store shows a client op
 * whose events hold no change as one that came to nothing.
 */
export function isChange(event: InspectionEvent): boolean {
  return event.type !== 'action'
}
