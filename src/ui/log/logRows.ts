import type { DirectRecord, DispatchRecord } from '../../store/connectEngine.ts'
import type { RefusalRecord } from '../../store/refusals.ts'

export type LogRow =
  | { kind: 'dispatch'; id: string; step: number; record: DispatchRecord }
  | { kind: 'refused'; id: string; step: number; record: RefusalRecord }
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

const ORDER: Record<LogRow['kind'], number> = { dispatch: 0, direct: 1, refused: 2 }

/**
 * Dispatch rows, one row per step and session for frames sent directly (READY, replays, RESUMED), and
 * one per refusal (last in its step: it is the answer to the step's call).
 */
export function logRows(
  dispatches: readonly DispatchRecord[],
  directs: readonly DirectRecord[],
  refusals: readonly RefusalRecord[] = [],
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
  const refused = refusals.map((record): LogRow => ({
    kind: 'refused',
    id: record.id,
    step: record.step,
    record,
  }))
  // Within a step: its dispatches, the frames it sent directly, its refusal (the sort is stable).
  return [...rows, ...grouped.values(), ...refused].sort(
    (a, b) => a.step - b.step || ORDER[a.kind] - ORDER[b.kind],
  )
}
