import { useRef, useState, type HTMLAttributes } from 'react'

/** Copies `text` to the clipboard; false when the browser refuses (no permission, no secure context). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}

/** A `<pre>` from MDX with a Copy button; the code was highlighted at build time. */
export function CodeBlock(props: HTMLAttributes<HTMLPreElement>) {
  const pre = useRef<HTMLPreElement>(null)
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const copy = async () => {
    const ok = await copyText(pre.current?.textContent ?? '')
    setState(ok ? 'copied' : 'failed')
    setTimeout(() => setState('idle'), 1600)
  }
  return (
    <div className="code-block">
      <pre {...props} ref={pre} tabIndex={0} />
      <button type="button" className="code-block__copy" onClick={() => void copy()}>
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Select and copy' : 'Copy'}
      </button>
      <span className="visually-hidden" role="status">
        {state === 'copied' ? 'Code copied' : ''}
      </span>
    </div>
  )
}
