import { useMemo, useRef, useState } from 'react'
import type { LogRow } from '../../store/logRows.ts'
import {
  useActions,
  useActiveDispatchId,
  useActiveStep,
  useLogRows,
  useModel,
} from '../../store/hooks.ts'
import { plural } from '../../store/plural.ts'
import { EventRow } from './EventRow.tsx'
import {
  DEFAULT_SORT,
  eventTypes,
  OUTCOME_FILTERS,
  viewRows,
  type OutcomeFilter,
  type Sort,
  type SortKey,
} from './logView.ts'
import { RunFileButtons } from './RunFileButtons.tsx'
import { useRowWindow } from './useRowWindow.ts'
import './EventLog.css'

/** The log's place on the page, for the playground's skip links and panes. */
export const LOG_ID = 'playground-log'

/** What the rows are, counted: "12 rows: 7 dispatches, 4 direct sends, 1 refusal". */
function countsText(rows: readonly LogRow[], shown: number): string {
  const by = { dispatch: 0, direct: 0, refused: 0, ignored: 0 }
  for (const row of rows) {
    by[row.kind === 'refused' && row.record.answer.kind === 'ignored' ? 'ignored' : row.kind] += 1
  }
  const parts = [plural(by.dispatch, 'dispatch', 'dispatches')]
  if (by.direct) parts.push(plural(by.direct, 'direct send'))
  if (by.refused) parts.push(plural(by.refused, 'refusal'))
  if (by.ignored) parts.push(`${by.ignored.toLocaleString('en-US')} ignored`)
  const all = `${plural(rows.length, 'row')}: ${parts.join(', ')}`
  return shown === rows.length ? all : `${shown.toLocaleString('en-US')} shown of ${all}`
}

const COLUMNS: readonly (readonly [SortKey, string])[] = [
  ['step', 'Step'],
  ['event', 'Event'],
  ['topic', 'Topic'],
  ['outcome', 'Outcome'],
]

/**
 * The event log: one row per dispatch, per session sent frames directly, and per refusal, up to the
 * cursor, filtered by event type and outcome and sorted by any column (by step, in the order things
 * happened, unless asked otherwise). The shown row is highlighted (every row of a step shown whole)
 * and kept in view as time moves.
 */
export function EventLog() {
  const all = useLogRows()
  const model = useModel()
  const activeId = useActiveDispatchId()
  const activeStep = useActiveStep()
  const { showDispatch, select } = useActions()
  const [type, setType] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<OutcomeFilter>('all')
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT)
  const types = useMemo(() => eventTypes(all), [all])
  const rows = useMemo(() => viewRows(all, { type, outcome }, sort), [all, type, outcome, sort])
  const scroller = useRef<HTMLDivElement>(null)
  // The row to keep in view: the shown one (or the first of the shown step), else the newest.
  const follow = useMemo(() => {
    const shown = rows.findIndex((r) =>
      activeStep !== null ? r.step === activeStep : r.id === activeId,
    )
    if (shown >= 0) return shown
    return sort === DEFAULT_SORT ? rows.length - 1 : -1
  }, [rows, activeId, activeStep, sort])
  // Only the rows in view are drawn: a long run has thousands.
  const view = useRowWindow(rows.length, scroller, follow)
  const sortBy = (key: SortKey) =>
    setSort((s) =>
      s.key === key
        ? key === 'step' && s.descending
          ? DEFAULT_SORT
          : { key, descending: !s.descending }
        : { key, descending: false },
    )

  return (
    <section
      className="panel event-log"
      aria-labelledby="event-log-title"
      id={LOG_ID}
      tabIndex={-1}
    >
      <header className="panel__header event-log__header">
        <h2 id="event-log-title">Event log</h2>
        <span className="panel__hint event-log__counts" aria-live="polite">
          {countsText(all, rows.length)}
        </span>
        <div className="event-log__filters">
          <select
            aria-label="Filter the log by event"
            value={type ?? ''}
            onChange={(e) => setType(e.currentTarget.value || null)}
          >
            <option value="">All events</option>
            {types.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          <select
            aria-label="Filter the log by outcome"
            value={outcome}
            onChange={(e) => setOutcome(e.currentTarget.value as OutcomeFilter)}
          >
            {OUTCOME_FILTERS.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </div>
        <RunFileButtons />
      </header>
      <div className="event-log__scroll" ref={scroller}>
        <table aria-labelledby="event-log-title" aria-rowcount={rows.length + 1}>
          <thead>
            <tr>
              {COLUMNS.map(([key, title]) => (
                <th
                  key={key}
                  scope="col"
                  className={`event-log__col--${key}`}
                  aria-sort={
                    sort.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined
                  }
                >
                  <button
                    type="button"
                    className="event-log__sort"
                    onClick={() => sortBy(key)}
                    title={`Sort by ${title.toLowerCase()}`}
                  >
                    {title}
                    <span aria-hidden="true" className="event-log__arrow">
                      {sort.key === key ? (sort.descending ? '▼' : '▲') : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody onKeyDown={view.onKeyDown}>
            {view.before > 0 && <tr aria-hidden="true" style={{ height: view.before }} />}
            {view.rows.map(({ index }) => {
              const row = rows[index] as LogRow
              return (
                <EventRow
                  key={row.id}
                  index={index}
                  measure={view.measure}
                  row={row}
                  model={model}
                  selected={row.id === activeId}
                  inShownStep={activeStep !== null && row.step === activeStep}
                  onSelect={() => {
                    showDispatch(row.id)
                    if (row.kind === 'direct' && row.sessionId)
                      select({ kind: 'session', id: row.sessionId })
                  }}
                />
              )
            })}
            {view.after > 0 && <tr aria-hidden="true" style={{ height: view.after }} />}
            {rows.length === 0 && (
              <tr>
                <td colSpan={4} className="event-log__empty">
                  {all.length === 0
                    ? 'Nothing sent yet. Try one of the suggested calls (Try it).'
                    : 'No row matches these filters.'}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  )
}
