import { useEffect } from 'react'
import { useActions } from '../../store/hooks.ts'

/** True when a key press belongs to the element it happened in (typing, a control, a graph node). */
function ownsKeys(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (
    target.closest('input, textarea, select, [role="slider"], [role="tablist"], .react-flow__node')
  )
    return true
  // Space activates buttons, links and table rows by itself.
  return key === ' ' && target.closest('button, a, [role="button"], tr[tabindex]') !== null
}

/**
 * Ctrl+Z / ⌘Z undoes (steps back, or right after a change that discarded the future, puts it back),
 * Ctrl+Shift+Z / ⌘⇧Z / Ctrl+Y step forward: every change is a step, so undo is one.
 */
function undoKey(event: KeyboardEvent): 'back' | 'forward' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null
  const key = event.key.toLowerCase()
  if (key === 'z') return event.shiftKey ? 'forward' : 'back'
  if (key === 'y' && !event.shiftKey) return 'forward'
  return null
}

/**
 * ← / → step, space plays or pauses, and the usual undo / redo keys step back and forward; never while
 * the user types or works a control (where those keys undo typing).
 */
export function useTimelineKeys(): void {
  const { undo, stepBack, stepForward, togglePlay } = useActions()
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || ownsKeys(event.target, event.key)) return
      const key = undoKey(event)
      if (key === 'back') undo()
      else if (key === 'forward') stepForward()
      else if (event.altKey || event.ctrlKey || event.metaKey) return
      else if (event.key === 'ArrowLeft') stepBack()
      else if (event.key === 'ArrowRight') stepForward()
      else if (event.key === ' ') togglePlay()
      else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [undo, stepBack, stepForward, togglePlay])
}
