import { goal, judge, type Verdict } from '../goals.ts'
import type { CliffId, CliffRow } from './cliffs.ts'

/** The cost-cliff goals (goals.ts `CLIFF_GOALS`) judged on W8's rows; undecided without a 100k row. */
export function cliffVerdicts(rows: readonly CliffRow[]): Verdict[] {
  const at = (id: CliffId, size: number) => rows.find((r) => r.id === id && r.size === size)
  const vsDispatch = (id: CliffId) => {
    const row = at(id, 100_000)
    return row?.dispatchMs
      ? {
          value: row.ms.median / row.dispatchMs.median,
          note: `${row.ms.median.toFixed(1)} ms ÷ ${row.dispatchMs.median.toFixed(1)} ms`,
        }
      : null
  }
  const growth = (id: CliffId) => {
    const [small, large] = [at(id, 1_000), at(id, 100_000)]
    return small && large ? large.ms.median / small.ms.median : NaN
  }
  const sameUser = Math.max(growth('identify-same-user'), growth('close-same-user'))
  const presence = at('presence-list-holders', 100_000)
  const sameList = at('op14-same-list', 100_000)?.bytes
  return [
    judge(goal('cliff-same-user'), Number.isNaN(sameUser) ? null : { value: sameUser }),
    judge(goal('cliff-presence-holders'), vsDispatch('presence-list-holders')),
    judge(
      goal('cliff-presence-bytes'),
      presence?.bytes ? { value: presence.bytes['retainedPerHolder'] as number } : null,
    ),
    judge(
      goal('cliff-op14-same-list'),
      sameList
        ? {
            value: Math.max(
              (sameList['firstSyncBytes'] as number) /
                (sameList['firstSyncBytesHeldOnce'] as number),
              (sameList['changeBytes'] as number) / (sameList['changeBytesHeldOnce'] as number),
            ),
            note: 'the larger of first SYNC and one change',
          }
        : null,
    ),
    judge(goal('cliff-update-channel'), vsDispatch('update-channel')),
    judge(goal('cliff-create-role'), vsDispatch('create-role')),
    judge(goal('cliff-toggle-hoist'), vsDispatch('toggle-hoist')),
  ]
}
