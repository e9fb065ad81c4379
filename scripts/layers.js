// The project's layers, said once. eslint.config.js turns this table into the `fanout/layers` lint rule
// (proven by src/lintFences.test.ts), and scripts/importGraph.test.ts checks the whole import graph of
// src/ and server/ against it, with no circle. Plain JavaScript: ESLint's config loads it in Node.
import { dirname, relative, resolve, sep } from 'node:path'

/** The row above the call format: peers, none of which imports another. */
const ROW = ['scenarios', 'sandbox', 'bench', 'reference', 'wire']
/** Everything below the store. */
const UNDER_STORE = ['engine', 'calls', ...ROW]

/**
 * Lowest first. A layer imports only from the layers its `imports` names (the ones below it; never a
 * peer on the same row of the README's diagram). `engine` says how it may reach the engine: `api` (the
 * public entries, types and values), `types` (`import type` only: values come through the store), or
 * `all` (the engine itself).
 */
export const LAYERS = [
  { name: 'engine', paths: ['src/engine'], imports: [], engine: 'all' },
  { name: 'calls', paths: ['src/calls'], imports: ['engine'], engine: 'api' },
  { name: 'scenarios', paths: ['src/scenarios'], imports: ['engine', 'calls'], engine: 'api' },
  { name: 'sandbox', paths: ['src/sandbox'], imports: ['engine', 'calls'], engine: 'api' },
  { name: 'bench', paths: ['src/bench'], imports: ['engine', 'calls'], engine: 'api' },
  { name: 'reference', paths: ['src/reference'], imports: ['engine'], engine: 'types' },
  { name: 'wire', paths: ['src/wire'], imports: ['engine', 'calls'], engine: 'api' },
  { name: 'store', paths: ['src/store'], imports: UNDER_STORE, engine: 'api' },
  { name: 'ui', paths: ['src/ui'], imports: [...UNDER_STORE, 'store'], engine: 'types' },
  { name: 'docs', paths: ['src/docs'], imports: [...UNDER_STORE, 'store', 'ui'], engine: 'types' },
  // The app's shell: the entry and the router over the site's pages.
  {
    name: 'app',
    paths: ['src/App.tsx', 'src/main.tsx'],
    imports: [...UNDER_STORE, 'store', 'ui', 'docs'],
    engine: 'types',
  },
  // The local gateway: a Node host over the call format, the wire protocol and the scenarios.
  {
    name: 'server',
    paths: ['server'],
    imports: ['engine', 'calls', 'scenarios', 'wire'],
    engine: 'api',
  },
]

/** What every layer below the store must not import: they run in Node and in workers too. */
const NO_UI_LIBRARIES = {
  packages: [
    'react',
    'react-dom',
    'zustand',
    '@xyflow/react',
    'monaco-editor',
    '@monaco-editor/react',
  ],
  why: 'it runs without a page (in Node, a worker or the engine): no React, zustand, React Flow or Monaco',
}
const BELOW_STORE = [...UNDER_STORE, 'server']

/** The engine's public entries: everything else in src/engine is internal to it. */
export const ENGINE_ENTRIES = ['src/engine/index.ts', 'src/engine/tables.ts']
/** Folders private to their layer: another layer may not import them. */
export const PRIVATE = [
  {
    path: 'src/store/slices',
    why: 'the store is read through hooks.ts and its modules, never its slices',
  },
]
/** Data outside the layers that a layer may read (the committed benchmark results). */
const DATA = ['bench/results']

const ORDER =
  'engine < calls < scenarios, sandbox, bench, reference, wire < store < ui < docs < app; server above calls, wire, scenarios'

/** Whether `path` (from the repository's root, with slashes) is `prefix` or inside it. */
function within(path, prefix) {
  return path === prefix || path.startsWith(`${prefix}/`)
}

/** The layer a file belongs to, or undefined (scripts, e2e, bench/, configs: above every layer). */
export function layerOf(path) {
  return LAYERS.find((layer) => layer.paths.some((p) => within(path, p)))
}

/** Tests sit beside their code but may drive the layers above it (a scenario's test runs the store). */
export function isTest(path) {
  return /\.test\.tsx?$/.test(path) || within(path, 'src/store/testing')
}

/**
 * Why `from` may not import `to` (both files, from the repository's root), or null when it may.
 * `typeOnly`: the import is `import type` / `export type` (erased from the build).
 */
export function importProblem(from, to, typeOnly) {
  const source = layerOf(from)
  if (!source) return null
  const target = layerOf(to)
  const where = source.paths[0]
  if (target && target !== source) {
    if (!source.imports.includes(target.name)) {
      return `${where} may not import ${target.paths[0]}: a layer imports only from the layers below it (${ORDER}; scripts/layers.js).`
    }
  }
  if (!target && !DATA.some((d) => within(to, d)) && !within(to, source.paths[0])) {
    if (to.startsWith('src/') || to.startsWith('server/'))
      return `${where} may not import ${to}, which belongs to no layer (scripts/layers.js).`
  }
  if (target?.name === 'engine' && source.name !== 'engine') {
    if (!ENGINE_ENTRIES.includes(to))
      return `Import the engine through its public API, src/engine/index.ts (or tables.ts), never its internals (${to}).`
    if (source.engine === 'types' && !typeOnly)
      return `${where} imports only types from the engine (\`import type\`); values come through src/store (engineTables.ts, engineValues.ts).`
  }
  for (const p of PRIVATE) {
    if (within(to, p.path) && !within(from, layerOf(p.path)?.paths[0] ?? p.path))
      return `${where} may not import ${p.path}: ${p.why}.`
  }
  return null
}

/** Why a file of `from` may not import the package `name`, or null. */
export function packageProblem(from, name) {
  const source = layerOf(from)
  if (!source || !BELOW_STORE.includes(source.name)) return null
  const bare = name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]
  if (!NO_UI_LIBRARIES.packages.includes(bare)) return null
  return `${source.paths[0]} may not import ${bare}: ${NO_UI_LIBRARIES.why}.`
}

/** The file an import specifier names, from the repository's root; null for a package. */
export function resolveSpecifier(root, file, specifier) {
  if (!specifier.startsWith('.')) return null
  return relative(root, resolve(dirname(resolve(root, file)), specifier))
    .split(sep)
    .join('/')
}

/** The `fanout/layers` lint rule: every import, re-export and `import()` checked against the table. */
export const layersPlugin = {
  rules: {
    layers: {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const root = context.cwd
        const file = relative(root, context.filename).split(sep).join('/')
        if (!layerOf(file) || isTest(file)) return {}
        const check = (node, source, typeOnly) => {
          if (source?.type !== 'Literal' || typeof source.value !== 'string') return
          const to = resolveSpecifier(root, file, source.value)
          const message = to
            ? importProblem(file, to, typeOnly)
            : packageProblem(file, source.value)
          if (message) context.report({ node, message })
        }
        return {
          ImportDeclaration: (n) => check(n, n.source, n.importKind === 'type'),
          ExportNamedDeclaration: (n) => check(n, n.source, n.exportKind === 'type'),
          ExportAllDeclaration: (n) => check(n, n.source, n.exportKind === 'type'),
          ImportExpression: (n) => check(n, n.source, false),
        }
      },
    },
  },
}
