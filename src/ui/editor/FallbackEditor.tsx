import { useRef, type KeyboardEvent } from 'react'
import type { EditorProps } from './types.ts'

/**
 * The editor where Monaco is not (phones, touch screens, and while Monaco loads): a textarea with the
 * same props. Tab inserts two spaces (Escape then Tab leaves, as in Monaco); Ctrl/Cmd+Enter runs.
 */
export default function FallbackEditor({
  value,
  onChange,
  readOnly = false,
  height,
  onRun,
  mark,
  label = 'Code',
}: EditorProps) {
  // Escape before Tab lets keyboard users leave the textarea instead of indenting.
  const escaped = useRef(false)
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      onRun?.()
    } else if (e.key === 'Tab' && !e.shiftKey && !readOnly && !escaped.current) {
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
      <textarea
        className="fallback-editor__text"
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
