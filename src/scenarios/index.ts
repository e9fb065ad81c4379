import { snippetFor } from './snippets.ts'
import type { Scenario } from './types.ts'

export type { Scenario } from './types.ts'

// Every `<kebab-name>.ts` here except the helpers is a scenario (STYLE §16: xyflow's generic-tests).
const modules = import.meta.glob<Scenario>(
  ['./*.ts', '!./*.test.ts', '!./index.ts', '!./types.ts', '!./calls.ts', '!./snippets.ts'],
  {
    eager: true,
    import: 'default',
  },
)

/** Every scenario, in picker order, each with the code its editor opens with. */
export const scenarios: readonly Scenario[] = Object.values(modules)
  .sort((a, b) => a.order - b.order)
  .map((s) => ({ ...s, code: s.code ?? snippetFor(s.id).code }))

/** A scenario by id, or undefined. */
export function scenarioById(id: string): Scenario | undefined {
  return scenarios.find((s) => s.id === id)
}

/** The scenario `/play` opens with. */
export const DEFAULT_SCENARIO_ID = 'intents'
