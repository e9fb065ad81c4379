import type { DirectRecord, DispatchRecord } from '../../store/connectEngine.ts'

export type LogRow =
  | { kind: 'dispatch'; id: string; step: number; record: DispatchRecord }
  | {
      kind: 'direct'
      id: string
      step: number
      /** The one session, or null when the row stands for many (see SESSIONS_PER_ROW). */
      sessionId: string | null
      sessions: number
      types: string[]
      replayed: number
      failed: number
    }

/** A step that sent frames directly to more sessions than this gets one summary row, not one per session. */
const SESSIONS_PER_ROW = 8

/** Dispatch rows, and one row per step and session for frames sent directly (READY, replays, RESUMED). */
export function logRows(
  dispatches: readonly DispatchRecord[],
  directs: readonly DirectRecord[],
): LogRow[] {
  const rows: LogRow[] = dispatches.map((record) => ({
    kind: 'dispatch',
    id: record.id,
    step: record.step,
    record,
  }))
  const perStep = new Map<number, Set<string>>()
  for (const d of directs) perStep.set(d.step, (perStep.get(d.step) ?? new Set()).add(d.sessionId))
  const grouped = new Map<string, Extract<LogRow, { kind: 'direct' }>>()
  for (const d of directs) {
    const many = (perStep.get(d.step)?.size ?? 0) > SESSIONS_PER_ROW
    const id = many ? `direct:${d.step}` : `direct:${d.step}:${d.sessionId}`
    const sessions = many ? (perStep.get(d.step)?.size ?? 0) : 1
    const row = grouped.get(id) ?? {
      kind: 'direct',
      id,
      step: d.step,
      sessionId: many ? null : d.sessionId,
      sessions,
      types: [],
      replayed: 0,
      failed: 0,
    }
    const type = d.t ?? `op ${d.op}`
    if (!row.types.includes(type)) row.types.push(type)
    if (d.replay) row.replayed += 1
    if (d.outcome === 'failed') row.failed += 1
    grouped.set(id, row)
  }
  // Within a step, its dispatches first, then the frames it sent directly (the sort is stable).
  return [...rows, ...grouped.values()].sort(
    (a, b) => a.step - b.step || (a.kind === b.kind ? 0 : a.kind === 'dispatch' ? -1 : 1),
  )
}
