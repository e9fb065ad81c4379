import { useMemo } from 'react'
import { ledgerOf, narrate } from '../../store/explain.ts'
import {
  useActions,
  useActiveDispatch,
  useActiveRefusal,
  useModel,
  useSelection,
} from '../../store/hooks.ts'
import { plural } from '../format/plural.ts'
import { sessionLabel } from '../format/sessionLabel.ts'
import { RefusalLedger } from './RefusalLedger.tsx'
import { StepRowNav } from './StepRowNav.tsx'
import './DeliveryLedger.css'

const SYMBOL = { delivered: '✓', buffered: '‖', skipped: '✕', 'not-subscribed': '–' } as const
const MAX_ENTRIES = 60

/** The shown dispatch, session by session: what it did and, above all, why (or what was refused). */
export function DeliveryLedger() {
  const record = useActiveDispatch()
  const refusal = useActiveRefusal()
  const model = useModel()
  const selection = useSelection()
  const { select } = useActions()
  const entries = useMemo(() => (record ? ledgerOf(record, model) : []), [record, model])
  // Skips and not-subscribed first: they are what people come to ask about.
  const ordered = useMemo(
    () =>
      [...entries].sort(
        (a, b) => Number(a.outcome.kind === 'delivered') - Number(b.outcome.kind === 'delivered'),
      ),
    [entries],
  )
  return (
    <section className="panel ledger" aria-labelledby="ledger-title">
      <header className="panel__header">
        <h2 id="ledger-title">Delivery</h2>
        <StepRowNav />
      </header>
      {refusal ? (
        <RefusalLedger refusal={refusal} model={model} />
      ) : !record ? (
        <p className="panel__empty">
          Dispatch something (or select a row of the event log) to see who got it and why.
        </p>
      ) : (
        <>
          <p className="ledger__summary">{narrate(record)}</p>
          <details className="ledger__payload">
            <summary>Payload</summary>
            <pre>{JSON.stringify(record.payload, null, 2)}</pre>
          </details>
          <ul className="ledger__list" aria-label="Sessions and why">
            {ordered.slice(0, MAX_ENTRIES).map((e) => (
              <li
                key={e.sessionId}
                className={`ledger__item ledger__item--${e.outcome.kind}${selection?.kind === 'session' && selection.id === e.sessionId ? ' is-selected' : ''}`}
              >
                <button
                  type="button"
                  className="ledger__who"
                  onClick={() => select({ kind: 'session', id: e.sessionId })}
                >
                  <span aria-hidden="true">{SYMBOL[e.outcome.kind]}</span>{' '}
                  {sessionLabel(model, e.sessionId)}
                </button>
                <span className="ledger__what">
                  {e.outcome.kind === 'skipped'
                    ? `skipped: ${e.outcome.reason}`
                    : e.outcome.kind.replace('-', ' ')}
                </span>
                <span className="ledger__why">{e.why}</span>
              </li>
            ))}
          </ul>
          {ordered.length > MAX_ENTRIES && (
            <p className="panel__hint">
              …and {plural(ordered.length - MAX_ENTRIES, 'more session')}
              {ordered.slice(MAX_ENTRIES).every((e) => e.outcome.kind === 'delivered')
                ? ', all delivered.'
                : '.'}
            </p>
          )}
          {record.notSubscribed === null && (
            <p className="panel__hint">
              Not-subscribed sessions were not computed for this dispatch (a busy step).
            </p>
          )}
        </>
      )}
    </section>
  )
}
