import { scenarios } from './listed.ts'
import type { DocScenario, Scenario } from './types.ts'

export type { DocScenario, Scenario } from './types.ts'
export { DEFAULT_SCENARIO_ID, scenarios } from './listed.ts'

// The docs' live examples (`docs/<kebab-name>.ts`): opened by id, never listed.
const docModules = import.meta.glob<DocScenario>(['./docs/*.ts', '!./docs/*.test.ts'], {
  eager: true,
  import: 'default',
})

/**
 * The docs pages' live examples: `/play/<id>` and share links open them (Open in playground), but the
 * picker and the home page list only {@link scenarios}.
 */
export const docScenarios: readonly DocScenario[] = Object.values(docModules).sort((a, b) =>
  a.id.localeCompare(b.id),
)

/** A scenario by id (a docs example's too), or undefined. */
export function scenarioById(id: string): Scenario | undefined {
  return scenarios.find((s) => s.id === id) ?? docScenarios.find((s) => s.id === id)
}
