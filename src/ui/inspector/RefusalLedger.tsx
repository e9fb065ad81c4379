import type { GraphModel } from '../../store/graphModel.ts'
import { useActions, useSelection } from '../../store/hooks.ts'
import { explainRefusal, narrateRefusal, verdictText } from '../../store/refusalText.ts'
import type { RefusalRecord } from '../../store/refusals.ts'
import { sessionLabel } from '../format/sessionLabel.ts'

/** The Delivery panel for a refusal: what was asked, what the server answered, and what to do. */
export function RefusalLedger({ refusal, model }: { refusal: RefusalRecord; model: GraphModel }) {
  const selection = useSelection()
  const { select } = useActions()
  const { sessionId } = refusal
  const selected = selection?.kind === 'session' && selection.id === sessionId
  return (
    <>
      <p className="ledger__summary">{narrateRefusal(refusal, model)}</p>
      <ul className="ledger__list" aria-label="What was refused and why">
        <li className={`ledger__item ledger__item--refused${selected ? ' is-selected' : ''}`}>
          {sessionId ? (
            <button
              type="button"
              className="ledger__who"
              onClick={() => select({ kind: 'session', id: sessionId })}
            >
              <span aria-hidden="true">✕</span> {sessionLabel(model, sessionId)}
            </button>
          ) : (
            <span className="ledger__who">
              <span aria-hidden="true">✕</span> {refusal.what}
            </span>
          )}
          <span className="ledger__what">{verdictText(refusal)}</span>
          {/* A call refused just now is announced; a refusal on the timeline is read when shown. */}
          <span className="ledger__why" role={refusal.offTimeline ? 'alert' : undefined}>
            {explainRefusal(refusal, model)}
          </span>
        </li>
      </ul>
      {refusal.frame && (
        <details className="ledger__payload">
          <summary>Frame sent</summary>
          <pre>{JSON.stringify(refusal.frame, null, 2)}</pre>
        </details>
      )}
    </>
  )
}
