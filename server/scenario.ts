import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createSimulation } from '../src/engine/index.ts'
import type { Scenario } from '../src/scenarios/types.ts'
import { applyCall, type CallEngine } from '../src/calls/index.ts'

const SCENARIOS = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'scenarios')

/** The scenario the local gateway serves when none is named. */
export const DEFAULT_GATEWAY_SCENARIO = 'guild-basics'

/**
 * A scenario by id, read in Node. The site finds scenarios with Vite's `import.meta.glob`
 * (`src/scenarios/index.ts`), which Node does not have, so the file is imported by name: a listed
 * scenario (`src/scenarios/<id>.ts`) or a docs example (`src/scenarios/docs/<id>.ts`). The id must be
 * kebab-case, so it can only name a file in those two folders.
 */
export async function loadScenario(id: string): Promise<Scenario> {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw new Error(`no scenario "${id}"`)
  for (const file of [join(SCENARIOS, `${id}.ts`), join(SCENARIOS, 'docs', `${id}.ts`)]) {
    if (!existsSync(file)) continue
    const module = (await import(pathToFileURL(file).href)) as { default?: Scenario }
    if (module.default?.id === id) return module.default
  }
  throw new Error(`no scenario "${id}" in src/scenarios (try guild-basics, sharded-bot, intents)`)
}

/**
 * A fresh engine with the scenario applied as the playground applies it (generated steps, then its
 * calls), so a page that loads the same scenario and replays the gateway's calls holds the same state.
 */
export function buildScenario(scenario: Scenario): CallEngine {
  const engine: CallEngine = { sim: createSimulation({ seed: scenario.seed }), sessions: [] }
  for (const step of scenario.generated ?? []) {
    for (let i = 0; i < step.count; i++) applyCall(engine, step.call(i))
  }
  for (const call of scenario.calls) applyCall(engine, call)
  return engine
}
