import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, posix, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

/**
 * The checks that keep the repository explaining itself (`repository.test.ts` runs them):
 *
 * - every reference to a Markdown file in a comment, a README or another Markdown or MDX file names a
 *   file that exists here, and every `§N` attached to one names a heading of that file;
 * - every folder README's file table names each file of its folder.
 *
 * The project's design lives in `docs/design/` (its README says what each file is): cite
 * `docs/design/semantics.md §4`, never a document outside the repository.
 */

/** Documents of other repositories that our text names as such: allowed, since they are not ours. */
export const EXTERNAL_DOCUMENTS: Readonly<Record<string, string>> = {
  'docs/pubsub.md': "litecord's own description of its pub/sub design, in litecord's repository",
  'docs/lazy_guilds.md':
    'luna\'s "Lazy Guilds" notes, as mirrored in the TrueAnon99/Discord repository',
}

/** Our design documents' old short names: a `§` after one of them must name the file instead. */
const NICKNAMES =
  /\b(semantics|gateway-facts|litecord-notes|engine-api|playground-notes|anchors|STYLE|STACK|style|spec)`?\s*§/g
/** Names of design documents that are never ordinary words: always written as a path. */
const BARE_NAMES =
  /(?<![\w./-])(gateway-facts|litecord-notes|engine-api|playground-notes)(?![\w.-])/g
const MD_REFERENCE = /(?<![\w./@-])((?:\.{1,2}\/)?(?:[\w.-]+\/)*[\w.-]+\.md)(?![\w-])/g
const SECTION = /§\s?(\d+(?:\.\d+)*)/g
const NUMBERED_ITEM = /(?:bugs?|examples?|ex\.)\s+(\d+)/g
const WEB_ADDRESS = /\bhttps?:\/\/\S+/g

/** A piece of text in which a `§` belongs to the document named before it. */
export interface TextBlock {
  readonly file: string
  readonly line: number
  readonly text: string
}

export interface Problem {
  readonly file: string
  readonly line: number
  readonly message: string
}

const SKIPPED_DIRS = new Set([
  'node_modules',
  'dist',
  'dist-subpath',
  'test-results',
  'playwright-report',
  'results',
])
const CODE = /\.(?:ts|tsx|mts|js|mjs|cjs)$/

/** Every file of the repository we write (no dependencies, builds, results or hidden folders). */
export function repositoryFiles(root: string): string[] {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.') || SKIPPED_DIRS.has(name)) continue
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else files.push(relative(root, path).split('\\').join('/'))
    }
  }
  walk(root)
  return files
}

/** The comments of a source file, consecutive `//` lines joined, each with the line it starts on. */
export function commentBlocks(file: string, text: string): TextBlock[] {
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind)
  const ranges = new Map<number, ts.CommentRange>()
  const add = (found: ts.CommentRange[] | undefined) => {
    for (const range of found ?? []) ranges.set(range.pos, range)
  }
  const visit = (node: ts.Node) => {
    add(ts.getLeadingCommentRanges(text, node.getFullStart()))
    add(ts.getTrailingCommentRanges(text, node.getEnd()))
    for (const child of node.getChildren(source)) visit(child)
  }
  visit(source)
  const blocks: TextBlock[] = []
  let previous: { range: ts.CommentRange; line: number } | undefined
  for (const range of [...ranges.values()].sort((a, b) => a.pos - b.pos)) {
    const line = source.getLineAndCharacterOfPosition(range.pos).line + 1
    const body = text.slice(range.pos, range.end)
    const last = blocks.at(-1)
    const startsLine = /^\s*$/.test(
      text.slice(text.lastIndexOf('\n', range.pos - 1) + 1, range.pos),
    )
    const joins =
      startsLine &&
      last !== undefined &&
      previous !== undefined &&
      range.kind === ts.SyntaxKind.SingleLineCommentTrivia &&
      previous.range.kind === ts.SyntaxKind.SingleLineCommentTrivia &&
      line === source.getLineAndCharacterOfPosition(previous.range.end).line + 2
    if (joins) blocks[blocks.length - 1] = { ...last, text: `${last.text}\n${body}` }
    else blocks.push({ file, line, text: body })
    previous = { range, line }
  }
  return blocks
}

