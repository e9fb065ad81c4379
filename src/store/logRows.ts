import type { DirectRecord, DispatchRecord, Step } from './connectEngine.ts'
import type { RefusalRecord } from './refusals.ts'

/** A row of frames sent straight to sessions, outside any fan-out (READY, replays, RESUMED, op 9). */
export interface DirectRow {
  readonly kind: 'direct'
  readonly id: string
  readonly step: number
  /** The one session, or null when the row stands for many (see SESSIONS_PER_ROW). */
  readonly sessionId: string | null
  readonly sessions: number
  /** Frame types in the order first sent (`op 9` for a control frame). */
  readonly types: readonly string[]
  readonly frames: number
  readonly replayed: number
  readonly failed: number
  readonly buffered: number
}

/** One row of the event log: a dispatch, the frames a step sent one session directly, or a refusal. */
export type LogRow =
  | { kind: 'dispatch'; id: string; step: number; record: DispatchRecord }
  | { kind: 'refused'; id: string; step: number; record: RefusalRecord }
  | DirectRow

/** A step that sent frames directly to more sessions than this gets one summary row, not one per session. */
export const SESSIONS_PER_ROW = 8

/** The id of the row standing for a step as a whole (several rows, shown together). */
export const stepRowId = (step: number) => `step:${step}`

/**
 * The rows one step made, in the order they happened: its dispatches and, per session, the frames it
 * sent directly (placed where the first of them was sent; one row for all when more than
 * SESSIONS_PER_ROW sessions, and a generated step's are only counted), then its refusals (last: they
 * answer the step's call).
 */
export function rowsOfStep(
  step: Pick<Step, 'dispatches' | 'directs' | 'refusals' | 'directCounts'>,
  index: number,
): LogRow[] {
  const rows: LogRow[] = step.dispatches.map((record) => ({
    kind: 'dispatch',
    id: record.id,
    step: index,
    record,
  }))
  const sessions = new Set(step.directs.map((d) => d.sessionId))
  const many = sessions.size > SESSIONS_PER_ROW
  const grouped = new Map<string, DirectRow>()
  for (const d of step.directs) {
    const id = many ? `direct:${index}` : `direct:${index}:${d.sessionId}`
    const row = grouped.get(id) ?? {
      kind: 'direct',
      id,
      step: index,
      sessionId: many ? null : d.sessionId,
      sessions: many ? sessions.size : 1,
      types: [],
      frames: 0,
      replayed: 0,
      failed: 0,
      buffered: 0,
    }
    const type = frameType(d)
    grouped.set(id, {
      ...row,
      types: row.types.includes(type) ? row.types : [...row.types, type],
      frames: row.frames + 1,
      replayed: row.replayed + (d.replay ? 1 : 0),
      failed: row.failed + (d.outcome === 'failed' ? 1 : 0),
      buffered: row.buffered + (d.outcome === 'buffered' ? 1 : 0),
    })
  }
  if (grouped.size > 0) {
    const first = new Map<string, number>()
    for (const d of step.directs) {
      const id = many ? `direct:${index}` : `direct:${index}:${d.sessionId}`
      if (!first.has(id)) first.set(id, d.order)
    }
    const at = (row: LogRow) =>
      row.kind === 'dispatch' ? row.record.order : (first.get(row.id) ?? 0)
    rows.push(...grouped.values())
    rows.sort((a, b) => at(a) - at(b))
  }
  const counted = step.directCounts
  if (counted && counted.frames > 0) {
    rows.push({
      kind: 'direct',
      id: `direct:${index}`,
      step: index,
      sessionId: null,
      sessions: counted.sessions,
      types: counted.types,
      frames: counted.frames,
      replayed: counted.replayed,
      failed: counted.failed,
      buffered: 0,
    })
  }
  for (const record of step.refusals)
    rows.push({ kind: 'refused', id: record.id, step: index, record })
  return rows
}

/** Every row of the first `count` steps, oldest first. */
export function logRowsOf(steps: readonly Step[], count: number): LogRow[] {
  return steps.slice(0, count).flatMap((step, i) => rowsOfStep(step, i))
}

/** A direct frame's type as the log names it: its `t`, or `op 9` for a control frame. */
export function frameType(d: Pick<DirectRecord, 't' | 'op'>): string {
  return d.t ?? `op ${d.op}`
}
