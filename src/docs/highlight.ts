/**
 * A small highlighter for the code on the docs pages (TypeScript, JavaScript, JSON, shell): comments,
 * strings, numbers, keywords and the engine's upper-case event names. It runs at build time on MDX code
 * blocks and in the browser on example snippets, so it must stay tiny and pure; a grammar engine would
 * cost more than the whole page.
 */
export type TokenKind =
  'comment' | 'string' | 'key' | 'number' | 'keyword' | 'literal' | 'event' | 'plain'

export interface Token {
  readonly kind: TokenKind
  readonly text: string
}

const KEYWORDS = new Set(
  (
    'as async await break case catch class const continue default do else export extends for from ' +
    'function if import in instanceof interface let new of return switch throw try type typeof var ' +
    'void while yield readonly'
  ).split(' '),
)
const LITERALS = new Set(['true', 'false', 'null', 'undefined', 'this'])

// One alternation, tried left to right at each position: comments, strings, numbers, words, the rest.
const SCRIPT =
  /(\/\/[^\n]*|\/\*[\s\S]*?\*\/)|('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`)|(\b\d[\d_]*n?\b|\b0x[\da-f_]+\b)|([A-Za-z_$][\w$]*)/gi
const SHELL = /(#[^\n]*)|('(?:[^'\n])*'|"(?:[^"\\\n]|\\.)*")|(\b\d+\b)|([A-Za-z_][\w-]*)/g

/** Splits `code` into tokens whose texts concatenate back to `code` exactly. */
export function highlight(code: string, language: string): Token[] {
  const lang = language.toLowerCase()
  if (
    !['ts', 'tsx', 'js', 'javascript', 'typescript', 'json', 'sh', 'bash', 'shell'].includes(lang)
  )
    return [{ kind: 'plain', text: code }]
  const shell = lang === 'sh' || lang === 'bash' || lang === 'shell'
  const pattern = new RegExp(shell ? SHELL : SCRIPT)
  const tokens: Token[] = []
  let last = 0
  const push = (kind: TokenKind, text: string) => {
    if (!text) return
    const prev = tokens.at(-1)
    if (prev && prev.kind === kind) tokens[tokens.length - 1] = { kind, text: prev.text + text }
    else tokens.push({ kind, text })
  }
  for (const m of code.matchAll(pattern)) {
    const index = m.index
    push('plain', code.slice(last, index))
    const [text, comment, string, number, word] = m
    if (comment) push('comment', text)
    else if (string)
      push(
        lang === 'json' && /^\s*:/.test(code.slice(index + text.length)) ? 'key' : 'string',
        text,
      )
    else if (number) push('number', text)
    else if (word) push(wordKind(word, shell), text)
    last = index + text.length
  }
  push('plain', code.slice(last))
  return tokens
}

function wordKind(word: string, shell: boolean): TokenKind {
  if (shell) return ['npm', 'npx', 'git', 'cd', 'export'].includes(word) ? 'keyword' : 'plain'
  if (KEYWORDS.has(word)) return 'keyword'
  if (LITERALS.has(word)) return 'literal'
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(word)) return 'event'
  return 'plain'
}
