import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'
import { LAYERS } from '../scripts/layers.js'

// The layer fences are lint rules (eslint.config.js, from the one table in scripts/layers.js); these
// cases prove they bite. Each lints a source string as if it were a file at `path`, with the project's
// own configuration. Loading that configuration (typescript-eslint) takes seconds on a busy machine, so
// it is loaded once, with room to spare.
const SLOW = 60_000
let eslint: ESLint
beforeAll(async () => {
  eslint = new ESLint()
  await eslint.lintText('', { filePath: 'src/ui/Warm.ts' })
}, SLOW)

const FENCE_RULES = [
  'no-restricted-imports',
  '@typescript-eslint/no-restricted-imports',
  'fanout/layers',
]

/** The fence messages lint gives `code` as the file at `path`. */
async function fences(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path })
  return (result?.messages ?? [])
    .filter((m) => FENCE_RULES.includes(m.ruleId ?? ''))
    .map((m) => m.message)
}

/** A file of `layer` (in its first folder) importing `target` (a path from the repository's root). */
function importing(
  layer: (typeof LAYERS)[number],
  target: string,
  kind: 'value' | 'type' = 'value',
) {
  const home = layer.paths[0]!
  // A layer of single files (the app's shell) is linted as its first file.
  const isFile = /\.tsx?$/.test(home)
  const folder = isFile ? home.slice(0, home.lastIndexOf('/')) : home
  const depth = folder.split('/').length
  const specifier = `${'../'.repeat(depth)}${target}`
  const code =
    kind === 'type'
      ? `import type { X } from '${specifier}'\nexport type Y = X\n`
      : `import { x } from '${specifier}'\nexport const y = x\n`
  return fences(isFile ? home : `${folder}/Fixture.ts`, code)
}

/** A file inside each layer, to import: its entry where it has one. */
const ENTRY: Record<string, string> = {
  engine: 'src/engine/index.ts',
  calls: 'src/calls/index.ts',
  scenarios: 'src/scenarios/index.ts',
  sandbox: 'src/sandbox/protocol.ts',
  bench: 'src/bench/index.ts',
  reference: 'src/reference/reference.ts',
  wire: 'src/wire/protocol.ts',
  store: 'src/store/hooks.ts',
  ui: 'src/ui/site/paths.ts',
  docs: 'src/docs/pageList.ts',
  app: 'src/App.tsx',
  server: 'server/scenario.ts',
}

describe('the layer table drives the fences', { timeout: SLOW }, () => {
  it('names an entry for every layer', () => {
    expect(Object.keys(ENTRY).sort()).toEqual(LAYERS.map((l) => l.name).sort())
  })

  for (const layer of LAYERS) {
    const allowed = layer.imports.filter((name) => name !== 'engine')
    const refused = LAYERS.filter((l) => l !== layer && !layer.imports.includes(l.name))
    it(`${layer.name}: refuses every layer it may not import (${refused.map((l) => l.name).join(', ')})`, async () => {
      for (const target of refused) {
        const found = await importing(layer, ENTRY[target.name]!)
        expect(found, `${layer.name} → ${target.name}`).toHaveLength(1)
        expect(found[0]).toMatch(/may not import|only types from the engine/)
      }
    })
    if (allowed.length > 0) {
      it(`${layer.name}: accepts the layers below it (${allowed.join(', ')})`, async () => {
        for (const name of allowed) {
          expect(await importing(layer, ENTRY[name]!), `${layer.name} → ${name}`).toEqual([])
        }
      })
    }
  }
})

