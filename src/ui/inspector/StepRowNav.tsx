import { useActions, useActiveStepRows } from '../../store/hooks.ts'

/** "2 of 3 in step 5" with previous / next: a step that made several dispatches shows them one by one. */
export function StepRowNav() {
  const rows = useActiveStepRows()
  const { showDispatch } = useActions()
  if (!rows || rows.ids.length < 2) return null
  const { step, ids, index } = rows
  const go = (to: number) => showDispatch(ids[to] ?? null)
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
        {index + 1} of {ids.length} in step {step + 1}
      </span>
      <button
        type="button"
        className="button button--small"
        onClick={() => go(index + 1)}
        disabled={index === ids.length - 1}
        aria-label={`Next row of step ${step + 1}`}
      >
        ›
      </button>
    </nav>
  )
}
