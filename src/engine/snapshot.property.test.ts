import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { restoreSimulation, type Simulation } from './simulation.ts'
import {
  command,
  forkHistoryState,
  runCommand,
  startHistory,
  type Command,
  type HistoryState,
} from './testing/histories.ts'

/**
 * docs/design/semantics.md §10 (run to completion, turn 3): a simulation restored from a snapshot is
 * indistinguishable from the original in what it does next, including the order of inspection events.
 * Random histories over the whole public API: run `before`, snapshot, restore, then run `after` on
 * both and compare every answer and every inspection event, in order.
 */
function trace(sim: Simulation, state: HistoryState, commands: readonly Command[]) {
  const events: string[] = []
  const stop = sim.inspect((event) => events.push(JSON.stringify(event)))
  const answers = commands.map((c) => runCommand(sim, state, c))
  stop()
  return { answers, events }
}

describe('restoreSimulation over random histories', () => {
  // A property test: a few seconds of fast-check, more on a loaded machine.
  it(
    'does next what the original does: the same answers and inspection events, in the same order',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(
          fc.array(command, { maxLength: 60, size: 'max' }),
          fc.array(command, { maxLength: 30, size: 'max' }),
          (before, after) => {
            const { sim: original, state } = startHistory()
            for (const c of before) runCommand(original, state, c)
            const restored = restoreSimulation(original.snapshot())
            const forked = forkHistoryState(state)
            const expected = trace(original, state, after)
            const actual = trace(restored, forked, after)
            expect(actual.events).toEqual(expected.events)
            expect(actual.answers).toEqual(expected.answers)
          },
        ),
        { numRuns: 200 },
      )
    },
  )
})
