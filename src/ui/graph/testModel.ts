import { scenarioById } from '../../scenarios/index.ts'
import { createPlaygroundStore } from '../../store/createPlaygroundStore.ts'

/** A scenario's store after it loads, and a way to apply its n-th suggestion, returning its last dispatch. */
export function loadForTest(id: string) {
  const scenario = scenarioById(id)
  if (!scenario) throw new Error(`no scenario ${id}`)
  const store = createPlaygroundStore({ scenario })
  return {
    store,
    suggest(n: number) {
      const call = scenario.suggested[n]
      if (!call || !store.getState().actions.apply(call))
        throw new Error(store.getState().error?.message ?? 'no call')
      store.getState().actions.pause()
      const { steps, cursor } = store.getState()
      return steps[cursor - 1]?.dispatches.at(-1)
    },
  }
}
