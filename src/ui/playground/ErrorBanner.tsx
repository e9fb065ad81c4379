import { useActions, useError } from '../../store/hooks.ts'
import './ErrorBanner.css'

/**
 * The last failure that is not a call's: a run file refused, an image not saved. (A refused call is a row
 * of the event log and the Delivery panel, where a dispatch would be.)
 */
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
