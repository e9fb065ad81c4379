import { memo, type KeyboardEvent } from 'react'
import { skipCounts } from '../../store/connectEngine.ts'
import type { GraphModel } from '../../store/graphModel.ts'
import { verdictText } from '../../store/refusalText.ts'
import { sessionLabel } from '../format/sessionLabel.ts'
import { plural } from '../../store/plural.ts'
import '../format/tags.css'
import type { LogRow } from './logRows.ts'

interface Props {
  /** The row's place in the whole log (only rows in view are drawn), and the measuring ref. */
  index: number
  measure: (el: HTMLTableRowElement | null) => void
  row: LogRow
  model: GraphModel
  selected: boolean
  onSelect: () => void
}

/** One row of the event log; Enter or Space selects it like a click. */
function EventRowComponent({ index, measure, row, model, selected, onSelect }: Props) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      onSelect()
    }
  }
  const common = {
    ref: measure,
    'data-index': index,
    'aria-rowindex': index + 2,
    tabIndex: 0,
    onClick: onSelect,
    onKeyDown,
    'aria-selected': selected,
    className: `event-row event-row--${row.kind}${selected ? ' is-selected' : ''}`,
  }
  if (row.kind === 'refused') {
    const { record } = row
    return (
      <tr {...common}>
        <td>{record.offTimeline ? '–' : row.step + 1}</td>
        <td className="mono">{record.what}</td>
        <td className="wrap">
          {record.sessionId ? `← ${sessionLabel(model, record.sessionId)}` : 'gateway'}
          {record.offTimeline && <span className="tag">not on the timeline</span>}
        </td>
        <td />
        <td />
        <td className="wrap" colSpan={2}>
          <span className="reason-tag">{verdictText(record)}</span>
        </td>
      </tr>
    )
  }
  if (row.kind === 'direct') {
    return (
      <tr {...common}>
        <td>{row.step + 1}</td>
        <td className="mono">{row.types.join(', ')}</td>
        <td className="wrap">
          direct →{' '}
          {row.sessionId ? sessionLabel(model, row.sessionId) : plural(row.sessions, 'session')}
          {row.replayed > 0 && <span className="tag tag--replay">{row.replayed} replayed</span>}
        </td>
        <td className="num">{row.sessions - row.failed}</td>
        <td />
        <td>{row.failed ? `${row.failed} send-failed` : ''}</td>
        <td />
      </tr>
    )
  }
  const { record } = row
  const { delivered, buffered } = record.result
  const skips = skipCounts(record.result)
  const notSubscribed = record.notSubscribed
  return (
    <tr {...common}>
      <td>{row.step + 1}</td>
      <td className="mono">{record.eventType}</td>
      <td className="mono wrap">
        {record.backend}:{record.key}
        {record.cause && <span className="tag">{record.cause}</span>}
      </td>
      <td className="num delivered">{delivered.length}</td>
      <td className="num buffered">{buffered.length || ''}</td>
      <td className="skipped wrap">
        {skips.map(([reason, n]) => (
          <span key={reason} className="reason-tag">
            {n} {reason}
          </span>
        ))}
      </td>
      <td className="num">{notSubscribed === null ? '—' : notSubscribed.length || ''}</td>
    </tr>
  )
}

export const EventRow = memo(EventRowComponent)
