import { useActions, useError } from '../../store/hooks.ts'

/** The engine's refusal of the last call, in its own words; the call did not enter the timeline. */
export function ErrorBanner() {
  const error = useError()
  const { clearError } = useActions()
  if (!error) return null
  return (
    <div className="error-banner" role="alert">
      <strong>Refused, not added to the timeline:</strong> <span>{error}</span>
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
