import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { importCycles, importGraph, importsOf, layeredFiles, layerProblems } from './importGraph.ts'
import { repositoryFiles, repositoryRoot } from './repository.ts'

// Reading and parsing some 600 files takes seconds on a busy machine.
describe('the import graph of src/ and server/', { timeout: 60_000 }, () => {
  const root = repositoryRoot()
  const files = layeredFiles(repositoryFiles(root))

  it('covers every layer of the table', () => {
    expect(files.length).toBeGreaterThan(300)
    expect(files.some((f) => f.startsWith('server/'))).toBe(true)
  })

  it('has no circle: no file reaches itself through its imports, type imports included', () => {
    const cycles = importCycles(importGraph(root, files)).map((c) => [...c, c[0]].join(' → '))
    expect(cycles).toEqual([])
  })

  it('has no import running back up a layer, into the engine’s internals or a private folder', () => {
    const found = layerProblems(root, files).map((p) => `${p.file}:${p.line}: ${p.message}`)
    expect(found).toEqual([])
  })
})

const made: string[] = []
afterAll(() => made.forEach((root) => rmSync(root, { recursive: true, force: true })))
function fixture(tree: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'fanout-graph-'))
  for (const [path, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  made.push(root)
  return root
}

describe('the checks themselves', () => {
  it('reads static, re-exported, dynamic and type-only imports', () => {
    const found = importsOf(
      'a.ts',
      [
        "import { a } from './a.ts'",
        "import type { B } from './b.ts'",
        "export { c } from './c.ts'",
        "export type { D } from './d.ts'",
        "const e = () => import('./e.ts')",
        "import 'side-effect'",
      ].join('\n'),
    )
    expect(found.map((i) => [i.specifier, i.typeOnly, i.dynamic, i.line])).toEqual([
      ['./a.ts', false, false, 1],
      ['./b.ts', true, false, 2],
      ['./c.ts', false, false, 3],
      ['./d.ts', true, false, 4],
      ['./e.ts', false, true, 5],
      ['side-effect', false, false, 6],
    ])
  })

  it('finds a circle, a type-only one and a file that imports itself, and nothing in a tree', () => {
    const root = fixture({
      'src/store/a.ts': "import { b } from './b.ts'\nexport const a = b\n",
      'src/store/b.ts': "import type { C } from './c.ts'\nexport const b = 1\n",
      'src/store/c.ts': "import { a } from './a.ts'\nexport type C = typeof a\n",
      'src/store/d.ts': "import { d } from './d.ts'\nexport { d }\n",
      'src/store/e.ts': "import { a } from './a.ts'\nexport const e = a\n",
    })
    const files = ['a', 'b', 'c', 'd', 'e'].map((f) => `src/store/${f}.ts`)
    expect(importCycles(importGraph(root, files))).toEqual([
      ['src/store/a.ts', 'src/store/b.ts', 'src/store/c.ts'],
      ['src/store/d.ts'],
    ])
    expect(importCycles(importGraph(root, ['src/store/e.ts']))).toEqual([])
  })

  it('names an import back up a layer, into the engine’s internals, and a UI library below the store', () => {
    const root = fixture({
      'src/scenarios/a.ts': "import { x } from '../store/hooks.ts'\nexport const a = x\n",
      'src/scenarios/a.test.ts': "import { x } from '../store/hooks.ts'\nexport const a = x\n",
      'src/ui/b.ts':
        "import type { S } from '../engine/index.ts'\nimport { t } from '../engine/trace/types.ts'\nexport type B = [S, typeof t]\n",
      'src/sandbox/c.ts': "import { useState } from 'react'\nexport const c = useState\n",
    })
    const files = [
      'src/scenarios/a.ts',
      'src/scenarios/a.test.ts',
      'src/ui/b.ts',
      'src/sandbox/c.ts',
    ]
    const found = layerProblems(root, files).map((p) => `${p.file}:${p.line}`)
    expect(found).toEqual(['src/scenarios/a.ts:1', 'src/ui/b.ts:2', 'src/sandbox/c.ts:1'])
  })
})
