import { useMemo, useRef } from 'react'
import {
  useActions,
  useActiveDispatchId,
  useLogDirects,
  useLogDispatches,
  useLogRefusals,
  useModel,
} from '../../store/hooks.ts'
import { plural } from '../../store/plural.ts'
import { Term } from '../reference/Term.tsx'
import { logRows, type LogRow } from './logRows.ts'
import { EventRow } from './EventRow.tsx'
import { RunFileButtons } from './RunFileButtons.tsx'
import { useRowWindow } from './useRowWindow.ts'
import './EventLog.css'

/** What the rows are, counted: "12 rows: 7 dispatches, 4 direct sends, 1 refusal". */
function countsText(rows: readonly LogRow[]): string {
  const by = { dispatch: 0, direct: 0, refused: 0, ignored: 0 }
  for (const row of rows) {
    by[row.kind === 'refused' && row.record.answer.kind === 'ignored' ? 'ignored' : row.kind] += 1
  }
  const parts = [plural(by.dispatch, 'dispatch', 'dispatches')]
  if (by.direct) parts.push(plural(by.direct, 'direct send'))
  if (by.refused) parts.push(plural(by.refused, 'refusal'))
  if (by.ignored) parts.push(`${by.ignored.toLocaleString('en-US')} ignored`)
  return `${plural(rows.length, 'row')}: ${parts.join(', ')}`
}

/** The delivery ledger as a table: one row per dispatch up to the cursor, newest at the bottom. */
export function EventLog() {
  const dispatches = useLogDispatches()
  const directs = useLogDirects()
  const refusals = useLogRefusals()
  const model = useModel()
  const activeId = useActiveDispatchId()
  const { showDispatch, select } = useActions()
  const all = useMemo(() => logRows(dispatches, directs, refusals), [dispatches, directs, refusals])
  const scroller = useRef<HTMLDivElement>(null)
  // Only the rows in view are drawn: a long run has thousands.
  const view = useRowWindow(all.length, scroller)

  return (
    <section className="panel event-log" aria-labelledby="event-log-title">
      <header className="panel__header">
        <h2 id="event-log-title">Event log</h2>
        <span className="panel__hint" title="Select a row to show it again">
          {countsText(all)}
        </span>
        <RunFileButtons />
      </header>
      <div className="event-log__scroll" ref={scroller}>
        <table aria-labelledby="event-log-title" aria-rowcount={all.length + 1}>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Event</th>
              <th scope="col">
                <Term word="topic">Topic</Term>
              </th>
              <th scope="col">Delivered</th>
              <th scope="col">
                <Term word="buffered">Buffered</Term>
              </th>
              <th scope="col">Skipped</th>
              <th scope="col">Not subscribed</th>
            </tr>
          </thead>
          <tbody onKeyDown={view.onKeyDown}>
            {view.before > 0 && <tr aria-hidden="true" style={{ height: view.before }} />}
            {view.rows.map(({ index }) => {
              const row = all[index] as LogRow
              return (
                <EventRow
                  key={row.id}
                  index={index}
                  measure={view.measure}
                  row={row}
                  model={model}
                  selected={row.id === activeId}
                  onSelect={() =>
                    row.kind === 'direct'
                      ? row.sessionId && select({ kind: 'session', id: row.sessionId })
                      : showDispatch(row.id)
                  }
                />
              )
            })}
            {view.after > 0 && <tr aria-hidden="true" style={{ height: view.after }} />}
            {all.length === 0 && (
              <tr>
                <td colSpan={7} className="event-log__empty">
                  No dispatch yet. Try one of the suggested dispatches on the left.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  )
}
