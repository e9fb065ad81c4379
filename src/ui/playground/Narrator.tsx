import { narrate } from '../../store/explain.ts'
import { useActiveDispatch, useActiveRefusal, useModel } from '../../store/hooks.ts'
import { narrateRefusal } from '../../store/refusalText.ts'
import './Narrator.css'

/** The non-visual twin of the animation: each dispatch (or refusal) shown is read out politely. */
export function Narrator() {
  const record = useActiveDispatch()
  const refusal = useActiveRefusal()
  const model = useModel()
  return (
    <p className="narrator" aria-live="polite" data-testid="narration">
      {refusal ? narrateRefusal(refusal, model) : record ? narrate(record) : ''}
    </p>
  )
}
