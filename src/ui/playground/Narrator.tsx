import { narrate } from '../../store/explain.ts'
import { useActiveDispatch } from '../../store/hooks.ts'
import './Narrator.css'

/** The non-visual twin of the animation: each dispatch shown is read out politely. */
export function Narrator() {
  const record = useActiveDispatch()
  return (
    <p className="narrator" aria-live="polite" data-testid="narration">
      {record ? narrate(record) : ''}
    </p>
  )
}
