/**
 * The one long job of a playground (a load or a rebuild running in slices): starting one cancels the
 * one before, so only the latest may finish.
 */
export class PendingJob {
  private controller: AbortController | null = null

  /** Cancels the job under way, if any, and returns the signal of a new one. */
  start(): AbortSignal {
    this.cancel()
    this.controller = new AbortController()
    return this.controller.signal
  }

  /** Whether the job of `signal` is still the latest (not cancelled, not replaced). */
  isCurrent(signal: AbortSignal): boolean {
    return this.controller?.signal === signal
  }

  /** Marks the job of `signal` finished, if it is the latest. */
  finish(signal: AbortSignal): void {
    if (this.isCurrent(signal)) this.controller = null
  }

  cancel(): void {
    this.controller?.abort()
    this.controller = null
  }
}
