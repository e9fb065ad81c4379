import { EngineError } from './errors.ts'
import { describeValue } from './ids.ts'

/** The simulation clock: the engine's only notion of time. It moves only when the caller advances it. */
export interface Clock {
  /** The simulation's time in ms since the Unix epoch (it starts at `startTime`). */
  now(): number
  /**
   * Moves time forward by `ms` (a whole number of ms ≥ 0: snowflakes hold whole ms), then runs
   * whatever became due (resume windows). Anything else is `INVALID_TIME` and changes nothing.
   */
  advance(ms: number): void
}

/** @internal A clock with a hook the simulation uses to close sessions whose resume window passed. */
export interface ManualClock extends Clock {
  onAdvance(fn: (now: number, advancedBy: number) => void): void
  /** Restores a snapshot's time without running the hooks. */
  set(now: number): void
}

/** A clock from `start` that refuses to move past `last` (the last ms a snowflake can hold). */
export function createManualClock(start: number, last = Infinity): ManualClock {
  let now = start
  const hooks: ((now: number, advancedBy: number) => void)[] = []
  return {
    now: () => now,
    advance(ms) {
      if (typeof ms !== 'number' || !Number.isSafeInteger(ms) || ms < 0) {
        throw new EngineError(
          'INVALID_TIME',
          'clock.advance takes a whole number of ms ≥ 0 (time never runs backwards, and ids hold ' +
            `whole ms), got ${describeValue(ms)}`,
        )
      }
      if (now + ms > last) {
        throw new EngineError(
          'INVALID_TIME',
          `clock.advance(${ms}) would pass ${last}, the last ms a snowflake can hold (year 2154)`,
        )
      }
      now += ms
      for (const hook of hooks) hook(now, ms)
    },
    onAdvance(fn) {
      hooks.push(fn)
    },
    set(value) {
      now = value
    },
  }
}
