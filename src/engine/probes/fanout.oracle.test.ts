import { describe, expect, it } from 'vitest'
import { runHistory } from './history.ts'

/**
 * The engine beside a naive oracle of docs/design/semantics.md §3–§6 and §10 (`oracle.ts`), on seeded
 * random histories (`history.ts`): per dispatch the delivered, buffered and skipped sessions with their
 * reasons and order; after every step each session's status, seq and frames (a closed session's view
 * too, some of them read for the first time after the close), every subscription list in order, the
 * friend links, the member-list holders, and what a RESUME replays. Wider runs (hundreds of seeds,
 * longer histories) use the same `runHistory` with other arguments.
 */
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8]

describe('the engine against a naive oracle of the contract', () => {
  it.each(SEEDS)(
    'agrees on the history of seed %i (150 steps, window 30 s, buffer 6)',
    (seed) => {
      expect(() => runHistory(seed, { steps: 150 })).not.toThrow()
    },
    20_000,
  )

  it('agrees with a window of 0 ms and a 2-frame buffer (RESUME mostly refused: events lost)', () => {
    for (let seed = 101; seed <= 103; seed++)
      expect(() => runHistory(seed, { steps: 120, windowMs: 0, bufferSize: 2 })).not.toThrow()
  }, 20_000)
})
