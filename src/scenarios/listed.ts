import { snippetFor } from './snippets.ts'
import type { Scenario } from './types.ts'

// Every `<kebab-name>.ts` here except the helpers is a scenario (docs/design/style.md §16: xyflow's
// generic-tests). Apart from index.ts, which adds the docs' examples: the home page lists these
// without loading those.
const modules = import.meta.glob<Scenario>(
  [
    './*.ts',
    '!./*.test.ts',
    '!./index.ts',
    '!./listed.ts',
    '!./types.ts',
    '!./calls.ts',
    '!./snippets.ts',
    '!./cast.ts',
    '!./castWorld.ts',
  ],
  {
    eager: true,
    import: 'default',
  },
)

/** Every scenario the picker and the home page offer, in picker order, each with its editor's code. */
export const scenarios: readonly Scenario[] = Object.values(modules)
  .sort((a, b) => a.order - b.order)
  .map((s) => ({ ...s, code: s.code ?? snippetFor(s.id).code }))

/** The scenario `/play` opens with. */
export const DEFAULT_SCENARIO_ID = 'intents'