/**
 * A Markdown (or MDX) file as blocks: each paragraph, list item, table row and heading. Quoted text
 * ("…": the SPEC_COVERAGE files quote test names as written) is a quotation, not a reference.
 */
export function markdownBlocks(file: string, text: string): TextBlock[] {
  const blocks: TextBlock[] = []
  let current: { line: number; lines: string[] } | undefined
  const flush = () => {
    if (current) blocks.push({ file, line: current.line, text: current.lines.join('\n') })
    current = undefined
  }
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/"[^"\n]*"/g, '""')
    const starts = /^\s*(?:[-*+] |\d+\. |\||#{1,6} |```)/.test(line)
    if (line.trim() === '') return flush()
    if (starts || !current) {
      flush()
      current = { line: index + 1, lines: [line] }
    } else current.lines.push(line)
    if (/^\s*(?:\||#{1,6} )/.test(line)) flush()
  })
  flush()
  return blocks
}

/** The section numbers a Markdown file's headings carry: `## 4. The dispatcher` gives `4`. */
export function headingNumbers(text: string): Set<string> {
  const numbers = new Set<string>()
  for (const match of text.matchAll(/^#{1,6}\s+§?\s?(\d+(?:\.\d+)*)\.?\s/gm)) numbers.add(match[1]!)
  return numbers
}

/** The numbers of the top-level numbered items under the heading numbered `section`. */
function numberedItems(text: string, section: string): Set<string> {
  const items = new Set<string>()
  let inside = false
  for (const line of text.split('\n')) {
    const heading = /^(#{1,6})\s+§?\s?(\d+(?:\.\d+)*)?/.exec(line)
    if (heading) inside = heading[2] === section
    const item = /^(\d+)\. /.exec(line)
    if (inside && item) items.add(item[1]!)
  }
  return items
}

/** Where a `*.md` reference written in `file` points, or undefined when it is no file of ours. */
export function resolveReference(
  root: string,
  file: string,
  reference: string,
): string | undefined {
  const fromFile = posix.normalize(posix.join(posix.dirname(file), reference))
  const candidates = reference.startsWith('.') ? [fromFile] : [posix.normalize(reference), fromFile]
  return candidates.find((path) => !path.startsWith('..') && existsSync(join(root, path)))
}

/** Every reference in `blocks` that does not resolve inside the repository, with what is wrong. */
export function referenceProblems(root: string, blocks: readonly TextBlock[]): Problem[] {
  const problems: Problem[] = []
  const texts = new Map<string, string>()
  const textOf = (path: string) => {
    let text = texts.get(path)
    if (text === undefined) texts.set(path, (text = readFileSync(join(root, path), 'utf8')))
    return text
  }
  // In a Markdown file, a § with no reference in its block belongs to the nearest reference before it in
  // the same section; in a file whose own headings are numbered (a design document), to the file itself.
  let section = { file: '', path: undefined as string | undefined }
  for (const block of blocks) {
    const text = block.text.replace(WEB_ADDRESS, '')
    if (section.file !== block.file || /^#{1,6} /.test(text))
      section = { file: block.file, path: undefined }
    const lineOf = (index: number) => block.line + (text.slice(0, index).match(/\n/g)?.length ?? 0)
    const report = (index: number, message: string) =>
      problems.push({ file: block.file, line: lineOf(index), message })
    const isMarkdown = /\.mdx?$/.test(block.file)

    // A nickname before a § is one problem, not one more for the § that names no file.
    const nicknamed = new Set<number>()
    for (const match of text.matchAll(NICKNAMES)) {
      nicknamed.add(match.index + match[0].length - 1)
      const name = match[1] === 'STYLE' ? 'style' : match[1] === 'spec' ? 'semantics' : match[1]
      report(match.index, `"${match[0]}": name the file, as in docs/design/${name}.md §N`)
    }
    for (const match of text.matchAll(BARE_NAMES)) {
      if (nicknamed.has(text.indexOf('§', match.index))) continue
      report(match.index, `"${match[1]}": write the file's path, docs/design/${match[1]}.md`)
    }
    // Each reference and what it resolved to, in order, so a § binds to the document named before it.
    const documents: { index: number; end: number; path: string | undefined }[] = []
    for (const match of text.matchAll(MD_REFERENCE)) {
      const reference = match[1]!
      const path = resolveReference(root, block.file, reference)
      documents.push({ index: match.index, end: match.index + match[0].length, path })
      if (path === undefined && !(reference in EXTERNAL_DOCUMENTS)) {
        report(match.index, `"${reference}" is not a file in this repository`)
      }
    }
    const ownSections = isMarkdown && headingNumbers(textOf(block.file)).size > 0
    for (const match of text.matchAll(SECTION)) {
      const before = documents.filter((d) => d.index < match.index).at(-1)
      const earlier = isMarkdown ? section.path : undefined
      const path = before ? before.path : ownSections ? block.file : earlier
      if (nicknamed.has(match.index)) continue
      if (!before && !ownSections && earlier === undefined) {
        report(
          match.index,
          `"${match[0]}" names no document: write docs/design/<file>.md ${match[0]}`,
        )
      } else if (path !== undefined && /\.mdx?$/.test(path)) {
        if (!headingNumbers(textOf(path)).has(match[1]!)) {
          report(match.index, `"${match[0]}": ${path} has no heading numbered ${match[1]}`)
        }
      }
    }
    const last = documents.at(-1)
    if (last?.path !== undefined) section = { file: block.file, path: last.path }
    // "docs/design/litecord-notes.md bug 13", "… example 9": the numbered items of its §4 and §6.
    for (const document of documents.filter((d) => d.path?.endsWith('litecord-notes.md'))) {
      const after = text.slice(document.end, document.end + 40)
      const match = /^`?,?\s*(?:§\d+,?\s*)?((?:bugs?|examples?|ex\.)\s+\d+)/.exec(after)
      if (!match) continue
      for (const item of match[1]!.matchAll(NUMBERED_ITEM)) {
        const part = item[0].startsWith('bug') ? '4' : '6'
        if (!numberedItems(textOf(document.path!), part).has(item[1]!)) {
          report(document.index, `"${item[0]}": ${document.path} §${part} has no item ${item[1]}`)
        }
      }
    }
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
}

/** The texts that cite documents: comments of source files, and Markdown and MDX files whole. */
export function citingBlocks(root: string, files: readonly string[]): TextBlock[] {
  return files.flatMap((file) => {
    if (CODE.test(file)) return commentBlocks(file, readFileSync(join(root, file), 'utf8'))
    if (/\.mdx?$/.test(file)) return markdownBlocks(file, readFileSync(join(root, file), 'utf8'))
    return []
  })
}

const TESTS = /\.(?:test|test-d)\.tsx?$/
/** A README that says its folder's tests sit next to their code need not list them. */
const TESTS_BESIDE = /\btests? (?:sit|sits|live|lives|are) (?:next to|beside)/i

/** The names a README's tables give in backticks (`a.ts`, `folder/`, `a.ts`, `b.ts` in one cell). */
export function tableNames(readme: string): Set<string> {
  const names = new Set<string>()
  for (const line of readme.split('\n')) {
    if (!line.trimStart().startsWith('|')) continue
    for (const match of line.matchAll(/`([^`]+)`/g)) {
      const name = match[1]!.replace(/\/$/, '')
      names.add(name)
      names.add(posix.basename(name))
    }
  }
  return names
}

/** Every file directly in a README's folder that its table does not name. Not the root's README. */
export function readmeProblems(root: string, files: readonly string[]): Problem[] {
  const problems: Problem[] = []
  for (const readme of files.filter((f) => posix.basename(f) === 'README.md' && f.includes('/'))) {
    const folder = posix.dirname(readme)
    const text = readFileSync(join(root, readme), 'utf8')
    const named = tableNames(text)
    const testsBeside = TESTS_BESIDE.test(text)
    for (const file of files.filter((f) => posix.dirname(f) === folder && f !== readme)) {
      const name = posix.basename(file)
      if (named.has(name) || (testsBeside && TESTS.test(name))) continue
      problems.push({
        file: readme,
        line: 1,
        message: `${readme} does not name ${file} in its file table (add a row: | \`${name}\` | what it is |)`,
      })
    }
  }
  return problems
}

/** The repository this module sits in. */
export function repositoryRoot(): string {
  return dirname(dirname(fileURLToPath(import.meta.url)))
}
