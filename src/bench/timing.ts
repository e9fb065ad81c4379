/**
 * The timing loop shared by Node and a browser Worker: calibrate each subject to batches of at least
 * `minBatchMs`, warm up, then run `rounds` interleaved rounds (A, B, C, then B, C, A, …) and keep one
 * sample per subject and round. No `gc()`, no `process`: the clock and an optional untimed
 * `beforeBatch` hook (Node passes a full GC) come from the caller.
 */

/** Milliseconds from an arbitrary origin, e.g. `performance.now`. */
export type Clock = () => number

/** One implementation of one workload at one size. */
export interface Subject {
  readonly name: string
  /**
   * Runs `reps` repetitions and returns the milliseconds the measured part took. The subject times
   * itself with the suite's clock, so per-repetition set-up (e.g. re-opening sessions to close) can
   * stay outside the measurement.
   */
  run(reps: number): number
  /** Untimed, before every batch: drop kept frames, make victims ready for `reps` operations. */
  prepare?(reps: number): void
  /** The most repetitions one batch may ask for (victims available). */
  readonly maxReps?: number
}

export interface InterleaveOptions {
  readonly rounds: number
  readonly warmupRounds: number
  /**
   * Shortest batch worth timing: browsers coarsen the clock to 0.1 ms, so a batch lasts at least
   * 10 ms (docs/design/playground.md §9).
   */
  readonly minBatchMs: number
  /** Units of work per repetition (recipients per emit, 1 per operation), to report ns per unit. */
  readonly unitsPerRep: number
  /** Untimed, right before each timed batch. */
  readonly beforeBatch?: () => void
}

export interface SubjectSamples {
  readonly name: string
  /** Repetitions per batch, as calibrated. */
  readonly reps: number
  /** Nanoseconds per unit, one sample per measured round, in round order. */
  readonly samples: number[]
}

const DEFAULT_MAX_REPS = 10_000_000

/** Doubles (or more) the repetitions until one batch takes at least `minBatchMs`. */
export function calibrate(subject: Subject, options: InterleaveOptions): number {
  const maxReps = subject.maxReps ?? DEFAULT_MAX_REPS
  let reps = 1
  for (;;) {
    const ms = batch(subject, reps, options)
    if (ms >= options.minBatchMs || reps >= maxReps) return reps
    const factor = ms <= 0 ? 10 : Math.min(10, Math.max(1.5, (options.minBatchMs * 1.25) / ms))
    reps = Math.min(maxReps, Math.ceil(reps * factor))
  }
}

function batch(subject: Subject, reps: number, options: InterleaveOptions): number {
  subject.prepare?.(reps)
  options.beforeBatch?.()
  return subject.run(reps)
}

/** The order of round `r`: the subjects rotated by `r`, so none always runs first or last. */
export function roundOrder<T>(items: readonly T[], round: number): T[] {
  const n = items.length
  return Array.from({ length: n }, (_, i) => items[(i + round) % n] as T)
}

/**
 * Calibrates every subject, runs `warmupRounds` unrecorded rounds, then `rounds` recorded ones, each
 * subject once per round in rotated order. Returns ns per unit per round.
 */
export function runInterleaved(
  subjects: readonly Subject[],
  options: InterleaveOptions,
): SubjectSamples[] {
  const reps = new Map<Subject, number>()
  for (const subject of subjects) reps.set(subject, calibrate(subject, options))
  const samples = new Map<Subject, number[]>(subjects.map((s) => [s, []]))
  for (let round = 0; round < options.warmupRounds + options.rounds; round++) {
    for (const subject of roundOrder(subjects, round)) {
      const n = reps.get(subject) as number
      const ms = batch(subject, n, options)
      if (round >= options.warmupRounds) {
        ;(samples.get(subject) as number[]).push((ms * 1e6) / (n * options.unitsPerRep))
      }
    }
  }
  return subjects.map((s) => ({
    name: s.name,
    reps: reps.get(s) as number,
    samples: samples.get(s) as number[],
  }))
}
