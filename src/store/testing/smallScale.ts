import scale from '../../scenarios/discord-scale.ts'
import { scenarioById } from '../../scenarios/index.ts'
import { generatedSteps, listedCalls, suggestedCalls } from '../../scenarios/scale/discordScale.ts'
import type { Scenario } from '../../scenarios/types.ts'
import { createPlaygroundStore, type PlaygroundStore } from '../createPlaygroundStore.ts'

/**
 * The Discord-scale rules at 1,500 members: the same path as the 100,000-session guild (steps built by
 * rules, loaded in slices), in a few slices, so a test can load it several times in seconds.
 */
export const smallScale: Scenario = {
  ...scale,
  generated: generatedSteps({ members: 1500 }),
  calls: listedCalls({ members: 1500 }),
  suggested: suggestedCalls({ members: 1500 }),
}

/** A small scenario opened at once (no load in slices): where a playground stands before a load. */
export const intents = scenarioById('intents') as Scenario

/** The scenarios by id, with the Discord-scale one at 1,500 members: give it as a store's `scenarios`. */
export function withSmallScale(id: string): Scenario | undefined {
  return id === scale.id ? smallScale : scenarioById(id)
}

/** A playground on `intents` that opens the Discord-scale scenario at 1,500 members. */
export function storeOnIntents(): PlaygroundStore {
  return createPlaygroundStore({ scenario: intents, scenarios: withSmallScale })
}
