import type { PlaygroundState } from '../../store/types.ts'

/** The scenario the playground shows, or is loading (in slices): the one its address should name. */
export function openedScenarioId(state: PlaygroundState): string | null {
  return state.loading?.scenarioId ?? state.scenario?.id ?? null
}
