import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { callArb, recordAll } from '../testing/randomCalls.ts'
import { scenarioById } from '../../scenarios/index.ts'
import { recordStep, type Step } from '../connectEngine.ts'
import { createPlaygroundStore } from '../createPlaygroundStore.ts'
import { EngineRuntime } from './EngineRuntime.ts'
import { groupCalls, type EngineCall } from '../../calls/index.ts'
import { readModel, sessionDirectory } from '../graphModel.ts'
import { checkpointOf, rebuild, type Checkpoints } from './checkpoints.ts'

describe('timeline rebuild', () => {
  it('groups consecutive calls of one group into a step', () => {
    const a: EngineCall = { target: 'clock', method: 'advance', args: [1] }
    expect(
      groupCalls([{ ...a, group: 'x' }, { ...a, group: 'x' }, a, a, { ...a, group: 'x' }]).map(
        (s) => s.length,
      ),
    ).toEqual([2, 1, 1, 1])
  })

  // Property tests: a few seconds of fast-check, more on a loaded machine.
  it(
    'rebuilds any step exactly: same model and same events, from the seed or a checkpoint',
    { timeout: 30_000 },
    () => {
      fc.assert(
        fc.property(fc.array(callArb, { maxLength: 14 }), (calls) => {
          const checkpoints: Checkpoints = new Map()
          const { steps } = recordAll(calls, checkpoints)
          const models = steps.map((_, i) => {
            const engine = rebuild(9, steps, i + 1)
            return readModel(engine.sim, sessionDirectory(steps, i + 1))
          })
          for (let n = 0; n < steps.length; n++) {
            const viaCheckpoint = rebuild(9, steps, n + 1, checkpoints)
            expect(readModel(viaCheckpoint.sim, sessionDirectory(steps, n + 1))).toEqual(models[n])
            // Re-running step n on the engine rebuilt at n - 1 reports exactly what was first recorded.
            const before = rebuild(9, steps, n, checkpoints)
            const again = recordStep(before, steps[n]?.calls ?? [], n)
            expect(again.events).toEqual(steps[n]?.events)
            expect(again.dispatches).toEqual(steps[n]?.dispatches)
          }
        }),
        { numRuns: 40 },
      )
    },
  )

  it('steps back in the store to exactly the graph and log it showed before', () => {
    const scenario = scenarioById('intents')
    const store = createPlaygroundStore(scenario ? { scenario } : {})
    const { actions } = store.getState()
    const before = { model: store.getState().model, cursor: store.getState().cursor }
    const rows = (s = store.getState()) => s.steps.slice(0, s.cursor).flatMap((st) => st.dispatches)
    const logBefore = rows()
    expect(actions.apply(scenario?.suggested[0] as EngineCall)).toBe(true)
    expect(rows()).toHaveLength(logBefore.length + 1)
    actions.stepBack()
    expect(store.getState().cursor).toBe(before.cursor)
    expect(store.getState().model).toEqual(before.model)
    expect(rows()).toEqual(logBefore)
    // Past the model cache: a fresh store rebuilding step n from the seed agrees.
    const fresh = rebuild(scenario?.seed ?? 0, store.getState().steps, before.cursor)
    expect(readModel(fresh.sim, sessionDirectory(store.getState().steps, before.cursor))).toEqual(
      before.model,
    )
    store.destroy()
  })

  it('drops a refused call: the refusal says why, nothing logged', () => {
    const scenario = scenarioById('intents')
    const store = createPlaygroundStore(scenario ? { scenario } : {})
    const length = store.getState().steps.length
    const ok = store
      .getState()
      .actions.apply({ target: 'dispatcher', method: 'dispatch', args: ['guild', 'nope', 'X', {}] })
    expect(ok).toBe(false)
    const { refusal } = store.getState()
    expect(refusal?.answer).toMatchObject({ kind: 'error', code: 'INVALID_KEY' })
    expect(refusal?.answer.kind === 'error' && refusal.answer.message).toMatch(
      /guild backend takes/,
    )
    expect(store.getState().steps).toHaveLength(length)
    store.destroy()
  })

  it('puts back the steps a call discarded, and the world at each of them is as it was', () => {
    const scenario = scenarioById('intents')
    const store = createPlaygroundStore(scenario ? { scenario } : {})
    const { actions } = store.getState()
    const { steps, cursor } = store.getState()
    const models = steps.map((_, i) => (actions.seek(i + 1), store.getState().model))
    actions.seek(cursor - 2)
    const call = scenario?.suggested[0]
    if (!call) throw new Error('no suggestion')
    expect(actions.apply(call)).toBe(true)
    expect(store.getState().discarded).toMatchObject({ at: cursor - 2, steps: steps.slice(-2) })
    expect(store.getState().steps).toHaveLength(cursor - 1)
    actions.undoDiscard()
    expect(store.getState().steps).toEqual(steps)
    expect(store.getState().cursor).toBe(cursor - 2)
    expect(store.getState().discarded).toBeNull()
    // The live engine had applied the discarded call: reaching the restored steps must not build on it.
    for (let i = cursor - 2; i < steps.length; i++) {
      actions.seek(i + 1)
      expect(store.getState().model).toEqual(models[i])
    }
    store.destroy()
  })

  // How fast a rebuild is belongs to the benchmark (bench/timeline.ts); here: exact, and bounded work.
  it('rebuilds any step of a 1,000-step timeline exactly, replaying at most 16 steps', () => {
    const scenario = scenarioById('intents')
    if (!scenario) throw new Error('missing')
    const runtime = new EngineRuntime()
    runtime.reset(scenario.seed)
    const engine = runtime.engineAfter([], 0)
    const steps: Step[] = []
    const calls = [
      ...groupCalls(scenario.calls),
      ...Array.from({ length: 1000 }, (_, i) => [scenario.suggested[i % 3] as EngineCall]),
    ]
    for (const [i, step] of calls.entries()) {
      const started = performance.now()
      steps.push(recordStep(engine, step, i))
      runtime.stepApplied(i + 1, performance.now() - started, engine)
    }
    for (let k = 0; k < 60; k++) {
      const n = Math.floor(((k * 7919) % 1000) + 1)
      const nearest = Math.max(0, ...[...runtime.checkpoints.keys()].filter((at) => at <= n))
      expect(n - nearest).toBeLessThanOrEqual(16)
      if (k % 12 === 0) {
        const rebuilt = rebuild(scenario.seed, steps, n, runtime.checkpoints)
        const fromSeed = rebuild(scenario.seed, steps, n)
        expect(readModel(rebuilt.sim, sessionDirectory(steps, n))).toEqual(
          readModel(fromSeed.sim, sessionDirectory(steps, n)),
        )
      }
    }
  })

  // Replays 1,000 IDENTIFYs: seconds on a loaded machine.
  it(
    'rebuilds a step of the 1,000-session scenario from a checkpoint exactly',
    { timeout: 30_000 },
    () => {
      const scenario = scenarioById('large-guild')
      const store = createPlaygroundStore(scenario ? { scenario } : {})
      const { steps, seed } = store.getState()
      const checkpoints: Checkpoints = new Map()
      const engine = rebuild(seed, steps, steps.length - 1)
      checkpoints.set(steps.length - 1, checkpointOf(engine))
      const fromCheckpoint = rebuild(seed, steps, steps.length, checkpoints)
      const fromSeed = rebuild(seed, steps, steps.length)
      const directory = sessionDirectory(steps, steps.length)
      expect(readModel(fromCheckpoint.sim, directory)).toEqual(readModel(fromSeed.sim, directory))
      store.destroy()
    },
  )
})
