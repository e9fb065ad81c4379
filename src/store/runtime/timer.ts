/** The one timer of a playground: a dispatch's animation or Play's next step, one at a time. */
export class Timer {
  private handle: ReturnType<typeof setTimeout> | null = null

  stop(): void {
    if (this.handle !== null) clearTimeout(this.handle)
    this.handle = null
  }

  /** Runs `fn` after `ms`, replacing whatever was scheduled. */
  schedule(fn: () => void, ms: number): void {
    this.stop()
    this.handle = setTimeout(() => {
      this.handle = null
      fn()
    }, ms)
  }
}
