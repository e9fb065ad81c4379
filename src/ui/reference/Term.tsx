import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { GLOSSARY, type GlossaryTerm } from '../../reference/reference.ts'
import './Term.css'

const GAP = 6
const TIP_WIDTH = 280
/** Time to move the pointer from the word onto its tip (WCAG 1.4.13: the tip can be hovered). */
const HIDE_DELAY_MS = 150

/**
 * A playground word with its one-sentence definition (reference.ts) on hover and on keyboard focus,
 * marked by a dotted underline. The tip is the word's accessible description; it floats in a fixed
 * portal, so panels that scroll never clip it; it stays while hovered, and Escape hides it.
 */
export function Term({ word, children }: { word: GlossaryTerm; children?: ReactNode }) {
  const id = useId()
  const anchor = useRef<HTMLSpanElement>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const [at, setAt] = useState<{ left: number; top: number } | null>(null)
  const keep = () => {
    if (timer.current !== null) clearTimeout(timer.current)
    timer.current = null
  }
  const show = () => {
    keep()
    const r = anchor.current?.getBoundingClientRect()
    if (!r) return
    setAt({
      left: Math.max(8, Math.min(r.left, window.innerWidth - TIP_WIDTH - 8)),
      top: r.bottom + GAP,
    })
  }
  const hide = () => {
    keep()
    setAt(null)
  }
  const hideSoon = () => {
    keep()
    timer.current = setTimeout(hide, HIDE_DELAY_MS)
  }
  useEffect(() => keep, [])
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && at) {
      e.stopPropagation()
      hide()
    }
  }
  return (
    <>
      <span
        ref={anchor}
        className="term"
        tabIndex={0}
        aria-describedby={id}
        onMouseEnter={show}
        onMouseLeave={hideSoon}
        onFocus={show}
        onBlur={hide}
        onKeyDown={onKeyDown}
      >
        {children ?? word}
      </span>
      {createPortal(
        <span
          id={id}
          className="term__tip"
          role="tooltip"
          hidden={at === null}
          style={at ? { left: at.left, top: at.top, maxWidth: TIP_WIDTH } : undefined}
          onMouseEnter={keep}
          onMouseLeave={hideSoon}
        >
          <strong>{word}</strong> {GLOSSARY[word]}
        </span>,
        document.body,
      )}
    </>
  )
}
