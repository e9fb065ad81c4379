import type { SkipReason } from '../../engine/index.ts'
import { outcomeCounts } from '../../store/explain.ts'
import type { GraphModel } from '../../store/graphModel.ts'
import type { LogRow } from '../../store/logRows.ts'
import { verdictText } from '../../store/refusalText.ts'
import { count } from '../../store/plural.ts'

/** One pill of a row's outcome: a kind (its colour and symbol) and its words. */
export interface OutcomePill {
  readonly kind:
    'delivered' | 'buffered' | 'skipped' | 'not-subscribed' | 'refused' | 'replayed' | 'nobody'
  readonly text: string
}

/** What the outcome filter offers; a row matches when it has a pill of that kind (or is of that kind). */
export type OutcomeFilter =
  'all' | 'delivered' | 'buffered' | 'skipped' | 'not-subscribed' | 'direct' | 'refused'

export const OUTCOME_FILTERS: readonly (readonly [OutcomeFilter, string])[] = [
  ['all', 'Any outcome'],
  ['delivered', 'Delivered'],
  ['buffered', 'Buffered'],
  ['skipped', 'Skipped'],
  ['not-subscribed', 'Not subscribed'],
  ['direct', 'Sent directly'],
  ['refused', 'Refused or ignored'],
]

/** The columns the log sorts by; `step` is the order things happened. */
export type SortKey = 'step' | 'event' | 'topic' | 'outcome'
export interface Sort {
  readonly key: SortKey
  readonly descending: boolean
}
export const DEFAULT_SORT: Sort = { key: 'step', descending: false }

/** The event a row stands for: a dispatch's type, a direct row's frame types, a refused call. */
export function rowEvent(row: LogRow): string {
  if (row.kind === 'dispatch') return row.record.eventType
  if (row.kind === 'direct') return row.types.join(', ')
  return row.record.what
}

/** Every event type in the rows, sorted (direct rows count each of their frame types). */
export function eventTypes(rows: readonly LogRow[]): string[] {
  const types = new Set<string>()
  for (const row of rows) {
    if (row.kind === 'dispatch') types.add(row.record.eventType)
    else if (row.kind === 'direct') for (const t of row.types) types.add(t)
    else types.add(row.record.what)
  }
  return [...types].sort()
}

/** Skip counts per reason, in the order reasons first appear. */
function skips(row: Extract<LogRow, { kind: 'dispatch' }>): [SkipReason, number][] {
  const counts = new Map<SkipReason, number>()
  for (const s of row.record.result.skipped) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1)
  return [...counts]
}

/**
 * A row's outcome as pills: "✓ 2 delivered", "‖ 1 buffered", "✕ 1 intents" (one per skip reason),
 * "– 3 not subscribed"; for frames sent directly, how many arrived and how many were replays; for a
 * refusal, its verdict. A dispatch nobody was considered for says so.
 */
export function outcomePills(row: LogRow, model?: GraphModel): OutcomePill[] {
  if (row.kind === 'refused') return [{ kind: 'refused', text: verdictText(row.record) }]
  if (row.kind === 'direct') {
    const pills: OutcomePill[] = []
    const arrived = row.frames - row.failed - row.buffered
    if (arrived > 0) pills.push({ kind: 'delivered', text: `${count(arrived)} delivered` })
    if (row.buffered > 0) pills.push({ kind: 'buffered', text: `${count(row.buffered)} buffered` })
    if (row.failed > 0) pills.push({ kind: 'skipped', text: `${count(row.failed)} send-failed` })
    if (row.replayed > 0) pills.push({ kind: 'replayed', text: `${count(row.replayed)} replayed` })
    return pills
  }
  const { delivered, buffered, skipped } = row.record.result
  const counts = new Map(outcomeCounts(row.record, model))
  const pills: OutcomePill[] = []
  if (delivered.length > 0)
    pills.push({ kind: 'delivered', text: `${count(delivered.length)} delivered` })
  else if (buffered.length === 0 && skipped.length === 0)
    pills.push({ kind: 'nobody', text: '0 delivered' })
  if (buffered.length > 0)
    pills.push({ kind: 'buffered', text: `${count(buffered.length)} buffered` })
  for (const [reason, n] of skips(row))
    pills.push({ kind: 'skipped', text: `${count(n)} ${reason}` })
  const not = counts.get('not-subscribed') ?? 0
  const own = counts.get('own-presence') ?? 0
  if (row.record.notSubscribed === null)
    pills.push({ kind: 'not-subscribed', text: 'not subscribed: not computed' })
  else if (not > 0) pills.push({ kind: 'not-subscribed', text: `${count(not)} not subscribed` })
  if (own > 0) pills.push({ kind: 'not-subscribed', text: `${count(own)} own presence` })
  return pills
}

function matchesOutcome(row: LogRow, filter: OutcomeFilter): boolean {
  if (filter === 'all') return true
  if (filter === 'direct') return row.kind === 'direct'
  if (filter === 'refused') return row.kind === 'refused'
  if (row.kind !== 'dispatch') {
    return row.kind === 'direct' && outcomePills(row).some((p) => p.kind === filter)
  }
  const { result, notSubscribed } = row.record
  if (filter === 'delivered') return result.delivered.length > 0
  if (filter === 'buffered') return result.buffered.length > 0
  if (filter === 'skipped') return result.skipped.length > 0
  return (notSubscribed?.length ?? 0) > 0
}

function matchesType(row: LogRow, type: string | null): boolean {
  if (type === null) return true
  if (row.kind === 'dispatch') return row.record.eventType === type
  if (row.kind === 'direct') return row.types.includes(type)
  return row.record.what === type
}

/** How many sessions a row reached: the outcome column's sort. */
function reached(row: LogRow): number {
  if (row.kind === 'dispatch') return row.record.result.delivered.length
  if (row.kind === 'direct') return row.frames - row.failed
  return -1
}

function topicOf(row: LogRow): string {
  if (row.kind === 'dispatch') return `${row.record.backend}:${row.record.key}`
  if (row.kind === 'direct') return `direct:${row.sessionId ?? ''}`
  return `refused:${row.record.sessionId ?? ''}`
}

/**
 * The rows the log shows: those matching the event type and the outcome, in the chosen order (a stable
 * sort, so rows that compare equal keep the order they happened in).
 */
export function viewRows(
  rows: readonly LogRow[],
  filter: { type: string | null; outcome: OutcomeFilter },
  sort: Sort,
): LogRow[] {
  const shown = rows.filter((r) => matchesType(r, filter.type) && matchesOutcome(r, filter.outcome))
  if (sort.key === 'step') return sort.descending ? shown.reverse() : shown
  const compare: (a: LogRow, b: LogRow) => number =
    sort.key === 'event'
      ? (a, b) => rowEvent(a).localeCompare(rowEvent(b), 'en')
      : sort.key === 'topic'
        ? (a, b) => topicOf(a).localeCompare(topicOf(b), 'en')
        : (a, b) => reached(b) - reached(a)
  const sorted = shown.slice().sort(compare)
  return sort.descending ? sorted.reverse() : sorted
}
