import { useActions, useDiscarded } from '../../store/hooks.ts'
import { plural } from '../../store/plural.ts'
import './DiscardNotice.css'

/**
 * Dispatching after stepping back overwrites the future: this says how much was dropped and offers to put
 * it back, as editors do. It stays until undone, dismissed or superseded by the next change.
 */
export function DiscardNotice() {
  const discarded = useDiscarded()
  const { undoDiscard, dismissDiscard } = useActions()
  return (
    <div className="discard-notice-slot" role="status">
      {discarded && (
        <div className="discard-notice">
          <span>{plural(discarded.steps.length, 'later step')} discarded</span>
          <button type="button" className="button button--small" onClick={undoDiscard}>
            Undo
          </button>
          <button
            type="button"
            className="icon-button"
            onClick={dismissDiscard}
            aria-label="Dismiss: keep the new step"
          >
            ✕
          </button>
        </div>
      )}
    </div>
  )
}
