import { isValidElement, useRef, useState, type HTMLAttributes, type ReactNode } from 'react'

/** Copies `text` to the clipboard; false when the browser refuses (no permission, no secure context). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}

const LANGUAGES: Record<string, string> = {
  ts: 'TypeScript',
  typescript: 'TypeScript',
  js: 'JavaScript',
  json: 'JSON',
  bash: 'shell',
  sh: 'shell',
}

/** The language a fenced block names (`<code class="language-ts">`), as a reader says it. */
function languageOf(children: ReactNode): string {
  if (!isValidElement<{ className?: string }>(children)) return ''
  const lang = /language-(\S+)/.exec(children.props.className ?? '')?.[1] ?? ''
  return LANGUAGES[lang] ?? lang
}

/**
 * A `<pre>` from MDX with a Copy button in a bar above the code, so it never covers a line; the code
 * was highlighted at build time. `copy={false}` leaves the bar out (a placeholder that an editor
 * replaces, which must keep the editor's height).
 */
export function CodeBlock({
  copy = true,
  ...props
}: HTMLAttributes<HTMLPreElement> & { copy?: boolean }) {
  const pre = useRef<HTMLPreElement>(null)
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const onCopy = async () => {
    const ok = await copyText(pre.current?.textContent ?? '')
    setState(ok ? 'copied' : 'failed')
    setTimeout(() => setState('idle'), 1600)
  }
  return (
    <div className={`code-block${copy ? '' : ' code-block--bare'}`}>
      {copy && (
        <div className="code-block__bar">
          <span className="code-block__lang">{languageOf(props.children)}</span>
          <button type="button" className="code-block__copy" onClick={() => void onCopy()}>
            {state === 'copied' ? 'Copied' : state === 'failed' ? 'Select and copy' : 'Copy'}
          </button>
        </div>
      )}
      <pre {...props} ref={pre} tabIndex={0} />
      <span className="visually-hidden" role="status">
        {state === 'copied' ? 'Code copied' : ''}
      </span>
    </div>
  )
}
