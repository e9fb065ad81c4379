/** Medians and ranges over benchmark rounds: the only statistics the reports use. */

/** A set of per-round samples reduced to what the report prints. */
export interface Summary {
  readonly median: number
  readonly min: number
  readonly max: number
  /** How many samples (rounds) it summarises. */
  readonly n: number
}

/** The median; for an even count, the mean of the two middle values. NaN for no samples. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) return NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

export function summarize(samples: readonly number[]): Summary {
  return {
    median: median(samples),
    min: samples.length === 0 ? NaN : Math.min(...samples),
    max: samples.length === 0 ? NaN : Math.max(...samples),
    n: samples.length,
  }
}

/**
 * The ratio `a / b` round by round, summarised. Rounds are interleaved, so the two samples of one
 * round ran under the same machine conditions; the median of per-round ratios is what goals judge.
 * Rounds missing on either side are dropped.
 */
export function ratioSummary(a: readonly number[], b: readonly number[]): Summary {
  const ratios: number[] = []
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const num = a[i] as number
    const den = b[i] as number
    if (den > 0 && Number.isFinite(num)) ratios.push(num / den)
  }
  return summarize(ratios)
}
