import { highlight } from '../highlight.ts'
import { CodeBlock } from '../layout/CodeBlock.tsx'

/** Code as highlighted spans, the build's classes (`tok-…`): for a snippet, and under an editor. */
export function highlighted(code: string, language = 'ts') {
  return highlight(code, language).map((t, i) =>
    t.kind === 'plain' ? (
      t.text
    ) : (
      <span key={i} className={`tok-${t.kind}`}>
        {t.text}
      </span>
    ),
  )
}

/** Code shown in the browser (an example's snippet), highlighted like the build highlights MDX code. */
export function CodeSnippet({
  code,
  language = 'ts',
  copy = true,
}: {
  code: string
  language?: string
  /** False: no bar with Copy (a placeholder that must keep an editor's height). */
  copy?: boolean
}) {
  return (
    <CodeBlock copy={copy}>
      <code className={`language-${language}`}>{highlighted(code, language)}</code>
    </CodeBlock>
  )
}
