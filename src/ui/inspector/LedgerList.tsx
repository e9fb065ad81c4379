import { useMemo, useState } from 'react'
import type { DispatchRecord } from '../../store/connectEngine.ts'
import {
  explainOutcome,
  outcomeCounts,
  outcomeKey,
  outcomesOf,
  type OutcomeKey,
  type SessionOutcomeEntry,
} from '../../store/explain.ts'
import type { GraphModel } from '../../store/graphModel.ts'
import { useActions, useSelection } from '../../store/hooks.ts'
import { count } from '../../store/plural.ts'
import { sessionLabel } from '../format/sessionLabel.ts'
import { VirtualList } from '../format/VirtualList.tsx'
import { Term } from '../reference/Term.tsx'
import { OUTCOME_SYMBOL as SYMBOL, outcomeText } from './outcomeText.ts'

/** "skipped: intents", "not subscribed", "own presence". */
function keyText(key: OutcomeKey): string {
  return key.startsWith('skipped:') ? `skipped: ${key.slice(8)}` : key.replace('-', ' ')
}

const kindOf = (key: OutcomeKey) =>
  (key.startsWith('skipped:')
    ? 'skipped'
    : key === 'own-presence'
      ? 'not-subscribed'
      : key) as keyof typeof SYMBOL

/**
 * Every session of the shown dispatch, grouped by outcome (skips first, per reason), drawn only where
 * the list is in view, with a count per outcome that also filters the list. Each row's sentence is
 * written when it is drawn: 100,000 sentences nobody reads are not written at all.
 */
export function LedgerList({ record, model }: { record: DispatchRecord; model: GraphModel }) {
  const selection = useSelection()
  const { select } = useActions()
  const [filter, setFilter] = useState<OutcomeKey | null>(null)
  const counts = useMemo(() => outcomeCounts(record, model), [record, model])
  const ordered = useMemo(() => {
    const groups = new Map<OutcomeKey, SessionOutcomeEntry[]>(counts.map(([key]) => [key, []]))
    for (const entry of outcomesOf(record, model))
      groups.get(outcomeKey(entry.outcome))?.push(entry)
    return filter ? (groups.get(filter) ?? []) : [...groups.values()].flat()
  }, [record, model, counts, filter])
  const selectedId = selection?.kind === 'session' ? selection.id : null
  return (
    <>
      <div className="ledger__counts" role="group" aria-label="Show sessions by outcome">
        {counts.map(([key, n]) => (
          <button
            key={key}
            type="button"
            className={`ledger__count ledger__count--${kindOf(key)}`}
            aria-pressed={filter === key}
            title={filter === key ? 'Show every session again' : `Show only these sessions`}
            onClick={() => setFilter(filter === key ? null : key)}
          >
            <span aria-hidden="true">{SYMBOL[kindOf(key)]}</span> {count(n)} {keyText(key)}
          </button>
        ))}
      </div>
      <VirtualList
        items={ordered}
        label="Sessions and why"
        estimateSize={50}
        gap={5}
        getKey={(e) => e.sessionId}
        className="ledger__scroll"
        renderItem={(e) => (
          <LedgerItem
            entry={e}
            record={record}
            model={model}
            selected={e.sessionId === selectedId}
            onSelect={() => select({ kind: 'session', id: e.sessionId })}
          />
        )}
      />
    </>
  )
}

function LedgerItem({
  entry,
  record,
  model,
  selected,
  onSelect,
}: {
  entry: SessionOutcomeEntry
  record: DispatchRecord
  model: GraphModel
  selected: boolean
  onSelect: () => void
}) {
  const { outcome, sessionId } = entry
  return (
    <div className={`ledger__item ledger__item--${outcome.kind}${selected ? ' is-selected' : ''}`}>
      <button type="button" className="ledger__who" onClick={onSelect}>
        <span aria-hidden="true">{SYMBOL[outcome.kind]}</span> {sessionLabel(model, sessionId)}
      </button>
      <span className="ledger__what">
        {outcome.kind === 'buffered' ? <Term word="buffered">buffered</Term> : outcomeText(outcome)}
      </span>
      <span className="ledger__why">
        {explainOutcome(record, outcome, model.directory.get(sessionId), model)}
      </span>
    </div>
  )
}
