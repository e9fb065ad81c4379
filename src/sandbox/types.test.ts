import engineDts from 'virtual:engine-dts'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { docScenarios } from '../scenarios/index.ts'
import { SNIPPETS } from '../scenarios/snippets.ts'
import { API_CATALOGUE } from '../engine/index.ts'
import { ENGINE_MODULE, PRELUDE } from './prelude.ts'
import { scopeNames } from './scope.ts'

const DTS = `/node_modules/${ENGINE_MODULE}/index.d.ts`
const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: ['lib.es2022.d.ts'],
  types: [],
  strict: true,
  noEmit: true,
}

/** A program over in-memory files (plus TypeScript's own libs), as Monaco sees the editor's code. */
function program(files: Record<string, string>): ts.Program {
  const host = ts.createCompilerHost(OPTIONS)
  const read = host.readFile.bind(host)
  const get = host.getSourceFile.bind(host)
  const dirs = new Set(
    Object.keys(files).flatMap((f) =>
      f
        .split('/')
        .slice(1, -1)
        .map((_, i, parts) => `/${parts.slice(0, i + 1).join('/')}`),
    ),
  )
  host.fileExists = (f) => f in files || ts.sys.fileExists(f)
  host.directoryExists = (d) => dirs.has(d) || ts.sys.directoryExists(d)
  host.readFile = (f) => files[f] ?? read(f)
  host.getSourceFile = (f, v, onError) =>
    f in files ? ts.createSourceFile(f, files[f] ?? '', v, true) : get(f, v, onError)
  return ts.createProgram(Object.keys(files), OPTIONS, host)
}

function exportsOf(p: ts.Program, file: string): Set<string> {
  const source = p.getSourceFile(file)
  const symbol = source && p.getTypeChecker().getSymbolAtLocation(source)
  return new Set(
    symbol
      ? p
          .getTypeChecker()
          .getExportsOfModule(symbol)
          .map((s) => s.name)
      : [],
  )
}

// Type-checking builds TypeScript programs: seconds each on a busy machine.
describe('the editor’s engine types', { timeout: 120_000 }, () => {
  const generated = program({ [DTS]: engineDts, '/prelude.d.ts': PRELUDE })

  it('are generated from the engine: every name src/engine/index.ts exports is declared', () => {
    const engine = ts.createProgram(['src/engine/index.ts'], {
      ...OPTIONS,
      allowImportingTsExtensions: true,
    })
    const fromSource = exportsOf(engine, 'src/engine/index.ts')
    expect(fromSource.size).toBeGreaterThan(40)
    const declared = exportsOf(generated, DTS)
    expect([...fromSource].filter((name) => !declared.has(name))).toEqual([])
    expect(engineDts).toMatch(/dispatchManyFilterList\(/)
    expect(engineDts).toContain('@example') // TSDoc comes along for hovers
  })

  it('give user code every name the sandbox puts in scope', () => {
    const declared = [...PRELUDE.matchAll(/^declare const (\w+):/gm)].map((m) => m[1])
    expect(declared).toEqual(scopeNames())
    for (const name of [
      'Intents',
      'intentFor',
      'intentNames',
      'shardFor',
      'clock',
      'createSimulation',
    ])
      expect(declared).toContain(name)
    expect(ts.getPreEmitDiagnostics(generated).map((d) => d.messageText)).toEqual([])
  })

  it('declare exactly the methods the engine’s catalogue lists, part by part', () => {
    const checker = generated.getTypeChecker()
    const source = generated.getSourceFile(DTS)!
    const members = (name: string) => {
      const symbol = checker
        .getExportsOfModule(checker.getSymbolAtLocation(source)!)
        .find((s) => s.name === name)!
      return checker
        .getDeclaredTypeOfSymbol(symbol)
        .getProperties()
        .map((p) => p.name)
        .sort()
    }
    const parts = {
      world: 'World',
      states: 'StateManager',
      dispatcher: 'EventDispatcher',
      gateway: 'Gateway',
      actions: 'Actions',
      clock: 'Clock',
    } as const
    for (const [target, type] of Object.entries(parts)) {
      const listed = Object.keys(API_CATALOGUE[target as keyof typeof API_CATALOGUE])
      expect(listed.sort(), target).toEqual(members(type))
    }
  })

  it('type-check every example snippet, and every docs example’s code', () => {
    const files = Object.fromEntries(
      [...SNIPPETS, ...docScenarios].map((s) => [`/${s.id}.ts`, s.code]),
    )
    const p = program({ [DTS]: engineDts, '/prelude.d.ts': PRELUDE, ...files })
    const errors = ts
      .getPreEmitDiagnostics(p)
      .map((d) => `${d.file?.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`)
    expect(errors).toEqual([])
  })

  it('type a frame by what it carries: its payload’s fields read without a cast', () => {
    const p = program({
      [DTS]: engineDts,
      '/prelude.d.ts': PRELUDE,
      '/code.ts': [
        `const s = states.all()[0]`,
        `const f = s?.frames.at(-1)`,
        `const name: string | undefined = f?.d.name`,
        `console.log(name, f?.d.author?.id, f?.d.members?.length, f?.d.user?.id.length)`,
      ].join('\n'),
    })
    expect(ts.getPreEmitDiagnostics(p).map((d) => d.messageText)).toEqual([])
  })

  it('flag a type error before running', () => {
    const p = program({
      [DTS]: engineDts,
      '/prelude.d.ts': PRELUDE,
      '/code.ts': `dispatcher.dispatch('guilds', '1', 'X', {})`,
    })
    const [error] = ts
      .getPreEmitDiagnostics(p)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '))
    expect(error).toMatch(/'"guilds"' is not assignable to parameter of type 'BackendName'/)
  })
})
