import { useEffect, useRef } from 'react'
import { DEFAULT_SCENARIO_ID } from '../../scenarios/index.ts'
import { useActions, useLoading, useScenario } from '../../store/hooks.ts'
import { navigate } from '../site/router.ts'
import './LoadingPanel.css'

const count = (n: number) => n.toLocaleString('en-US')

/**
 * The progress of a load or rebuild that runs in slices (a 100,000-session world): what is being built,
 * how far along, and Cancel, which leaves the playground as it was (the previous scenario, or the
 * timeline before the change that needed the rebuild). Escape cancels too.
 */
export function LoadingPanel() {
  const loading = useLoading()
  const scenario = useScenario()
  const { cancelLoading } = useActions()
  const cancelButton = useRef<HTMLButtonElement>(null)
  const open = loading !== null
  useEffect(() => {
    if (open) cancelButton.current?.focus()
  }, [open])
  if (!loading) return null
  const cancel = () => {
    cancelLoading()
    // The address named the scenario that was loading: back to the one still shown.
    if (loading.kind === 'scenario')
      navigate(`/play/${scenario?.id ?? DEFAULT_SCENARIO_ID}`, { replace: true })
  }
  const percent = loading.total > 0 ? Math.floor((100 * loading.done) / loading.total) : 0
  const seconds = Math.round(loading.elapsedMs / 1000)
  const back =
    loading.kind === 'apply'
      ? 'Cancel applies none of them.'
      : loading.kind === 'rebuild'
        ? 'Cancel keeps the timeline as it is.'
        : scenario
          ? `Cancel returns to ${scenario.title}.`
          : 'Cancel opens the default scenario instead.'
  return (
    <div className="loading-panel" role="presentation">
      <section
        className="loading-panel__card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="loading-title"
        aria-describedby="loading-why"
        onKeyDown={(e) => {
          if (e.key === 'Escape') cancel()
        }}
      >
        <h2 id="loading-title" className="loading-panel__title">
          {loading.kind === 'scenario' ? `Building ${loading.title}` : loading.title}
        </h2>
        <progress
          className="loading-panel__bar"
          value={loading.done}
          max={Math.max(1, loading.total)}
          aria-label="Progress"
          aria-valuetext={`${percent}%: ${loading.phase}`}
        />
        <p className="loading-panel__status" aria-live="polite">
          <strong>{loading.phase}</strong> · {count(loading.done)} of {count(loading.total)} engine
          calls · {percent}% · {seconds} s
        </p>
        <p id="loading-why" className="loading-panel__why">
          {loading.kind === 'apply'
            ? 'The code’s calls reach many sessions: they are applied in short slices between frames, so the page stays responsive.'
            : loading.kind === 'rebuild'
              ? 'The engine cannot undo, and a snapshot of this many sessions would freeze the page, so the timeline is replayed up to this step first.'
              : 'The engine makes every call for real; they run in short slices between frames, so the page stays responsive.'}{' '}
          {back}
        </p>
        <button ref={cancelButton} type="button" className="button" onClick={cancel}>
          Cancel
        </button>
      </section>
    </div>
  )
}
