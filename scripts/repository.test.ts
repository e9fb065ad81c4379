import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  citingBlocks,
  commentBlocks,
  markdownBlocks,
  readmeProblems,
  referenceProblems,
  repositoryFiles,
  repositoryRoot,
  type Problem,
} from './repository.ts'

const show = (problems: readonly Problem[]) =>
  problems.map((p) => `${p.file}:${p.line}: ${p.message}`)

describe('the repository explains itself', () => {
  const root = repositoryRoot()
  const files = repositoryFiles(root)

  it('resolves every reference to a document in a comment, a README or a docs page', () => {
    expect(show(referenceProblems(root, citingBlocks(root, files)))).toEqual([])
  }, 60_000)

  it('names each file of a folder in its README’s table', () => {
    expect(show(readmeProblems(root, files))).toEqual([])
  })
})

/** A throwaway repository: path → content. */
function fixture(tree: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'fanout-repository-'))
  for (const [path, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  made.push(root)
  return root
}
const made: string[] = []
afterAll(() => made.forEach((root) => rmSync(root, { recursive: true, force: true })))

const DESIGN = {
  'docs/design/semantics.md': '# Rules\n\n## 1. Terms\n\n## 4. The dispatcher\n\n### 4.2 Helpers\n',
  'docs/design/litecord-notes.md':
    '# Notes\n\n## 4. Bugs\n\n1. **One.**\n2. **Two.**\n\n## 6. Examples\n\n1. **A.**\n',
}

function problemsIn(tree: Record<string, string>): string[] {
  const root = fixture({ ...DESIGN, ...tree })
  return show(referenceProblems(root, citingBlocks(root, repositoryFiles(root))))
}

describe('reference checks', () => {
  it('accepts a path with a section its file has, and refuses one it lacks', () => {
    expect(
      problemsIn({ 'src/a.ts': '// docs/design/semantics.md §4 and §4.2, then §1\nexport {}\n' }),
    ).toEqual([])
    expect(
      problemsIn({ 'src/a.ts': '/** See docs/design/semantics.md §7. */\nexport {}\n' }),
    ).toEqual(['src/a.ts:1: "§7": docs/design/semantics.md has no heading numbered 7'])
  })

  it('refuses documents outside the repository and nicknames of ours, once each', () => {
    expect(
      problemsIn({
        'src/a.ts': [
          '// The contract is shared/spec/semantics.md.',
          'export const a = 1 // as semantics §4 says',
          '/** STYLE §12, and a bare §4. */',
          '// litecord-notes example 1',
          'export {}',
        ].join('\n'),
      }),
    ).toEqual([
      'src/a.ts:1: "shared/spec/semantics.md" is not a file in this repository',
      'src/a.ts:2: "semantics §": name the file, as in docs/design/semantics.md §N',
      'src/a.ts:3: "STYLE §": name the file, as in docs/design/style.md §N',
      'src/a.ts:3: "§4" names no document: write docs/design/<file>.md §4',
      'src/a.ts:4: "litecord-notes": write the file\'s path, docs/design/litecord-notes.md',
    ])
  })

  it('reads comments only, not strings or test names', () => {
    expect(
      problemsIn({
        'src/a.test.ts':
          "it('follows semantics §4 and http://x//y', () => {})\nexport const s = 'anchors.md'\n",
      }),
    ).toEqual([])
  })

  it('checks the numbered bugs and examples of litecord-notes.md', () => {
    expect(
      problemsIn({
        'src/a.ts':
          '// docs/design/litecord-notes.md bug 2; docs/design/litecord-notes.md example 1\n' +
          '// docs/design/litecord-notes.md bug 3\nexport {}\n',
      }),
    ).toEqual(['src/a.ts:2: "bug 3": docs/design/litecord-notes.md §4 has no item 3'])
  })

  it('binds a § in a README to the document named before it in the same section', () => {
    const readme = [
      '# src/x',
      '',
      'Decisions where `docs/design/semantics.md` left room:',
      '',
      '- one (§4)',
      '- two (§9)',
      '',
      '## Other',
      '',
      '- three (§1)',
    ].join('\n')
    expect(problemsIn({ 'src/x/README.md': readme })).toEqual([
      'src/x/README.md:6: "§9": docs/design/semantics.md has no heading numbered 9',
      'src/x/README.md:10: "§1" names no document: write docs/design/<file>.md §1',
    ])
  })

  it('lets a design document cite its own sections, and named external documents', () => {
    expect(
      problemsIn({
        'docs/design/litecord-notes.md':
          '# N\n\n## 4. Bugs\n\n1. See §6 and `docs/pubsub.md`.\n\n## 6. E\n',
      }),
    ).toEqual([])
  })

  it('skips quoted test names in Markdown', () => {
    expect(
      problemsIn({ 'src/COVERAGE.md': '| §4 rule | DF "a test (gateway-facts §4)" |\n' }),
    ).toEqual(['src/COVERAGE.md:1: "§4" names no document: write docs/design/<file>.md §4'])
  })

  it('joins consecutive line comments into one block and splits Markdown into blocks', () => {
    const code = commentBlocks('a.ts', '// one\n// two\nconst x = 1\n\n// three\nexport { x }\n')
    expect(code.map((b) => [b.line, b.text])).toEqual([
      [1, '// one\n// two'],
      [5, '// three'],
    ])
    const md = markdownBlocks('a.md', '# T\n\nA\nB\n\n- c\n  d\n- e\n| f |\n| g |\n')
    expect(md.map((b) => b.line)).toEqual([1, 3, 6, 8, 9, 10])
  })
})

describe('README table checks', () => {
  const folder = (readme: string) =>
    fixture({
      'src/x/README.md': readme,
      'src/x/a.ts': '',
      'src/x/b.ts': '',
      'src/x/a.test.ts': '',
      'src/x/sub/c.ts': '',
    })
  const problems = (readme: string) => {
    const root = folder(readme)
    return readmeProblems(root, repositoryFiles(root)).map((p) => p.message)
  }

  it('names the file its README misses, and the README', () => {
    expect(problems('| file | what |\n| --- | --- |\n| `a.ts` | A |\n| `sub/` | C |\n')).toEqual([
      'src/x/README.md does not name src/x/a.test.ts in its file table (add a row: | `a.test.ts` | what it is |)',
      'src/x/README.md does not name src/x/b.ts in its file table (add a row: | `b.ts` | what it is |)',
    ])
  })

  it('counts only names in a table, and lets tests go when the README says where they sit', () => {
    expect(
      problems('`a.ts` and `b.ts` in prose.\n\nTests sit next to the code they test.\n'),
    ).toEqual([
      'src/x/README.md does not name src/x/a.ts in its file table (add a row: | `a.ts` | what it is |)',
      'src/x/README.md does not name src/x/b.ts in its file table (add a row: | `b.ts` | what it is |)',
    ])
    expect(problems('| `a.ts`, `b.ts` | both |\n\nTests sit beside their code.\n')).toEqual([])
  })
})
