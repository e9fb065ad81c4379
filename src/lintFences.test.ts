import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

// The layer fences are lint rules (eslint.config.js); these cases prove they bite. Each lints a source
// string as if it were a file at `path`, with the project's own configuration. Loading that configuration
// (typescript-eslint) takes seconds on a busy machine, so it is loaded once, with room to spare.
const SLOW = 60_000
let eslint: ESLint
beforeAll(async () => {
  eslint = new ESLint()
  await eslint.lintText('', { filePath: 'src/ui/Warm.ts' })
}, SLOW)

async function restrictedImports(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId?.endsWith('no-restricted-imports'))
    .map((m) => m.message)
}

describe('layer fences', { timeout: SLOW }, () => {
  it('refuses a UI file importing an engine internal, even a type', async () => {
    const value = await restrictedImports(
      'src/ui/graph/Fixture.tsx',
      "import { shardFor } from '../../engine/gateway/shard.ts'\nexport const f = shardFor\n",
    )
    expect(value).toHaveLength(1)
    expect(value[0]).toContain('public API, src/engine/index.ts')
    const type = await restrictedImports(
      'src/ui/graph/Fixture.tsx',
      "import type { InspectionEvent } from '../../engine/trace/types.ts'\nexport type E = InspectionEvent\n",
    )
    expect(type).toHaveLength(1)
  })

  it('refuses a value from the engine in the UI, and accepts its types', async () => {
    const value = await restrictedImports(
      'src/ui/world/Fixture.ts',
      "import { ChannelType } from '../../engine/index.ts'\nexport const t = ChannelType.DM\n",
    )
    expect(value).toHaveLength(1)
    expect(value[0]).toContain('only types from the engine')
    const types = await restrictedImports(
      'src/ui/world/Fixture.ts',
      "import type { BackendName } from '../../engine/index.ts'\nexport type B = BackendName\n",
    )
    expect(types).toEqual([])
  })

  it('keeps the UI out of the store’s slice files', async () => {
    const found = await restrictedImports(
      'src/ui/graph/Fixture.ts',
      "import { timelineInitial } from '../../store/slices/timeline.ts'\nexport const t = timelineInitial\n",
    )
    expect(found).toHaveLength(1)
  })

  it('lets the store use the engine’s public API, and only that', async () => {
    const api = await restrictedImports(
      'src/store/Fixture.ts',
      "import { createSimulation } from '../engine/index.ts'\nexport const s = createSimulation\n",
    )
    expect(api).toEqual([])
    const internal = await restrictedImports(
      'src/store/Fixture.ts',
      "import { createSimulation } from '../engine/simulation.ts'\nexport const s = createSimulation\n",
    )
    expect(internal).toHaveLength(1)
  })

  it('keeps the wire protocol on the engine’s public API and the call format', async () => {
    const allowed = await restrictedImports(
      'src/wire/Fixture.ts',
      "import { shardFor } from '../engine/index.ts'\nimport { applyCall } from '../calls/index.ts'\nexport const f = [shardFor, applyCall]\n",
    )
    expect(allowed).toEqual([])
    for (const source of [
      "import { Session } from '../engine/gateway/session.ts'",
      "import { createPlaygroundStore } from '../store/createPlaygroundStore.ts'",
      "import { WebSocketServer } from 'ws'",
      "import { readFileSync } from 'node:fs'",
    ]) {
      const found = await restrictedImports(
        'src/wire/Fixture.ts',
        `${source}\nexport const x = 1\n`,
      )
      expect(found, source).toHaveLength(1)
      expect(found[0]).toContain('src/wire is pure')
    }
  })

  it('keeps timers and the wall clock out of the wire protocol', async () => {
    const [result] = await eslint.lintText(
      'export const a = Date.now()\nexport const b = setTimeout(() => {}, 1)\n',
      { filePath: 'src/wire/Fixture.ts' },
    )
    const rules = (result?.messages ?? []).map((m) => m.ruleId)
    expect(rules).toEqual(['no-restricted-properties', 'no-restricted-globals'])
  })

  it('keeps the call format on the engine’s public API alone', async () => {
    const up = await restrictedImports(
      'src/calls/Fixture.ts',
      "import { scenarioById } from '../scenarios/index.ts'\nexport const s = scenarioById\n",
    )
    expect(up).toHaveLength(1)
    expect(up[0]).toContain('right above the engine')
    const internal = await restrictedImports(
      'src/calls/Fixture.ts',
      "import { readInput } from '../engine/input.ts'\nexport const r = readInput\n",
    )
    expect(internal).toHaveLength(1)
    const api = await restrictedImports(
      'src/calls/Fixture.ts',
      "import { methodsOf } from '../engine/index.ts'\nexport const m = methodsOf\n",
    )
    expect(api).toEqual([])
  })
})
