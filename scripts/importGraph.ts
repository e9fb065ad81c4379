import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { importProblem, isTest, layerOf, packageProblem, resolveSpecifier } from './layers.js'
import type { Problem } from './repository.ts'

/** One import of a source file: what it names, whether it is erased from the build, where it is. */
export interface Import {
  readonly specifier: string
  readonly typeOnly: boolean
  /** `import()`: loaded when it runs, in a chunk of its own, not with the importing file. */
  readonly dynamic: boolean
  readonly line: number
}

/** Every import of a source file: `import`, `export … from`, `import()`, `import type` marked so. */
export function importsOf(file: string, text: string): Import[] {
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind)
  const found: Import[] = []
  const add = (
    node: ts.Node,
    specifier: ts.Expression | undefined,
    typeOnly: boolean,
    dynamic = false,
  ) => {
    if (!specifier || !ts.isStringLiteralLike(specifier)) return
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
    found.push({ specifier: specifier.text, typeOnly, dynamic, line })
  }
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      add(node, node.moduleSpecifier, node.importClause?.isTypeOnly ?? false)
    } else if (ts.isExportDeclaration(node)) {
      add(node, node.moduleSpecifier, node.isTypeOnly)
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node, node.arguments[0], false, true)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

const SOURCE = /\.(?:ts|tsx)$/

/** The source files the layers cover, from the repository's files. */
export function layeredFiles(files: readonly string[]): string[] {
  return files.filter((f) => SOURCE.test(f) && !f.endsWith('.d.ts') && layerOf(f))
}

/** The import graph of `files`: each file → the files it imports (only those among `files`). */
export function importGraph(root: string, files: readonly string[]): Map<string, Set<string>> {
  const known = new Set(files)
  const graph = new Map<string, Set<string>>()
  for (const file of files) {
    const targets = new Set<string>()
    for (const i of importsOf(file, readFileSync(join(root, file), 'utf8'))) {
      const to = resolveSpecifier(root, file, i.specifier)
      if (to && known.has(to)) targets.add(to)
    }
    graph.set(file, targets)
  }
  return graph
}

/**
 * The circles of the graph: its strongly connected components of more than one file (or a file that
 * imports itself), each as one cycle through them, files in import order. Tarjan's algorithm,
 * iterative, so a deep chain cannot overflow the stack.
 */
export function importCycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const components: string[][] = []
  let next = 0
  for (const start of graph.keys()) {
    if (index.has(start)) continue
    const work: { node: string; edges: Iterator<string> }[] = []
    const enter = (node: string) => {
      index.set(node, next)
      low.set(node, next)
      next += 1
      stack.push(node)
      onStack.add(node)
      work.push({ node, edges: (graph.get(node) ?? new Set<string>()).values() })
    }
    enter(start)
    while (work.length > 0) {
      const top = work[work.length - 1]!
      const edge = top.edges.next()
      if (!edge.done) {
        const to = edge.value
        if (!index.has(to)) enter(to)
        else if (onStack.has(to)) low.set(top.node, Math.min(low.get(top.node)!, index.get(to)!))
        continue
      }
      work.pop()
      const parent = work[work.length - 1]
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(top.node)!))
      if (low.get(top.node) !== index.get(top.node)) continue
      const component: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        component.push(member)
      } while (member !== top.node)
      const selfLoop = graph.get(top.node)?.has(top.node) ?? false
      if (component.length > 1 || selfLoop) components.push(cycleThrough(graph, component))
    }
  }
  return components
}

/** One cycle through a component's files, found by a breadth-first walk back to its first file. */
function cycleThrough(
  graph: ReadonlyMap<string, ReadonlySet<string>>,
  component: string[],
): string[] {
  const members = new Set(component)
  const first = [...component].sort()[0]!
  const previous = new Map<string, string>()
  const queue = [first]
  while (queue.length > 0) {
    const node = queue.shift()!
    for (const to of graph.get(node) ?? []) {
      if (!members.has(to)) continue
      if (to === first) {
        const path = [node]
        while (path[0] !== first) path.unshift(previous.get(path[0]!)!)
        return path
      }
      if (!previous.has(to)) {
        previous.set(to, node)
        queue.push(to)
      }
    }
  }
  return component
}

/** Every import of `files` that the layer table refuses (tests may drive the layers above them). */
export function layerProblems(root: string, files: readonly string[]): Problem[] {
  const problems: Problem[] = []
  for (const file of files) {
    if (isTest(file)) continue
    for (const i of importsOf(file, readFileSync(join(root, file), 'utf8'))) {
      const to = resolveSpecifier(root, file, i.specifier)
      const message = to ? importProblem(file, to, i.typeOnly) : packageProblem(file, i.specifier)
      if (message) problems.push({ file, line: i.line, message })
    }
  }
  return problems
}
