import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Plugin } from 'vite'

/**
 * The editor's types, generated at build time from the engine's own source (never written by hand):
 * dts-bundle-generator bundles the declarations of `src/engine/index.ts`, TSDoc included, into one
 * module that the virtual module `virtual:engine-dts` exports as text for Monaco. The result is cached
 * under node_modules/.cache by a hash of the engine's sources, so only a changed engine pays for it.
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
      return `export default ${JSON.stringify(await engineDts(root))}`
    },
  }
}
