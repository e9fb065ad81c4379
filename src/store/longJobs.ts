/**
 * Long work spread over many short tasks, so the page keeps painting and answering clicks: the work is a
 * generator that yields after each small unit (one engine call, a chunk of a model), and the driver runs
 * units until its time budget is spent, then gives the browser a turn. No unit may itself be long: the
 * longest task is about one budget plus one unit.
 */

/** Time spent in one task before yielding to the browser. */
export const SLICE_BUDGET_MS = 40

/** Runs a job to its end at once, for callers that may block (tests, small worlds, Node). */
export function runToEnd<T>(job: Generator<unknown, T>): T {
  for (;;) {
    const next = job.next()
    if (next.done) return next.value
  }
}

/** Thrown (as the rejection) when a sliced job is cancelled. */
export class SlicedJobCancelled extends Error {
  override readonly name = 'SlicedJobCancelled'
  constructor() {
    super('cancelled')
  }
}

export interface SlicedOptions {
  /** Aborting it stops the job at its next yield; the promise then rejects with SlicedJobCancelled. */
  readonly signal?: AbortSignal
  readonly budgetMs?: number
  /** Called once per slice, after it ran (the moment to show progress). */
  readonly afterSlice?: () => void
  /** The clock; `performance.now` by default. */
  readonly now?: () => number
}

/**
 * A macrotask that runs as soon as the browser has handled input and painted, without the 4 ms clamp of
 * nested `setTimeout(0)`.
 */
function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0))
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}

/** Runs `job` to completion in slices of about `budgetMs`; resolves with what it returns. */
export async function runSliced<T>(
  job: Generator<unknown, T>,
  options: SlicedOptions = {},
): Promise<T> {
  const budget = options.budgetMs ?? SLICE_BUDGET_MS
  const now = options.now ?? (() => performance.now())
  const { signal } = options
  try {
    for (;;) {
      if (signal?.aborted) throw new SlicedJobCancelled()
      const until = now() + budget
      let step = job.next()
      while (!step.done && now() < until) step = job.next()
      if (step.done) return step.value
      options.afterSlice?.()
      await nextTask()
    }
  } finally {
    // Runs the job's own finally blocks (listeners removed) when it was stopped early.
    job.return(undefined as T)
  }
}
