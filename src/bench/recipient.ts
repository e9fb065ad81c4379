/**
 * What every baseline does per recipient, the same work the engine's sessions do: give the frame the
 * recipient's own next `s`, build `{ op: 0, t, s, d }` and keep it. Each recipient is a distinct state
 * object (and, for emitters, a distinct listener closure), so V8 cannot fold them into one.
 *
 * A state keeps its frames in a ring of the last {@link KEPT_FRAMES} (a resume buffer, allocated with
 * the state): memory stays flat however many rounds run, and no batch starts by re-growing arrays
 * that an earlier one emptied. Each frame is a fresh object that lives until the ring comes round.
 */
export const KEPT_FRAMES = 16

export interface BenchFrame {
  readonly op: number
  readonly t: string
  readonly s: number
  readonly d: unknown
}

/** A baseline recipient: a session as a plain object. */
export interface BenchState {
  seq: number
  readonly frames: (BenchFrame | null)[]
  /** Intent bits, for the filtered workload. */
  readonly intents: number
}

/** The shared per-recipient body every baseline calls. */
export function deliver(state: BenchState, t: string, d: unknown): void {
  const s = ++state.seq
  state.frames[s & (KEPT_FRAMES - 1)] = { op: 0, t, s, d }
}

/** `n` distinct recipients; `intentsOf(i)` gives each its intents (default: all bits). */
export function createStates(n: number, intentsOf: (i: number) => number = () => -1): BenchState[] {
  const states: BenchState[] = []
  for (let i = 0; i < n; i++) {
    states.push({
      seq: 0,
      frames: new Array<BenchFrame | null>(KEPT_FRAMES).fill(null),
      intents: intentsOf(i),
    })
  }
  return states
}

/** The frame with sequence `s`, if the state still keeps it. */
export function keptFrame(state: BenchState, s: number): BenchFrame | null {
  const frame = state.frames[s & (KEPT_FRAMES - 1)] ?? null
  return frame !== null && frame.s === s ? frame : null
}
