import { BreakableName } from '../format/BreakableName.tsx'
import { memo, type KeyboardEvent } from 'react'
import type { GraphModel } from '../../store/graphModel.ts'
import type { LogRow } from '../../store/logRows.ts'
import { plural } from '../../store/plural.ts'
import { sessionLabel } from '../format/sessionLabel.ts'
import '../format/tags.css'
import { outcomePills, rowEvent } from './logView.ts'

interface Props {
  /** The row's place in the shown rows (only rows in view are drawn), and the measuring ref. */
  index: number
  measure: (el: HTMLTableRowElement | null) => void
  row: LogRow
  model: GraphModel
  selected: boolean
  /** The row belongs to the step shown as a whole. */
  inShownStep: boolean
  onSelect: () => void
}

const SYMBOL = {
  delivered: '✓',
  buffered: '‖',
  skipped: '✕',
  'not-subscribed': '–',
  refused: '✕',
  replayed: '↻',
  nobody: '∅',
} as const

/** Where a row went: a topic key, the session a direct frame went to, or who was refused. */
function topicText(row: LogRow, model: GraphModel): string {
  if (row.kind === 'dispatch') return `${row.record.backend}:${row.record.key}`
  if (row.kind === 'direct') {
    return `direct → ${row.sessionId ? sessionLabel(model, row.sessionId) : plural(row.sessions, 'session')}`
  }
  return row.record.sessionId ? `← ${sessionLabel(model, row.record.sessionId)}` : 'gateway'
}

/** One row of the event log; Enter or Space selects it like a click. */
function EventRowComponent({ index, measure, row, model, selected, inShownStep, onSelect }: Props) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      onSelect()
    }
  }
  const classes = ['event-row', `event-row--${row.kind}`]
  if (selected) classes.push('is-selected')
  if (inShownStep) classes.push('is-in-step')
  const tag =
    row.kind === 'dispatch'
      ? row.record.cause
      : row.kind === 'refused' && row.record.offTimeline
        ? 'not on the timeline'
        : null
  return (
    <tr
      ref={measure}
      data-index={index}
      aria-rowindex={index + 2}
      tabIndex={0}
      onClick={onSelect}
      onKeyDown={onKeyDown}
      aria-selected={selected || inShownStep}
      className={classes.join(' ')}
    >
      <td className="num">
        {row.kind === 'refused' && row.record.offTimeline ? '–' : row.step + 1}
      </td>
      <td className="mono names">
        <BreakableName text={rowEvent(row)} />
      </td>
      <td className="mono names">
        <BreakableName text={topicText(row, model)} />
        {tag && <span className="tag">{tag}</span>}
      </td>
      <td className="wrap">
        <span className="pills">
          {outcomePills(row, model).map((pill, i) => (
            <span key={i} className={`pill pill--${pill.kind}`}>
              <span aria-hidden="true">{SYMBOL[pill.kind]}</span> {pill.text}
            </span>
          ))}
        </span>
      </td>
    </tr>
  )
}

export const EventRow = memo(EventRowComponent)
