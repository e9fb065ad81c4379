/**
 * The issue's goals and how a run decides them (docs/design/playground.md §10). A ratio goal needs
 * the median of at least seven interleaved rounds; the printout carries the min–max so a noisy run
 * shows.
 */
export type GoalId =
  | 'lean-fanout-vs-eventemitter3'
  | 'lean-one-vs-eventemitter3'
  | 'fanout-vs-eventemitter3'
  | 'fanout-vs-floor'
  | 'close-flat'
  | 'bytes-per-subscription'
  | 'setup-100k'
  | 'identify-100k'
  | 'bytes-per-closed-session'
  | 'cliff-same-user'
  | 'cliff-presence-holders'
  | 'cliff-presence-bytes'
  | 'cliff-op14-same-list'
  | 'cliff-update-channel'
  | 'cliff-create-role'
  | 'cliff-toggle-hoist'

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
    // Issue 23, fan-out speed: the emitter a gateway would write (W2), beaten by a margin at scale.
    id: 'lean-fanout-vs-eventemitter3',
    title: 'guild fan-out to 100,000 sessions, engine / eventemitter3 lean (resume buffer 4)',
    limit: 0.8,
    unit: '×',
    minRounds: MIN_ROUNDS_FOR_VERDICT,
    nodeOnly: false,
  },
  {
    // ≈ 400 ns: what a dispatch to one session may cost in validation, copy and result.
    id: 'lean-one-vs-eventemitter3',
    title: 'a dispatch to one session, engine / eventemitter3 lean (its fixed cost)',
    limit: 10,
    unit: '×',
    minRounds: MIN_ROUNDS_FOR_VERDICT,
    nodeOnly: false,
  },
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
    // Issue 23, fan-out speed: IDENTIFY at scale, the Discord-shaped world's 100,000 sessions (world build apart).
    id: 'identify-100k',
    title: '100,000 IDENTIFYs in the Discord-shaped world',
    limit: 3,
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

/** A cost-cliff goal (W8, issue 23's cost cliffs): one figure at 100,000, or a growth, against its reference. */
function cliff(id: GoalId, title: string, limit: number, unit = '×', nodeOnly = false): Goal {
  return { id, title, limit, unit, minRounds: 0, nodeOnly }
}

/**
 * Issue 23's cost cliffs: each operation costs what it changes. Where it contains a guild-wide fan-out, it is
 * judged against one guild dispatch to the same sessions in the same world (an operation that does
 * O(1) work of its own costs about one such dispatch); the rest against the same thing done once.
 */
export const CLIFF_GOALS: readonly Goal[] = [
  cliff('cliff-same-user', 'k sessions of one user: cost per IDENTIFY or close, 100k ÷ 1k', 2),
  cliff(
    'cliff-presence-holders',
    'a presence change to 100,000 holders of [0, 99] ÷ a guild dispatch to them',
    4,
  ),
  cliff(
    'cliff-presence-bytes',
    'bytes kept per holder of [0, 99] per presence change (100,000 holders)',
    32,
    'B',
    true,
  ),
  cliff('cliff-op14-same-list', 'op 14, 100 channels × the same 16 ranges ÷ the 16 held once', 1),
  cliff('cliff-update-channel', 'updateChannel with 100,000 sessions ÷ a guild dispatch', 4),
  cliff('cliff-create-role', 'createRole with 100,000 sessions ÷ a guild dispatch', 2),
  cliff('cliff-toggle-hoist', 'toggling hoist (one member), 100,000 members ÷ a guild dispatch', 2),
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
  return (GOALS.find((g) => g.id === id) ?? CLIFF_GOALS.find((g) => g.id === id)) as Goal
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
