import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import * as engine from '../../src/engine/index.ts'
import { readEngineApi } from './apiReference.ts'

/** Every name src/engine/index.ts exports, values and types alike, as the TypeScript checker sees it. */
function exportedNames(): string[] {
  const entry = 'src/engine/index.ts'
  const program = ts.createProgram([entry], {
    noEmit: true,
    allowImportingTsExtensions: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
  })
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(entry)
  const module = source && checker.getSymbolAtLocation(source)
  if (!module) throw new Error(`${entry} is not a module`)
  return checker.getExportsOfModule(module).map((s) => s.name)
}

describe('the API reference (TypeDoc over src/engine/index.ts)', () => {
  it('has exactly one entry for every name the engine exports, values and types', async () => {
    const api = await readEngineApi()
    const names = api.entries.map((e) => e.name)
    const exported = exportedNames()
    expect(exported.length).toBeGreaterThan(40)
    expect([...names].sort()).toEqual([...exported].sort())
  }, 120_000)

  it('carries each entry’s signature, members and TSDoc', async () => {
    const api = await readEngineApi()
    const names = new Set(api.entries.map((e) => e.name))
    // Every value export, read from the module itself…
    for (const name of Object.keys(engine)) expect(names, name).toContain(name)
    // …and the types the docs and the editor lean on.
    for (const name of [
      'Simulation',
      'EventDispatcher',
      'DispatchResult',
      'GatewayState',
      'StateManager',
      'World',
      'Actions',
      'InspectionEvent',
      'SkipReason',
      'BackendName',
      'Frame',
    ]) {
      expect(names, name).toContain(name)
    }
    const create = api.entries.find((e) => e.name === 'createSimulation')
    expect(create?.signatures[0]).toMatch(
      /^function createSimulation\(options\?: SimulationOptions\): Simulation$/,
    )
    expect(create?.examples[0]).toContain('createSimulation(')
    const dispatcher = api.entries.find((e) => e.name === 'EventDispatcher')
    expect(dispatcher?.members.map((m) => m.name)).toEqual(
      expect.arrayContaining([
        'dispatch',
        'dispatchMany',
        'dispatchFilter',
        'dispatchManyFilterList',
        'sub',
        'unsub',
        'subMany',
      ]),
    )
    expect(dispatcher?.members.find((m) => m.name === 'dispatch')?.summary.length).toBeGreaterThan(
      0,
    )
  }, 120_000)
})
