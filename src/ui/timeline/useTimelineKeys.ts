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

/** ← / → step, space plays or pauses; never while the user types or works a control. */
export function useTimelineKeys(): void {
  const { stepBack, stepForward, togglePlay } = useActions()
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return
      if (ownsKeys(event.target, event.key)) return
      if (event.key === 'ArrowLeft') stepBack()
      else if (event.key === 'ArrowRight') stepForward()
      else if (event.key === ' ') togglePlay()
      else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [stepBack, stepForward, togglePlay])
}
