import type { DirectRecord, Step } from '../../store/connectEngine.ts'
import type { GraphModel } from '../../store/graphModel.ts'
import { useActions, useSelection } from '../../store/hooks.ts'
import type { DirectRow } from '../../store/logRows.ts'
import { explainFrame, frameName, narrateDirect } from '../../store/stepStory.ts'
import { count } from '../../store/plural.ts'
import { sessionLabel } from '../format/sessionLabel.ts'
import { VirtualList } from '../format/VirtualList.tsx'

const SYMBOL = { delivered: '✓', buffered: '‖', failed: '✕' } as const

/**
 * The Delivery panel for frames sent straight to sessions (READY and GUILD_CREATE at IDENTIFY, a
 * RESUME's replay and RESUMED, op 9): each frame in order, with its s and why it was sent. Drawn only
 * where the list is in view: an IDENTIFY of 1,000 sessions sends 2,000 frames, and drawing them all
 * made every later restyle of the page (a load's progress panel makes the playground inert) one
 * task of 400 ms.
 */
export function DirectLedger({
  row,
  frames,
  step,
  model,
}: {
  row: DirectRow
  frames: readonly DirectRecord[]
  step: Step
  model: GraphModel
}) {
  const selection = useSelection()
  const { select } = useActions()
  const name = (id: string) => sessionLabel(model, id)
  return (
    <>
      <p className="ledger__summary">{narrateDirect(row, name)}</p>
      {frames.length === 0 ? (
        <p className="panel__hint ledger__hint">
          A step built by a rule counts its direct frames instead of listing them:{' '}
          {count(row.frames)} frames ({row.types.join(', ')}) to {count(row.sessions)} sessions.
        </p>
      ) : (
        <VirtualList
          items={frames}
          label="Frames sent directly, in order"
          ordered
          estimateSize={50}
          gap={5}
          getKey={(_, i) => i}
          className="ledger__scroll"
          renderItem={(f) => {
            const kind = f.outcome === 'failed' ? 'skipped' : f.outcome
            const selected = selection?.kind === 'session' && selection.id === f.sessionId
            return (
              <div
                className={`ledger__item ledger__item--${kind}${selected ? ' is-selected' : ''}`}
              >
                <button
                  type="button"
                  className="ledger__who"
                  onClick={() => select({ kind: 'session', id: f.sessionId })}
                >
                  <span aria-hidden="true">{SYMBOL[f.outcome]}</span> {name(f.sessionId)}
                </button>
                <span className="ledger__what mono">
                  {frameName(f)}
                  {f.replay && <span className="tag tag--replay">replayed</span>}
                </span>
                <span className="ledger__why">{explainFrame(f, step, model)}</span>
              </div>
            )
          }}
        />
      )}
    </>
  )
}
