import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, posix } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { DOC_PAGES } from '../src/docs/pageList.ts'
import { importsOf } from './importGraph.ts'
import { resolveSpecifier } from './layers.js'

const ROOT = join(import.meta.dirname, '..')

/**
 * The files an eager `import.meta.glob([...], { eager: true })` in `file` brings in with it (Vite
 * inlines them as static imports). Patterns are `./dir/*.ts` with `!` exclusions, as this project
 * writes them; a lazy glob loads its files later, in chunks of their own, and is not followed.
 */
function eagerGlobs(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const found: string[] = []
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      node.expression.getText(source) === 'import.meta.glob' &&
      node.arguments[1]?.getText(source).includes('eager: true')
    ) {
      const arg = node.arguments[0]
      const patterns = arg && ts.isArrayLiteralExpression(arg) ? [...arg.elements] : [arg]
      const texts = patterns.flatMap((p) => (p && ts.isStringLiteralLike(p) ? [p.text] : []))
      const include = texts.filter((p) => !p.startsWith('!'))
      const exclude = texts.filter((p) => p.startsWith('!')).map((p) => p.slice(1))
      for (const pattern of include) {
        const dir = posix.dirname(pattern)
        const match = new RegExp(
          `^${posix.basename(pattern).replace('.', '\\.').replace('*', '.*')}$`,
        )
        for (const name of readdirSync(join(ROOT, dirname(file), dir))) {
          const relativeName = `${dir}/${name}`
          const excluded = exclude.some(
            (x) =>
              x === relativeName ||
              (posix.dirname(x) === dir &&
                new RegExp(`^${posix.basename(x).replace('.', '\\.').replace('*', '.*')}$`).test(
                  name,
                )),
          )
          if (match.test(name) && !excluded) found.push(relativeName)
        }
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/**
 * The files a page's first load evaluates: `entry` and what it imports at the top, transitively (eager
 * globs included). Type imports are erased and `import()` loads a chunk of its own later, so neither is
 * followed. Returns each file with the chain of imports that reached it.
 */
function firstLoad(...entries: string[]): Map<string, string[]> {
  const reached = new Map<string, string[]>(entries.map((entry) => [entry, [entry]]))
  const queue = [...entries]
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const via = reached.get(file) ?? []
    const text = readFileSync(join(ROOT, file), 'utf8')
    // An MDX page's imports are ES import lines at the top of the file.
    const mdxImports = file.endsWith('.mdx')
      ? [...text.matchAll(/^import\s+(?!type\b)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!)
      : []
    const specifiers = [
      ...mdxImports,
      ...(file.endsWith('.mdx') ? [] : importsOf(file, text))
        .filter((i) => !i.typeOnly && !i.dynamic)
        .map((i) => i.specifier),
      ...eagerGlobs(file, text),
    ]
    for (const specifier of specifiers) {
      const to = resolveSpecifier(ROOT, file, specifier)
      if (!to || !/\.(ts|tsx|mdx)$/.test(to) || reached.has(to)) continue
      reached.set(to, [...via, to])
      queue.push(to)
    }
  }
  return reached
}

// The site's first load (the home page, and the shell every page shares) is what a visitor waits for
// before anything shows. The engine, Monaco, React Flow's graph and the sandbox load with the pages and
// panels that need them. The bundle budgets (`npm run size`) would let 40 kB slip in unnoticed: a
// scenario builder importing the engine once did.
describe('the first load', () => {
  const files = firstLoad('src/main.tsx')

  it('reaches every scenario the home page lists', () => {
    expect([...files.keys()]).toContain('src/scenarios/guild-basics.ts')
    expect([...files.keys()]).toContain('src/scenarios/calls.ts')
  })

  it.each(['src/engine/', 'src/sandbox/', 'src/ui/graph/', 'src/ui/editor/'])(
    'evaluates nothing of %s',
    (folder) => {
      const found = [...files].filter(([file]) => file.startsWith(folder))
      expect(
        found.map(([, chain]) => chain.join(' → ')),
        `the first load imports ${folder}`,
      ).toEqual([])
    },
  )
})

// A docs page's first load: the shell, the docs layout and the page's own MDX with what it imports at
// the top. Live examples and demos load the engine when they are reached, not with the page; the
// calculators read the engine's tables (`src/engine/tables.ts` and the small pure modules it needs).
describe('a docs page’s first load', () => {
  const tables = new Set(firstLoad('src/engine/tables.ts').keys())

  it.each(DOC_PAGES.map((page) => page.file))(
    'content/%s.mdx evaluates nothing of the engine but its tables',
    (file) => {
      const files = firstLoad(
        'src/main.tsx',
        'src/docs/DocsPage.tsx',
        `src/docs/content/${file}.mdx`,
      )
      expect([...files.keys()]).toContain(`src/docs/content/${file}.mdx`)
      const found = [...files].filter(([f]) => f.startsWith('src/engine/') && !tables.has(f))
      expect(found.map(([, chain]) => chain.join(' → '))).toEqual([])
    },
  )
})
