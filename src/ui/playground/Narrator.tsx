import { narrate } from '../../store/explain.ts'
import {
  useActiveDirect,
  useActiveDispatch,
  useActiveRefusal,
  useModel,
  useShownStep,
} from '../../store/hooks.ts'
import { narrateRefusal } from '../../store/refusalText.ts'
import { narrateDirect, narrateStep } from '../../store/stepStory.ts'
import { sessionLabel } from '../format/sessionLabel.ts'
import './Narrator.css'

/** The non-visual twin of the animation: each row or step shown is read out politely. */
export function Narrator() {
  const record = useActiveDispatch()
  const refusal = useActiveRefusal()
  const direct = useActiveDirect()
  const shown = useShownStep()
  const model = useModel()
  const name = (id: string) => sessionLabel(model, id)
  const text = refusal
    ? narrateRefusal(refusal, model)
    : record
      ? narrate(record, model)
      : direct
        ? narrateDirect(direct.row, name)
        : shown && shown.index < 0
          ? narrateStep(shown.record, shown.step, name)
          : ''
  return (
    <p className="narrator" aria-live="polite" data-testid="narration">
      {text}
    </p>
  )
}
