import { useEffect, useRef, type ReactNode } from 'react'
import type { ConsoleEntry } from '../../store/types.ts'

/**
 * The Console's lines, newest at the bottom and kept in view as they arrive: the playground's Console
 * and a docs example's draw the same log, each in its own frame.
 */
export function ConsoleLines({
  entries,
  className,
  label,
  focusable = false,
  empty,
}: {
  entries: readonly ConsoleEntry[]
  className: string
  /** The log's accessible name, when no surrounding region names it. */
  label?: string
  /** Reachable with Tab, so a keyboard can scroll a log whose frame caps its height. */
  focusable?: boolean
  /** Shown while there is no line. */
  empty?: ReactNode
}) {
  const list = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = list.current
    if (el) el.scrollTop = el.scrollHeight
  }, [entries])
  return (
    <div
      className={className}
      ref={list}
      role="log"
      aria-live="polite"
      aria-label={label}
      tabIndex={focusable ? 0 : undefined}
    >
      {entries.length === 0 && empty}
      {entries.map((entry, i) => (
        <p key={i} className={`console__line console__line--${entry.level}`}>
          {entry.text}
        </p>
      ))}
    </div>
  )
}
