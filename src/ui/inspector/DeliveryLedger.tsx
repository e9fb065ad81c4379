import { narrate } from '../../store/explain.ts'
import { useActiveDispatch, useActiveRefusal, useModel } from '../../store/hooks.ts'
import { LedgerList } from './LedgerList.tsx'
import { RefusalLedger } from './RefusalLedger.tsx'
import { StepRowNav } from './StepRowNav.tsx'
import './DeliveryLedger.css'

/** The shown dispatch, session by session: what it did and, above all, why (or what was refused). */
export function DeliveryLedger() {
  const record = useActiveDispatch()
  const refusal = useActiveRefusal()
  const model = useModel()
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
          <LedgerList key={record.id} record={record} model={model} />
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
