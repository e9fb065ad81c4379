import type { TimingResults, TimingSuiteOptions } from '../../bench/index.ts'

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
    churnSizes: [100],
    rounds: 2,
    warmupRounds: 0,
    minBatchMs: 2,
  },
}
