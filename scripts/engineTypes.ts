import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Plugin } from 'vite'

/**
 * The editor's types, generated at build time from the engine's own source (never written by hand):
 * dts-bundle-generator bundles the declarations of `src/engine/index.ts`, TSDoc included, into one
 * module that the virtual module `virtual:engine-dts` exports as text for Monaco (with frames typed by
 * what they carry: `editorDeclarations`). The result is cached under node_modules/.cache by a hash of
 * the engine's sources, so only a changed engine pays for it.
 */
export const ENGINE_DTS_ID = 'virtual:engine-dts'
const RESOLVED_ID = `\0${ENGINE_DTS_ID}`

function engineSources(root: string): string[] {
  const dir = join(root, 'src/engine')
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (name.endsWith('.ts') && !name.includes('.test')) out.push(path)
    }
  }
  walk(dir)
  return out
}

/** The bundled declarations of the engine's public API, from the cache or freshly generated. */
export async function engineDts(root: string): Promise<string> {
  const hash = createHash('sha256')
  for (const file of engineSources(root)) {
    hash.update(relative(root, file))
    hash.update(readFileSync(file))
  }
  const cacheDir = join(root, 'node_modules/.cache/engine-dts')
  const cached = join(cacheDir, `${hash.digest('hex').slice(0, 20)}.d.ts`)
  if (existsSync(cached)) return readFileSync(cached, 'utf8')
  const { generateDtsBundle } = await import('dts-bundle-generator')
  const [text] = generateDtsBundle(
    [{ filePath: join(root, 'src/engine/index.ts'), output: { noBanner: true } }],
    { preferredConfigPath: join(root, 'tsconfig.engine.json') },
  )
  if (!text) throw new Error('dts-bundle-generator produced nothing for src/engine/index.ts')
  mkdirSync(cacheDir, { recursive: true })
  writeFileSync(cached, text)
  return text
}

/**
 * What a frame carries, as the editor types it: the fields most events have are named, and any other
 * reads as JSON data of any shape, so `frame.d.name` and `frame.d.author.id` need no cast.
 */
const FRAME_DATA = `/**
 * A frame's data as the editor types it: a dispatch's payload, whose fields read without a cast (the
 * ones most events carry are named: a guild's or channel's \`name\`, a message's \`content\`…). In op 9
 * (INVALID_SESSION) it is \`false\`, whose fields read undefined.
 */
export interface FrameData {
\treadonly [field: string]: any;
\treadonly id?: string;
\treadonly name?: string;
\treadonly content?: string;
\treadonly guild_id?: string;
\treadonly channel_id?: string;
\treadonly session_id?: string;
\treadonly status?: string;
\treadonly user?: {
\t\treadonly id: string;
\t\treadonly [field: string]: any;
\t};
\treadonly author?: {
\t\treadonly id: string;
\t\treadonly [field: string]: any;
\t};
}
`

/**
 * The declarations as the editor shows them. The engine types a frame's `d` as `unknown` (it is JSON
 * data of any shape), which made `frame.d.name` a red squiggle on code that runs; the editor types it
 * by what frames carry instead (FrameData). Throws if the engine's `Frame` no longer has that field,
 * so the build says so.
 */
export function editorDeclarations(dts: string): string {
  const start = dts.indexOf('export interface Frame {')
  const end = start < 0 ? -1 : dts.indexOf('\n}\n', start)
  const body = start < 0 || end < 0 ? '' : dts.slice(start, end)
  if (!/\treadonly d: unknown;/.test(body)) {
    throw new Error(
      'scripts/engineTypes.ts: the engine’s Frame no longer declares `readonly d: unknown`; update editorDeclarations',
    )
  }
  const frame = body.replace('\treadonly d: unknown;', '\treadonly d: FrameData;')
  return `${dts.slice(0, start)}${frame}\n}\n${FRAME_DATA}${dts.slice(end + 3)}`
}

/** A Vite (and Vitest) plugin serving `virtual:engine-dts`: `export default "<declarations>"`. */
export function engineTypes(): Plugin {
  let root = process.cwd()
  return {
    name: 'fanout:engine-types',
    configResolved(config) {
      root = config.root
    },
    resolveId: (id) => (id === ENGINE_DTS_ID ? RESOLVED_ID : undefined),
    async load(id) {
      if (id !== RESOLVED_ID) return undefined
      for (const file of engineSources(root)) this.addWatchFile(file)
      return `export default ${JSON.stringify(editorDeclarations(await engineDts(root)))}`
    },
  }
}
