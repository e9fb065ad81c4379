import { EngineError } from './errors.ts'

/**
 * Run to completion (docs/design/semantics.md §10): the engine runs each public call to the end before
 * it takes another. While a call is in progress, the code it runs on the caller's behalf (an inspection
 * listener, a `dispatchFilter` filter, `onListenerError`, a Proxy's traps while an argument is read) may
 * read the engine but not change it: a public call that would change it is refused here, with
 * `REENTRANT_CALL`, before it reads its arguments or touches anything.
 *
 * One guard per simulation, held in the `EngineContext`. The public API's wrappers (`publicApi.ts`) are
 * the call boundary: a changing method enters on the way in and leaves on the way out; reads never
 * enter. The engine's calls to its own parts (an action sending its dispatches) go around the wrappers,
 * so they never meet the guard.
 */
export interface CallGuard {
  /** The public call in progress (`dispatcher.dispatchFilter`, `actions.joinGuild`, …), or null. */
  readonly inProgress: string | null
  /**
   * How many changing calls have started (refused ones too), and the last one's name: a job that runs
   * in steps (`requestMemberListInSteps`) compares them between its steps.
   */
  readonly changes: number
  readonly lastChange: string | null
  /** Starts the changing call `name`; throws `REENTRANT_CALL` while another call is in progress. */
  enter(name: string): void
  /** The call that entered last has returned or thrown. */
  leave(): void
  /**
   * Refuses a read that must see a state between calls (`sim.snapshot()`) while a call is in progress;
   * reads that show the engine as it is now need no check.
   */
  requireIdle(name: string, why: string): void
}

/** A new simulation's guard: nothing in progress. */
export function createCallGuard(): CallGuard {
  return new Guard()
}

/** Plain fields, not getters: `enter` and `leave` run around every public change (a dispatch). */
class Guard implements CallGuard {
  inProgress: string | null = null
  changes = 0
  lastChange: string | null = null

  enter(name: string): void {
    if (this.inProgress !== null) {
      throw reentrantCall(name, this.inProgress, 'it would change the engine')
    }
    this.inProgress = name
    this.changes++
    this.lastChange = name
  }

  leave(): void {
    this.inProgress = null
  }

  requireIdle(name: string, why: string): void {
    if (this.inProgress !== null) throw reentrantCall(name, this.inProgress, why)
  }
}

/**
 * The refusal a listener or filter meets. Users of the code editor meet it first as
 * `inspect(e => dispatcher.dispatch(...))`, so it says what to do instead.
 */
function reentrantCall(name: string, inProgress: string, why: string): EngineError {
  return new EngineError(
    'REENTRANT_CALL',
    `${name} was called while ${inProgress} is still running (from an inspect listener or a ` +
      `dispatchFilter filter), and ${why}. The engine runs each call to completion: a listener or ` +
      `filter may read the engine (states, world, subscribers, explain) but not change it. Make the ` +
      `call after ${inProgress} returns (for instance, note what you need in the listener and act on ` +
      `it once the call is done).`,
  )
}

/**
 * A job that runs as a series of calls (`requestMemberListInSteps`): each step runs to completion under
 * `calls`, as a public method does, and the job itself is made by `start` in the first step. Between
 * steps other calls may read the engine; one that may change it (refused ones count too) interrupts
 * the job, whose next step throws `INTERRUPTED` instead of finishing with what it read before that
 * change. Stopping early (`return()`) stops the job where it is.
 */
export function* inSteps(
  calls: CallGuard,
  name: string,
  start: () => Generator<void, void>,
): Generator<void, void> {
  let job: Generator<void, void> | null = null
  let changesSeen = 0
  try {
    for (;;) {
      if (job !== null && calls.changes !== changesSeen) {
        throw new EngineError(
          'INTERRUPTED',
          `${name} was interrupted: ${calls.lastChange ?? 'a call'} was made between two of its ` +
            'steps and may have changed what it was reading, so it stops without serving anything. ' +
            `Start it again (a new ${name}) and make no call that changes the simulation until its ` +
            'last step; reading it between steps is fine.',
        )
      }
      calls.enter(name)
      let step: IteratorResult<void, void>
      try {
        job ??= start()
        step = job.next()
      } finally {
        calls.leave()
      }
      changesSeen = calls.changes
      if (step.done) return
      yield
    }
  } finally {
    job?.return()
  }
}
