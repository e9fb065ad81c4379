import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scenarioById } from '../../scenarios/index.ts'
import type { EngineCall } from '../../calls/index.ts'
import { EngineRuntime } from './EngineRuntime.ts'
import { callArb, recordAll } from '../testing/randomCalls.ts'
import { rebuild, type Checkpoints } from './checkpoints.ts'
import { createPlaygroundStore } from '../createPlaygroundStore.ts'

/** A runtime whose live engine is after `count` steps, as the store keeps one. */
function runtimeAt(steps: Parameters<typeof rebuild>[1], count: number) {
  const runtime = new EngineRuntime()
  runtime.reset(9)
  runtime.useEngine(rebuild(9, steps, count), count)
  return runtime
}

describe('rewinding a session instead of the simulation', () => {
  // Property tests: a few seconds of fast-check, more on a loaded machine.
  it(
    'gives, at every earlier step, exactly the detail a rebuilt simulation gives',
    { timeout: 30_000 },
    () => {
      fc.assert(
        fc.property(fc.array(callArb, { minLength: 1, maxLength: 14 }), (calls) => {
          const checkpoints: Checkpoints = new Map()
          const { steps, engine } = recordAll(calls, checkpoints)
          const live = runtimeAt(steps, steps.length)
          for (let n = 0; n < steps.length; n++) {
            const rebuilt = runtimeAt(steps, n)
            for (const id of engine.sessions) {
              expect(live.sessionDetail(steps, n, id), `session ${id} at step ${n}`).toEqual(
                rebuilt.sessionDetail(steps, n, id),
              )
            }
          }
        }),
        { numRuns: 60 },
      )
    },
  )

  it('steps back in the store without rebuilding the simulation', () => {
    const scenario = scenarioById('disconnect-and-resume')
    if (!scenario) throw new Error('missing scenario')
    const store = createPlaygroundStore({ scenario })
    const { actions } = store.getState()
    const first = store.getState().model.sessions[0]
    if (!first) throw new Error('no session')
    actions.select({ kind: 'session', id: first.id })
    const before = store.getState().sessionDetail
    for (const call of scenario.suggested as EngineCall[]) actions.apply(call)
    const live = store.getState().sessionDetail
    for (let i = 0; i < scenario.suggested.length; i++) actions.stepBack()
    expect(store.getState().sessionDetail).toEqual(before)
    expect(live).not.toEqual(before)
    store.destroy()
  })
})
