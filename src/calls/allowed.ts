import { methodsOf, PART_NAMES } from '../engine/index.ts'
import type { CallTarget } from './call.ts'

/**
 * The methods a call may name, per target: the engine's methods that may change it, from its API
 * catalogue. Nothing that only reads (a read changes nothing, so it is never a step) and nothing
 * outside the public API.
 */
export const ALLOWED_CALLS: Readonly<Record<CallTarget, readonly string[]>> = Object.freeze(
  Object.fromEntries(
    PART_NAMES.map((part) => {
      const methods: readonly string[] = Object.freeze(methodsOf(part, 'change'))
      return [part, methods] as const
    }).filter(([, methods]) => methods.length > 0),
  ) as Record<CallTarget, readonly string[]>,
)

/** The targets, in the catalogue's order. */
export const CALL_TARGETS = Object.freeze(Object.keys(ALLOWED_CALLS) as CallTarget[])
