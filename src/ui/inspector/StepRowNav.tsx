import { useActions, useShownStep } from '../../store/hooks.ts'

/**
 * "2 of 3 in step 5" with previous / next, and All to see the step's rows together again: a step that
 * made several dispatches or direct sends shows them one by one.
 */
export function StepRowNav() {
  const shown = useShownStep()
  const { showDispatch, showStep } = useActions()
  if (!shown || shown.index < 0 || shown.rows.length < 2) return null
  const { step, rows, index } = shown
  const go = (to: number) => showDispatch(rows[to]?.id ?? null)
  return (
    <nav className="step-rows" aria-label={`Rows of step ${step + 1}`}>
      <button
        type="button"
        className="button button--small"
        onClick={() => go(index - 1)}
        disabled={index === 0}
        aria-label={`Previous row of step ${step + 1}`}
      >
        ‹
      </button>
      <span className="step-rows__count" aria-live="polite">
        {index + 1} of {rows.length} in step {step + 1}
      </span>
      <button
        type="button"
        className="button button--small"
        onClick={() => go(index + 1)}
        disabled={index === rows.length - 1}
        aria-label={`Next row of step ${step + 1}`}
      >
        ›
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() => showStep(step)}
        title={`Every row of step ${step + 1} together`}
      >
        All
      </button>
    </nav>
  )
}