describe('the engine from other layers', { timeout: SLOW }, () => {
  const byName = (name: string) => LAYERS.find((l) => l.name === name)!

  it('refuses its internals to every layer, even as a type', async () => {
    for (const layer of LAYERS.filter((l) => l.name !== 'engine')) {
      const value = await importing(layer, 'src/engine/gateway/shard.ts')
      expect(value, layer.name).toHaveLength(1)
      expect(value[0]).toContain('public API, src/engine/index.ts')
      expect(await importing(layer, 'src/engine/trace/types.ts', 'type'), layer.name).toHaveLength(
        1,
      )
    }
  })

  it('gives the UI, the docs, the reference and the app its types only', async () => {
    for (const name of ['ui', 'docs', 'reference', 'app']) {
      const value = await importing(byName(name), 'src/engine/index.ts')
      expect(value, name).toHaveLength(1)
      expect(value[0]).toContain('only types from the engine')
      expect(await importing(byName(name), 'src/engine/tables.ts'), name).toHaveLength(1)
      expect(await importing(byName(name), 'src/engine/index.ts', 'type'), name).toEqual([])
    }
  })

  it('gives scenarios, the sandbox, the benchmark, the wire protocol, the store and the server its public values', async () => {
    for (const name of ['calls', 'scenarios', 'sandbox', 'bench', 'wire', 'store', 'server']) {
      expect(await importing(byName(name), 'src/engine/index.ts'), name).toEqual([])
      expect(await importing(byName(name), 'src/engine/tables.ts'), name).toEqual([])
    }
  })

  it('refuses the engine’s internals through `export *` and `export type` as well', async () => {
    for (const source of [
      "export * from '../engine/gateway/shard.ts'",
      "export type { Frame } from '../engine/trace/types.ts'",
    ]) {
      const found = await fences('src/calls/Fixture.ts', `${source}\n`)
      expect(found, source).toHaveLength(1)
      expect(found[0]).toContain('public API, src/engine/index.ts')
    }
  })

  it('lets a dynamic import() through no more than a static one', async () => {
    const found = await fences(
      'src/scenarios/Fixture.ts',
      "export const load = () => import('../store/hooks.ts')\n",
    )
    expect(found).toHaveLength(1)
    const reexport = await fences(
      'src/calls/Fixture.ts',
      "export { sessionLabel } from '../ui/format/sessionLabel.ts'\n",
    )
    expect(reexport).toHaveLength(1)
  })
})

