import { snippetFor } from './snippets.ts'
import type { DocScenario, Scenario } from './types.ts'

export type { DocScenario, Scenario } from './types.ts'

// Every `<kebab-name>.ts` here except the helpers is a scenario (STYLE §16: xyflow's generic-tests).
const modules = import.meta.glob<Scenario>(
  ['./*.ts', '!./*.test.ts', '!./index.ts', '!./types.ts', '!./calls.ts', '!./snippets.ts'],
  {
    eager: true,
    import: 'default',
  },
)
// The docs' live examples (`docs/<kebab-name>.ts`): opened by id, never listed.
const docModules = import.meta.glob<DocScenario>(['./docs/*.ts', '!./docs/*.test.ts'], {
  eager: true,
  import: 'default',
})

/** Every scenario, in picker order, each with the code its editor opens with. */
export const scenarios: readonly Scenario[] = Object.values(modules)
  .sort((a, b) => a.order - b.order)
  .map((s) => ({ ...s, code: s.code ?? snippetFor(s.id).code }))

/**
 * The docs pages' live examples, by id: `/play/<id>` and share links open them (Open in playground),
 * but the picker and the home page list only {@link scenarios}.
 */
export const docScenarios: readonly DocScenario[] = Object.values(docModules).sort((a, b) =>
  a.id.localeCompare(b.id),
)

/** A scenario by id (a docs example's too), or undefined. */
export function scenarioById(id: string): Scenario | undefined {
  return scenarios.find((s) => s.id === id) ?? docScenarios.find((s) => s.id === id)
}

/** The scenario `/play` opens with. */
export const DEFAULT_SCENARIO_ID = 'intents'
