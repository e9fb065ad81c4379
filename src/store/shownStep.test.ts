import { describe, expect, it } from 'vitest'
import { scenarioById } from '../scenarios/index.ts'
import { createPlaygroundStore } from './createPlaygroundStore.ts'
import { rowsOfStep } from './logRows.ts'

function load(id: string) {
  const scenario = scenarioById(id)
  if (!scenario) throw new Error(`no scenario ${id}`)
  return { scenario, store: createPlaygroundStore({ scenario }) }
}

describe('what a step shows when the cursor lands on it', () => {
  it('shows the step it lands on, however the cursor got there, and the same each time', () => {
    const { scenario, store } = load('guild-basics')
    const { actions } = store.getState()
    actions.apply(scenario.suggested[0]!) // GUILD_UPDATE, step 7
    actions.apply(scenario.suggested[2]!) // MESSAGE_CREATE in #staff, step 8
    actions.stepBack()
    const shown = store.getState()
    expect(shown.cursor).toBe(7)
    expect(shown.activeStep).toBeNull()
    expect(shown.activeDispatchId).toBe(shown.steps[6]?.dispatches[0]?.id)
    actions.seek(3)
    actions.seek(7)
    expect(store.getState().activeDispatchId).toBe(shown.activeDispatchId)
    actions.stepForward()
    actions.pause()
    expect(store.getState().activeDispatchId).toBe(store.getState().steps[7]?.dispatches[0]?.id)
    store.destroy()
  })

  it('shows a step of several rows, or of none, as a whole; a row picked from it alone', () => {
    const { store } = load('guild-basics')
    const { actions } = store.getState()
    actions.seek(4) // carol IDENTIFYs: two dispatches and her READY, GUILD_CREATE
    expect(store.getState()).toMatchObject({ activeStep: 3, activeDispatchId: null })
    const rows = rowsOfStep(store.getState().steps[3]!, 3)
    expect(rows.map((r) => r.kind)).toEqual(['dispatch', 'dispatch', 'direct'])
    actions.showDispatch(rows[2]!.id)
    expect(store.getState()).toMatchObject({ activeStep: null, activeDispatchId: rows[2]!.id })
    actions.showStep(3)
    expect(store.getState()).toMatchObject({ activeStep: 3, activeDispatchId: null })
    actions.seek(6) // bob loses the staff role: a change to the world only
    expect(store.getState()).toMatchObject({ activeStep: 5, activeDispatchId: null })
    actions.seek(0)
    expect(store.getState()).toMatchObject({ activeStep: null, activeDispatchId: null })
    store.destroy()
  })

  it('a step of one row (a RESUME’s replay) keeps that row shown once it has played', async () => {
    const { scenario, store } = load('disconnect-and-resume')
    store.getState().actions.setSpeed(4)
    store.getState().actions.apply(scenario.suggested[0]!) // bob RESUMEs
    const direct = store.getState().activeDispatchId
    expect(direct).toMatch(/^direct:5:/)
    // One row only: it stays shown once it has played.
    await new Promise((r) => setTimeout(r, 500))
    expect(store.getState().activeDispatchId).toBe(direct)
    store.destroy()
  })

  it('a scenario opened at its last step shows that step', () => {
    const { store } = load('intents')
    const { steps, cursor, activeDispatchId, activeStep } = store.getState()
    const rows = rowsOfStep(steps[cursor - 1]!, cursor - 1)
    if (rows.length === 1) expect(activeDispatchId).toBe(rows[0]!.id)
    else expect(activeStep).toBe(cursor - 1)
    store.destroy()
  })
})
