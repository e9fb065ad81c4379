import {
  DEFAULT_CHURN_SIZES,
  DEFAULT_FILTERED_SIZES,
  DEFAULT_LEAN_SIZES,
  DEFAULT_SIZES,
  type TimingResults,
  type TimingSuiteOptions,
} from '../../bench/index.ts'

/** Page → worker: which preset to run. */
export interface BenchRequest {
  readonly preset: PresetId
}

/** Worker → page: progress lines, then the results or the error. */
export type BenchMessage =
  | { readonly type: 'progress'; readonly message: string }
  | { readonly type: 'done'; readonly results: TimingResults; readonly ms: number }
  | { readonly type: 'error'; readonly message: string }

export type PresetId = 'quick' | 'full' | 'smoke'

type Preset = Omit<TimingSuiteOptions, 'now' | 'onProgress'> & { label: string; about: string }

/** What the Bench page can run. `smoke` (only with `?preset=smoke`) lets the e2e test finish fast. */
export const PRESETS: Readonly<Record<PresetId, Preset>> = {
  quick: {
    label: 'Quick',
    about: 'up to 10,000 recipients, 7 rounds: about half a minute',
    sizes: [1, 100, 10_000],
    filteredSizes: [10_000],
    leanSizes: [1, 10_000],
    churnSizes: [1_000, 10_000],
    rounds: 7,
    warmupRounds: 1,
  },
  full: {
    label: 'Full',
    about: 'up to 100,000 recipients, 7 rounds, as the goals require: a few minutes',
    rounds: 7,
    warmupRounds: 2,
  },
  smoke: {
    label: 'Smoke',
    about: 'two tiny rounds (for tests)',
    sizes: [10, 100],
    filteredSizes: [100],
    leanSizes: [10],
    churnSizes: [100],
    rounds: 2,
    warmupRounds: 0,
    minBatchMs: 2,
  },
}

/**
 * How many progress lines a preset's run reports (the suite reports one per workload and size, and
 * four for churn), so the page can draw how far along it is; `benchProtocol.test.ts` counts a real run.
 */
export function expectedSteps(id: PresetId): number {
  const p = PRESETS[id]
  const churn = p.churnSizes ?? DEFAULT_CHURN_SIZES
  return (
    (p.sizes ?? DEFAULT_SIZES).length +
    (p.filteredSizes ?? DEFAULT_FILTERED_SIZES).length +
    (p.leanSizes ?? DEFAULT_LEAN_SIZES).length +
    (churn.length > 0 ? 1 + 3 : 0)
  )
}
