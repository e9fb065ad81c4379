// The API reference, generated at build time: TypeDoc reads the engine's public entry point and its
// TSDoc, and this plugin hands the page a small JSON model of every exported name as the virtual module
// `virtual:fanout-api`. It runs in `vite build` and `vite dev` alike, so a fresh clone needs no step of
// its own, and the reference can never drift from the code.
import {
  Application,
  ReflectionKind,
  type CommentDisplayPart,
  type DeclarationReflection,
  type ProjectReflection,
  type SignatureReflection,
} from 'typedoc'
import type { Plugin } from 'vite'
import type { ApiEntry, ApiKind, ApiMember, ApiModel, DocPart } from '../../src/docs/api/types.ts'

const ENTRY = 'src/engine/index.ts'
const VIRTUAL = 'virtual:fanout-api'

const cache = new Map<string, Promise<ApiModel>>()

/** Runs TypeDoc over the engine's entry point (once per build: the reference and the search share it). */
export function readEngineApi(root = process.cwd()): Promise<ApiModel> {
  let model = cache.get(root)
  if (!model) cache.set(root, (model = runTypeDoc(root)))
  return model
}

async function runTypeDoc(root: string): Promise<ApiModel> {
  const app = await Application.bootstrap({
    entryPoints: [`${root}/${ENTRY}`],
    tsconfig: `${root}/tsconfig.engine.json`,
    // The engine's own tsc run checks types; the reference only needs declarations and comments.
    skipErrorChecking: true,
    excludeInternal: true,
    excludePrivate: true,
    logLevel: 'Warn',
  })
  const project = await app.convert()
  if (!project) throw new Error(`TypeDoc could not read ${ENTRY}`)
  return toModel(project, root)
}

const KIND: Partial<Record<ReflectionKind, ApiKind>> = {
  [ReflectionKind.Function]: 'function',
  [ReflectionKind.Class]: 'class',
  [ReflectionKind.Interface]: 'interface',
  [ReflectionKind.TypeAlias]: 'type',
  [ReflectionKind.Variable]: 'constant',
}

/** The reduced model: every top-level export, in name order. */
export function toModel(project: ProjectReflection, root: string): ApiModel {
  const names = new Set((project.children ?? []).map((c) => c.name))
  const entries = (project.children ?? [])
    .map((c) => toEntry(c, names, root))
    .filter((e): e is ApiEntry => e !== null)
    .sort((a, b) => a.name.localeCompare(b.name, 'en'))
  return { entries }
}

function toEntry(c: DeclarationReflection, names: Set<string>, root: string): ApiEntry | null {
  const kind = KIND[c.kind]
  if (!kind) return null
  const sigs = c.signatures ?? []
  const comment = sigs[0]?.comment ?? c.comment
  const source = c.sources?.[0]
  return {
    name: c.name,
    kind,
    signatures: signaturesOf(c, kind),
    summary: parts(comment?.summary ?? [], names),
    examples: (comment?.blockTags ?? [])
      .filter((t) => t.tag === '@example')
      .map((t) => stripFence(t.content.map((p) => p.text).join(''))),
    members: kind === 'interface' || kind === 'class' ? membersOf(c, names) : [],
    source: source ? source.fullFileName.replace(`${root}/`, '') : null,
  }
}

function signaturesOf(c: DeclarationReflection, kind: ApiKind): string[] {
  switch (kind) {
    case 'function':
      return (c.signatures ?? []).map((s) => `function ${signature(s)}`)
    case 'type':
      return [`type ${c.name}${typeParams(c)} = ${c.type?.toString() ?? 'unknown'}`]
    case 'constant':
      return [`const ${c.name}: ${c.type?.toString() ?? 'unknown'}`]
    case 'class': {
      const base = c.extendedTypes?.map((t) => t.toString()).join(', ')
      return [`class ${c.name}${base ? ` extends ${base}` : ''}`]
    }
    case 'interface': {
      const base = c.extendedTypes?.map((t) => t.toString()).join(', ')
      return [`interface ${c.name}${typeParams(c)}${base ? ` extends ${base}` : ''}`]
    }
  }
}

function typeParams(c: DeclarationReflection): string {
  const ps = c.typeParameters ?? []
  return ps.length ? `<${ps.map((p) => p.name).join(', ')}>` : ''
}

function signature(s: SignatureReflection): string {
  const params = (s.parameters ?? [])
    .map(
      (p) =>
        `${p.flags.isRest ? '...' : ''}${p.name}${p.flags.isOptional || p.defaultValue ? '?' : ''}: ${p.type?.toString() ?? 'unknown'}`,
    )
    .join(', ')
  return `${s.name}(${params}): ${s.type?.toString() ?? 'void'}`
}

function membersOf(c: DeclarationReflection, names: Set<string>): ApiMember[] {
  return (c.children ?? [])
    .filter((m) => !m.inheritedFrom) // Error's message, stack, cause: not the engine's to document
    .flatMap((m): ApiMember[] => {
      if (m.signatures?.length) {
        return m.signatures.map((s) => ({
          name: m.name,
          signature:
            m.kind === ReflectionKind.Constructor
              ? `new ${signature(s).replace(/^new /, '')}`
              : signature(s),
          summary: parts(s.comment?.summary ?? m.comment?.summary ?? [], names),
        }))
      }
      const readonly = m.flags.isReadonly ? 'readonly ' : ''
      const optional = m.flags.isOptional ? '?' : ''
      return [
        {
          name: m.name,
          signature: `${readonly}${m.name}${optional}: ${m.type?.toString() ?? 'unknown'}`,
          summary: parts(m.comment?.summary ?? [], names),
        },
      ]
    })
}

/** TSDoc display parts as text, inline code and links; `{@link X}` to an exported name is an anchor. */
function parts(display: readonly CommentDisplayPart[], names: Set<string>): DocPart[] {
  return display.map((p): DocPart => {
    if (p.kind === 'code') return { code: p.text.replace(/^`+|`+$/g, '') }
    if (p.kind === 'inline-tag') {
      const target = p.text.split(/[.#\s]/)[0] ?? ''
      return { link: p.text, target: names.has(target) ? target : null }
    }
    return { text: p.text }
  })
}

function stripFence(code: string): string {
  return code.replace(/^```\w*\n?/, '').replace(/\n?```\s*$/, '')
}

/** The Vite plugin: `import api from 'virtual:fanout-api'`. */
export function apiReference(): Plugin {
  const resolved = `\0${VIRTUAL}`
  let root = process.cwd()
  return {
    name: 'fanout:api-reference',
    configResolved(config) {
      root = config.root
    },
    resolveId: (id) => (id === VIRTUAL ? resolved : undefined),
    async load(id) {
      if (id !== resolved) return undefined
      return `export default ${JSON.stringify(await readEngineApi(root))}`
    },
    // In `vite dev`, an edited engine file re-reads the API on the next load.
    handleHotUpdate({ file, server }) {
      if (!file.includes('/src/engine/')) return
      cache.delete(root)
      const mod = server.moduleGraph.getModuleById(resolved)
      if (mod) server.moduleGraph.invalidateModule(mod)
    },
  }
}
