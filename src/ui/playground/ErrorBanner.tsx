import { useActions, useError } from '../../store/hooks.ts'
import './ErrorBanner.css'

/** The last refusal: of a call (in the engine's own words; it did not enter the timeline) or of a run file. */
export function ErrorBanner() {
  const error = useError()
  const { clearError } = useActions()
  if (!error) return null
  return (
    <div className="error-banner" role="alert">
      <strong>{error.heading}:</strong> <span>{error.message}</span>
      <button
        type="button"
        className="icon-button"
        onClick={clearError}
        aria-label="Dismiss the error"
      >
        ✕
      </button>
    </div>
  )
}
