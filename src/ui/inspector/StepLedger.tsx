import type { Step } from '../../store/connectEngine.ts'
import { narrate } from '../../store/explain.ts'
import type { GraphModel } from '../../store/graphModel.ts'
import { useActions } from '../../store/hooks.ts'
import type { LogRow } from '../../store/logRows.ts'
import { narrateRefusal } from '../../store/refusalText.ts'
import { narrateDirect, narrateStep } from '../../store/stepStory.ts'
import { sessionLabel } from '../format/sessionLabel.ts'

/** One row of a step in a line, as the narration reads it. */
function rowText(row: LogRow, model: GraphModel): string {
  const name = (id: string) => sessionLabel(model, id)
  if (row.kind === 'dispatch') return narrate(row.record, model)
  if (row.kind === 'direct') return narrateDirect(row, name)
  return narrateRefusal(row.record, model)
}

/**
 * A step shown whole: what it sent each session ("bob #1 1×, carol #1 2×"), and its rows, each a
 * button that shows that row alone; or, for a step that sent nothing, that it changed the world only.
 */
export function StepLedger({
  step,
  index,
  rows,
  model,
}: {
  step: Step
  index: number
  rows: readonly LogRow[]
  model: GraphModel
}) {
  const { showDispatch } = useActions()
  const name = (id: string) => sessionLabel(model, id)
  return (
    <>
      <p className="ledger__summary ledger__summary--step">{narrateStep(step, index, name)}</p>
      {rows.length > 0 && (
        <>
          <h3 className="subheading ledger__subheading">
            {rows.length === 1 ? 'What it sent' : `Its ${rows.length} rows, in order: pick one`}
          </h3>
          <ol className="ledger__list ledger__rows" aria-label={`Rows of step ${index + 1}`}>
            {rows.map((row) => (
              <li key={row.id}>
                <button
                  type="button"
                  className={`ledger__row ledger__row--${row.kind}`}
                  onClick={() => showDispatch(row.id)}
                >
                  {rowText(row, model)}
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  )
}