describe('private folders and libraries', { timeout: SLOW }, () => {
  it('keeps the UI and the docs out of the store’s slice files', async () => {
    for (const path of ['src/ui/graph/Fixture.ts', 'src/docs/widgets/Fixture.ts']) {
      const depth = path.split('/').length - 1
      const found = await fences(
        path,
        `import { timelineInitial } from '${'../'.repeat(depth - 1)}store/slices/timeline.ts'\nexport const t = timelineInitial\n`,
      )
      expect(found, path).toHaveLength(1)
      expect(found[0]).toContain('never its slices')
    }
    const inside = await fences(
      'src/store/Fixture.ts',
      "import { timelineInitial } from './slices/timeline.ts'\nexport const t = timelineInitial\n",
    )
    expect(inside).toEqual([])
  })

  it('keeps React, zustand, React Flow and Monaco out of every layer below the store', async () => {
    for (const folder of [
      'src/engine',
      'src/calls',
      'src/scenarios',
      'src/sandbox',
      'src/bench',
      'src/reference',
      'src/wire',
      'server',
    ]) {
      for (const name of [
        'react',
        'react-dom/client',
        'zustand/vanilla',
        '@xyflow/react',
        'monaco-editor',
        '@monaco-editor/react',
      ]) {
        const found = await fences(
          `${folder}/Fixture.ts`,
          `import * as m from '${name}'\nexport const x = m\n`,
        )
        expect(found, `${folder}: ${name}`).toHaveLength(1)
        expect(found[0]).toContain('without a page')
      }
    }
    expect(
      await fences(
        'src/store/Fixture.ts',
        "import { createStore } from 'zustand/vanilla'\nexport const s = createStore\n",
      ),
    ).toEqual([])
  })

  it('keeps Node modules and sockets out of the wire protocol', async () => {
    for (const source of [
      "import { WebSocketServer } from 'ws'",
      "import { readFileSync } from 'node:fs'",
    ]) {
      const found = await fences('src/wire/Fixture.ts', `${source}\nexport const x = 1\n`)
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

  it('keeps the engine pure: no Node module, and its member list model through one entry', async () => {
    expect(
      await fences(
        'src/engine/Fixture.ts',
        "import { EventEmitter } from 'node:events'\nexport const e = EventEmitter\n",
      ),
    ).toHaveLength(1)
    expect(
      await fences(
        'src/engine/memberLists/Fixture.ts',
        "import { planOps } from '../lazyGuild/planner.ts'\nexport const p = planOps\n",
      ),
    ).toHaveLength(1)
  })

  it('refuses a file of src/ that belongs to no layer, and lets layers read the committed results', async () => {
    const found = await fences(
      'src/ui/Fixture.ts',
      "import { x } from '../nowhere/x.ts'\nexport const y = x\n",
    )
    expect(found).toHaveLength(1)
    expect(found[0]).toContain('belongs to no layer')
    expect(
      await fences(
        'src/ui/Fixture.ts',
        "import results from '../../bench/results/latest.json'\nexport const r = results\n",
      ),
    ).toEqual([])
  })

  it('lets tests drive the layers above their code', async () => {
    expect(
      await fences(
        'src/scenarios/Fixture.test.ts',
        "import { createPlaygroundStore } from '../store/createPlaygroundStore.ts'\nexport const c = createPlaygroundStore\n",
      ),
    ).toEqual([])
    // The store's test helpers are tests' code too: they may build a UI-free store from the engine.
    expect(
      await fences(
        'src/store/testing/Fixture.ts',
        "import { x } from '../../engine/gateway/shard.ts'\nexport const y = x\n",
      ),
    ).toEqual([])
  })
})

describe(
  'the engine and the wire protocol own no page, clock or randomness',
  { timeout: SLOW },
  () => {
    /** The rules lint gives `code` as the file at `path`, in order. */
    async function rules(path: string, code: string): Promise<(string | null)[]> {
      const [result] = await eslint.lintText(code, { filePath: path })
      return (result?.messages ?? []).map((m) => m.ruleId)
    }

    it('refuses the engine the DOM, Node’s modules, timers, the wall clock and Math.random', async () => {
      const engine = 'src/engine/Fixture.ts'
      // The DOM and the network, then timers: time is injected.
      for (const name of [
        ...['window', 'document', 'navigator', 'localStorage', 'location', 'fetch'],
        ...['setTimeout', 'setInterval', 'requestAnimationFrame', 'performance'],
      ]) {
        expect(await rules(engine, `export const x = ${name}\n`), name).toEqual([
          'no-restricted-globals',
        ])
      }
      expect(
        await rules(engine, 'export const a = Math.random()\nexport const b = Date.now()\n'),
      ).toEqual(['no-restricted-properties', 'no-restricted-properties'])
      expect(await rules(engine, 'export const now = new Date()\n')).toEqual([
        'no-restricted-syntax',
      ])
      // A date from a given time is data, not the wall clock.
      expect(await rules(engine, 'export const epoch = new Date(0)\n')).toEqual([])
      for (const name of ['fs', 'path', 'events', 'node:fs']) {
        expect(
          await fences(engine, `import * as m from '${name}'\nexport const x = m\n`),
          name,
        ).toHaveLength(1)
      }
    })

    it('refuses the wire protocol the DOM, sockets, the process and Math.random', async () => {
      const wire = 'src/wire/Fixture.ts'
      for (const name of ['window', 'document', 'WebSocket', 'process', 'fetch']) {
        expect(await rules(wire, `export const x = ${name}\n`), name).toEqual([
          'no-restricted-globals',
        ])
      }
      expect(await rules(wire, 'export const r = Math.random()\n')).toEqual([
        'no-restricted-properties',
      ])
      for (const name of ['fs', 'path']) {
        expect(
          await fences(wire, `import * as m from '${name}'\nexport const x = m\n`),
          name,
        ).toHaveLength(1)
      }
    })

    it('leaves the layers above them their timers (a page has a clock)', async () => {
      expect(
        await rules('src/store/Fixture.ts', 'export const t = setTimeout(() => {}, 1)\n'),
      ).toEqual([])
    })
  },
)
