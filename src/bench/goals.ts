/**
 * The issue's goals and how a run decides them (docs/design/playground.md §10). A ratio goal needs
 * the median of at least seven interleaved rounds; the printout carries the min–max so a noisy run
 * shows.
 */
export type GoalId =
  | 'fanout-vs-eventemitter3'
  | 'fanout-vs-floor'
  | 'close-flat'
  | 'bytes-per-subscription'
  | 'setup-100k'
  | 'bytes-per-closed-session'

export interface Goal {
  readonly id: GoalId
  readonly title: string
  /** Met when the measured value is at most this. */
  readonly limit: number
  readonly unit: string
  /** Rounds the value must rest on (ratio goals: 7); 0 for one-off measurements. */
  readonly minRounds: number
  /** Measured in Node only (memory needs gc(); setup is part of the Node world run). */
  readonly nodeOnly: boolean
}

export const MIN_ROUNDS_FOR_VERDICT = 7

export const GOALS: readonly Goal[] = [
  {
    id: 'fanout-vs-eventemitter3',
    title: 'guild fan-out to 100,000 sessions, engine / eventemitter3',
    limit: 1.0,
    unit: '×',
    minRounds: MIN_ROUNDS_FOR_VERDICT,
    nodeOnly: false,
  },
  {
    id: 'fanout-vs-floor',
    title: 'guild fan-out to 100,000 sessions, engine / plain loop',
    limit: 2.0,
    unit: '×',
    minRounds: MIN_ROUNDS_FOR_VERDICT,
    nodeOnly: false,
  },
  {
    id: 'close-flat',
    title: 'closing a session, cost at 100k / cost at 1k topic size',
    limit: 2.0,
    unit: '×',
    minRounds: MIN_ROUNDS_FOR_VERDICT,
    nodeOnly: false,
  },
  {
    id: 'bytes-per-subscription',
    title: 'bytes per subscription, one guild of 100,000 sessions',
    limit: 100,
    unit: 'B',
    minRounds: 0,
    nodeOnly: true,
  },
  {
    id: 'setup-100k',
    title: 'setting up 100,000 sessions in one guild (seconds, not minutes)',
    limit: 60,
    unit: 's',
    minRounds: 0,
    nodeOnly: true,
  },
  {
    // A closed session keeps at most its id, a 32-character string in a Set
    // (docs/design/semantics.md §10).
    id: 'bytes-per-closed-session',
    title: 'bytes a closed session leaves behind (IDENTIFY, op 14, invalidate)',
    limit: 256,
    unit: 'B',
    minRounds: 0,
    nodeOnly: true,
  },
]

/** What was measured for a goal: a value, and for ratio goals its range and round count. */
export interface Measured {
  readonly value: number
  readonly min?: number
  readonly max?: number
  readonly rounds?: number
  readonly note?: string
}

export interface Verdict {
  readonly id: GoalId
  readonly title: string
  readonly limit: number
  readonly unit: string
  readonly value: number | null
  readonly min: number | null
  readonly max: number | null
  readonly rounds: number | null
  /** null: not measured, or too few rounds to decide. */
  readonly met: boolean | null
  readonly note: string
}

export function goal(id: GoalId): Goal {
  return GOALS.find((g) => g.id === id) as Goal
}

export function judge(g: Goal, measured: Measured | null): Verdict {
  const base = { id: g.id, title: g.title, limit: g.limit, unit: g.unit }
  if (measured === null || !Number.isFinite(measured.value)) {
    return {
      ...base,
      value: null,
      min: null,
      max: null,
      rounds: null,
      met: null,
      note: measured?.note ?? 'not measured',
    }
  }
  const rounds = measured.rounds ?? null
  const enough = g.minRounds === 0 || (rounds !== null && rounds >= g.minRounds)
  return {
    ...base,
    value: measured.value,
    min: measured.min ?? null,
    max: measured.max ?? null,
    rounds,
    met: enough ? measured.value <= g.limit : null,
    note: enough ? (measured.note ?? '') : `needs ≥ ${g.minRounds} rounds, got ${rounds ?? 0}`,
  }
}

/** One line: `✓ title: 0.83× (0.71–0.95, 9 rounds), goal ≤ 1×`. */
export function formatVerdict(v: Verdict): string {
  const mark = v.met === null ? '?' : v.met ? '✓' : '✗'
  const fmt = (x: number) => formatNumber(x, v.unit)
  const value = v.value === null ? 'not measured' : fmt(v.value)
  const range =
    v.min !== null && v.max !== null
      ? ` (${fmt(v.min)}–${fmt(v.max)}${v.rounds !== null ? `, ${v.rounds} rounds` : ''})`
      : ''
  const note = v.note ? `; ${v.note}` : ''
  return `${mark} ${v.title}: ${value}${range}, goal ≤ ${fmt(v.limit)}${note}`
}

function formatNumber(x: number, unit: string): string {
  const digits = unit === '×' ? 2 : x >= 100 ? 0 : 1
  return `${x.toFixed(digits)}${unit === '×' ? '×' : ` ${unit}`}`
}
