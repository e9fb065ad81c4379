import { Component, type ReactNode } from 'react'
import './ErrorBoundary.css'

interface Props {
  /** What stopped working, in words ("graph", "playground"). */
  readonly what: string
  /** The way back: what `resetLabel` does (reload the scenario, rebuild the example). */
  readonly onReset?: () => void
  readonly resetLabel?: string
  readonly children: ReactNode
}

/**
 * Keeps one part of the page from taking the rest down: a part that throws while rendering (whatever a
 * link, a file or a run put in the state) is replaced by a short notice with a way back, and the
 * rest of the page keeps working. The error's text is cut: it may be anything.
 */
export class ErrorBoundary extends Component<Props, { error: unknown }> {
  override state: { error: unknown } = { error: null }

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? 'unknown' }
  }

  override render() {
    const { error } = this.state
    if (error === null) return this.props.children
    const { what, onReset, resetLabel } = this.props
    const reason = error instanceof Error ? error.message.slice(0, 300) : 'an unexpected value'
    return (
      <div className="error-boundary" role="alert" data-testid="error-boundary">
        <p>
          <strong>The {what} stopped working.</strong> {reason}
        </p>
        <button
          type="button"
          className="button"
          onClick={() => {
            onReset?.()
            this.setState({ error: null })
          }}
        >
          {resetLabel ?? 'Try again'}
        </button>
      </div>
    )
  }
}
