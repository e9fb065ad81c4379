import { useRef, type KeyboardEvent } from 'react'
import type { EditorProps } from './types.ts'

/**
 * The editor where Monaco is not (phones, touch screens, and while Monaco loads): a textarea with the
 * same props. Tab inserts two spaces; as in Monaco, Ctrl+M (⌃⇧M on a Mac) makes Tab move focus instead,
 * and so does Escape for the next Tab. Ctrl/Cmd+Enter runs.
 */
export default function FallbackEditor({
  value,
  onChange,
  readOnly = false,
  height,
  onRun,
  mark,
  label = 'Code',
  paint,
  visibleScrollbars = false,
  wrap = false,
}: EditorProps) {
  const painted = useRef<HTMLPreElement>(null)
  // Escape before Tab lets keyboard users leave the textarea instead of indenting; Ctrl+M, as in
  // Monaco, makes every Tab do so until pressed again.
  const escaped = useRef(false)
  const tabMoves = useRef(false)
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      onRun?.()
    } else if (e.key.toLowerCase() === 'm' && e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault()
      tabMoves.current = !tabMoves.current
    } else if (
      e.key === 'Tab' &&
      !e.shiftKey &&
      !readOnly &&
      !escaped.current &&
      !tabMoves.current
    ) {
      e.preventDefault()
      const el = e.currentTarget
      const { selectionStart: start, selectionEnd: end } = el
      onChange(`${value.slice(0, start)}  ${value.slice(end)}`)
      requestAnimationFrame(() => el.setSelectionRange(start + 2, start + 2))
    }
    escaped.current = e.key === 'Escape'
  }
  return (
    <div className="fallback-editor" style={height ? { height } : undefined}>
      {paint && (
        // The colours under the transparent text; a newline at the end keeps its last line's height.
        <pre ref={painted} className="fallback-editor__paint" aria-hidden="true">
          {paint(value)}
          {'\n'}
        </pre>
      )}
      <textarea
        className={`fallback-editor__text${paint ? ' fallback-editor__text--painted' : ''}${visibleScrollbars ? ' fallback-editor__text--scrolls' : ''}${wrap ? ' fallback-editor__text--wraps' : ''}`}
        onScroll={(e) => {
          if (!painted.current) return
          painted.current.scrollTop = e.currentTarget.scrollTop
          painted.current.scrollLeft = e.currentTarget.scrollLeft
        }}
        aria-label={label}
        value={value}
        readOnly={readOnly}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        onChange={(e) => onChange(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        aria-invalid={mark ? true : undefined}
      />
      {mark && (
        <p className="fallback-editor__mark" role="status">
          Line {mark.line}: {mark.message}
        </p>
      )}
    </div>
  )
}
