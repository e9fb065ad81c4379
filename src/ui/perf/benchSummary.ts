import type { TimingResults, Verdict } from '../../bench/index.ts'

/** What a run says in one sentence: the engine's cost per recipient at its largest size, beside each baseline. */
export interface Headline {
  readonly size: number
  readonly engineNs: number
  /** The engine's median time ÷ each baseline's, at that size (below 1: the engine was faster). */
  readonly ratios: readonly { readonly impl: string; readonly ratio: number }[]
}

/** The headline of a run's fan-out rows, or null when the engine was not measured. */
export function headline(results: Pick<TimingResults, 'fanout'>): Headline | null {
  const engine = results.fanout.filter((r) => r.impl === 'engine')
  const size = Math.max(...engine.map((r) => r.size))
  const own = engine.find((r) => r.size === size)
  if (!own) return null
  const ratios = results.fanout
    .filter((r) => r.size === size && r.impl !== 'engine' && r.nsPerRecipient.median > 0)
    .map((r) => ({ impl: r.impl, ratio: own.nsPerRecipient.median / r.nsPerRecipient.median }))
  return { size, engineNs: own.nsPerRecipient.median, ratios }
}

/** Goals this run measured (its verdicts to show), and how many it could not decide. */
export function measuredVerdicts(verdicts: readonly Verdict[]): {
  measured: Verdict[]
  undecided: number
} {
  const measured = verdicts.filter((v) => v.value !== null)
  return { measured, undecided: verdicts.length - measured.length }
}
