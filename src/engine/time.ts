import { EngineError } from './errors.ts'
import { describeValue } from './ids.ts'

/** The largest |ms| a JavaScript Date can hold (±100,000,000 days around 1970). */
const MAX_DATE_MS = 8.64e15

/**
 * An ISO 8601 timestamp of simulation time `ms`, exactly as `Date.prototype.toISOString` writes it
 * (`2023-11-14T22:13:20.000Z`), as Discord's `joined_at` and message `timestamp` fields carry it.
 * Deterministic: it formats the given instant and never reads the wall clock.
 *
 * @example
 * isoTimestamp(1_700_000_000_000) // '2023-11-14T22:13:20.000Z'
 */
export function isoTimestamp(ms: number): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS) {
    throw new EngineError(
      'INVALID_TIME',
      `a timestamp must be a finite number of ms within ±8.64e15 of 1970, got ${describeValue(ms)}`,
    )
  }
  // With an explicit argument Date is a pure formatter; only `new Date()` would read the wall
  // clock.
  return new Date(ms).toISOString()
}
