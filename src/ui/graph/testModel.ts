import { scenarioById } from '../../scenarios/index.ts'
import { createPlaygroundStore } from '../../store/createPlaygroundStore.ts'
import type { Scenario } from '../../scenarios/types.ts'
import type { PlaygroundStore } from '../../store/createPlaygroundStore.ts'
import { settled } from '../../store/testing/settled.ts'

/**
 * A small scenario's store once it has loaded, and a way to apply its n-th suggestion, returning its last
 * dispatch. A scenario of more than a few hundred calls loads in slices: use {@link loadLargeForTest}.
 */
export function loadForTest(id: string) {
  const scenario = scenarioById(id)
  if (!scenario) throw new Error(`no scenario ${id}`)
  const store = createPlaygroundStore({ scenario, scenarios: scenarioById })
  if (store.getState().loading)
    throw new Error(`${id} loads in slices: await loadLargeForTest('${id}')`)
  return withSuggestions(store, scenario)
}

/** {@link loadForTest} for any scenario, one that loads in slices (large-guild) too: resolves once it has loaded. */
export async function loadLargeForTest(id: string) {
  const scenario = scenarioById(id)
  if (!scenario) throw new Error(`no scenario ${id}`)
  const store = createPlaygroundStore({ scenario, scenarios: scenarioById })
  await settled(store)
  const loaded = store.getState()
  if (loaded.error) throw new Error(loaded.error.message)
  return withSuggestions(store, scenario)
}

/** The store, and `suggest(n)`: applies the scenario's n-th suggestion and returns its last dispatch. */
function withSuggestions(store: PlaygroundStore, scenario: Scenario) {
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
