import { describe, expect, it } from 'vitest'
import scale from '../scenarios/discord-scale.ts'
import type { Scenario } from '../scenarios/types.ts'
import { createPlaygroundStore } from './createPlaygroundStore.ts'
import { runFileOf } from './runFile.ts'
import type { PlaygroundState } from './types.ts'
import { settled } from './testing/settled.ts'
import { smallScale, storeOnIntents } from './testing/smallScale.ts'

const visible = (s: PlaygroundState) => ({
  scenario: s.scenario?.id,
  cursor: s.cursor,
  labels: s.steps.map((step) => step.label),
  dispatches: s.steps.flatMap((step) => step.dispatches.map((d) => d.result)),
  model: s.model,
})

// Each loads a world of 1,500 members, several times over: seconds on a busy machine.
describe('a scenario built by rules', { timeout: 60_000 }, () => {
  it('loads in slices, showing progress, and replaces the timeline only when done', async () => {
    const store = storeOnIntents()
    const before = visible(store.getState())
    const seen: number[] = []
    const stop = store.subscribe((s) => {
      if (s.loading) seen.push(s.loading.done)
    })
    store.getState().actions.loadScenario(smallScale)
    expect(store.getState().loading).toMatchObject({ kind: 'scenario', scenarioId: scale.id })
    expect(visible(store.getState())).toEqual(before)
    await settled(store)
    stop()
    expect(seen.length).toBeGreaterThan(1)
    expect(seen.at(-1)).toBeGreaterThan(0)
    const state = store.getState()
    expect(state.scenario?.id).toBe(scale.id)
    expect(state.steps).toHaveLength(4)
    expect(state.scenarioSteps).toBe(4)
    expect(state.cursor).toBe(4)
    expect(state.model.sessions.length).toBeGreaterThan(1500)
    store.destroy()
  })

  it('is cancelled without a trace: the previous timeline stays as it was', async () => {
    const store = storeOnIntents()
    const before = visible(store.getState())
    store.getState().actions.loadScenario(smallScale)
    await new Promise((r) => setTimeout(r, 5))
    store.getState().actions.cancelLoading()
    expect(store.getState().loading).toBeNull()
    await new Promise((r) => setTimeout(r, 50))
    expect(visible(store.getState())).toEqual(before)
    store.destroy()
  })

  it('saves a run that names the scenario and lists only the steps made since', async () => {
    const store = storeOnIntents()
    store.getState().actions.loadScenario(smallScale)
    await settled(store)
    const { actions } = store.getState()
    expect(actions.apply(smallScale.suggested[0] as never)).toBe(true)
    actions.pause()
    const { scenario, seed, steps, cursor, scenarioSteps } = store.getState()
    const file = runFileOf(scenario as Scenario, seed, steps, cursor, scenarioSteps)
    expect(file.scenarioSteps).toBe(4)
    expect(file.steps).toHaveLength(1)
    expect(file.trace.every((t) => t.step === 5)).toBe(true)
    expect(JSON.stringify(file).length).toBeLessThan(5_000)

    // Opened elsewhere, it rebuilds the scenario from its rules, then the step made since.
    const other = storeOnIntents()
    expect(other.getState().actions.open({ runFile: JSON.stringify(file) })).toBe(true)
    await settled(other)
    expect(other.getState().error).toBeNull()
    expect(visible(other.getState())).toEqual(visible(store.getState()))
    store.destroy()
    other.destroy()
  })

  it('refuses a run whose steps the engine refuses, after loading, leaving everything as it was', async () => {
    const store = storeOnIntents()
    const before = visible(store.getState())
    const file = {
      format: 'fanout-run',
      version: 1,
      scenario: scale.id,
      seed: scale.seed,
      scenarioSteps: 4,
      cursor: 5,
      steps: [{ calls: [{ target: 'gateway', method: 'identify', args: [{ userId: '1' }] }] }],
      trace: [],
    }
    expect(store.getState().actions.open({ runFile: JSON.stringify(file) })).toBe(true)
    await settled(store)
    expect(store.getState().error).toEqual({
      heading: 'Could not open the run',
      message: expect.stringMatching(/^step 5 \(gateway\.identify\) was refused: .*not a user/),
    })
    expect(visible(store.getState())).toEqual(before)
    store.destroy()
  })

  it('applies a change made after stepping back by replaying the past in slices', async () => {
    // No checkpoints at all: the path a 100,000-session world takes.
    const store = createPlaygroundStore({ snapshotSessionLimit: 0 })
    store.getState().actions.loadScenario(smallScale)
    await settled(store)
    const { actions } = store.getState()
    actions.apply(smallScale.suggested[0] as never)
    actions.pause()
    const after = visible(store.getState())
    actions.stepBack()
    expect(store.getState().cursor).toBe(4)
    // A second, different change from step 4: the live run is at step 5 and cannot go back.
    expect(actions.apply(smallScale.suggested[2] as never)).toBe(true)
    expect(store.getState().loading).toMatchObject({ kind: 'rebuild' })
    await settled(store)
    actions.pause()
    const state = store.getState()
    expect(state.cursor).toBe(5)
    expect(state.steps[4]?.label).toBe(smallScale.suggested[2]?.label)
    expect(state.steps.slice(0, 4).map((s) => s.label)).toEqual(after.labels.slice(0, 4))
    expect(state.steps[4]?.dispatches[0]?.result.delivered.length).toBeGreaterThan(0)
    store.destroy()
  })
})
