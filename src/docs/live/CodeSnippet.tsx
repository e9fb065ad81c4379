import { highlight } from '../highlight.ts'
import { CodeBlock } from '../layout/CodeBlock.tsx'

/** Code shown in the browser (an example's snippet), highlighted like the build highlights MDX code. */
export function CodeSnippet({ code, language = 'ts' }: { code: string; language?: string }) {
  return (
    <CodeBlock>
      <code className={`language-${language}`}>
        {highlight(code, language).map((t, i) =>
          t.kind === 'plain' ? (
            t.text
          ) : (
            <span key={i} className={`tok-${t.kind}`}>
              {t.text}
            </span>
          ),
        )}
      </code>
    </CodeBlock>
  )
}
