import { keyProblem, narrate } from '../../store/explain.ts'
import {
  useActiveDirect,
  useActiveDispatch,
  useActiveRefusal,
  useModel,
  useShownStep,
  useTimeline,
} from '../../store/hooks.ts'
import { DirectLedger } from './DirectLedger.tsx'
import { LedgerList } from './LedgerList.tsx'
import { RefusalLedger } from './RefusalLedger.tsx'
import { StepLedger } from './StepLedger.tsx'
import { StepRowNav } from './StepRowNav.tsx'
import './DeliveryLedger.css'

/**
 * What the shown step did, session by session, and above all why: a dispatch, frames sent directly, a
 * refusal, or the whole step (its rows to pick from). Moving through time shows each step's own.
 */
export function DeliveryLedger() {
  const record = useActiveDispatch()
  const refusal = useActiveRefusal()
  const direct = useActiveDirect()
  const shown = useShownStep()
  const model = useModel()
  const { cursor } = useTimeline()
  let body
  if (refusal) body = <RefusalLedger refusal={refusal} model={model} />
  else if (record) {
    const problem = keyProblem(record, model)
    body = (
      <>
        <p className="ledger__summary">{narrate(record, model)}</p>
        {problem && (
          <p className="panel__hint ledger__hint">
            The key {problem}: no session is subscribed to it, so nobody was considered.
          </p>
        )}
        <details className="ledger__payload">
          <summary>Payload</summary>
          <pre>{JSON.stringify(record.payload, null, 2)}</pre>
        </details>
        <LedgerList key={record.id} record={record} model={model} />
        {record.notSubscribed === null && (
          <p className="panel__hint ledger__hint">
            Not-subscribed sessions were not computed for this dispatch (a busy step).
          </p>
        )}
      </>
    )
  } else if (direct && shown) {
    body = (
      <DirectLedger row={direct.row} frames={direct.frames} step={shown.record} model={model} />
    )
  } else if (shown && shown.index < 0) {
    body = <StepLedger step={shown.record} index={shown.step} rows={shown.rows} model={model} />
  } else {
    body = (
      <p className="panel__empty">
        {cursor === 0
          ? 'The empty world, before the first step: step forward to see what each step did.'
          : 'Select a row of the event log, or make a change, to see who got it and why.'}
      </p>
    )
  }
  return (
    <section className="panel ledger" aria-labelledby="ledger-title">
      <header className="panel__header">
        <h2 id="ledger-title">Delivery</h2>
        <StepRowNav />
      </header>
      {body}
    </section>
  )
}
