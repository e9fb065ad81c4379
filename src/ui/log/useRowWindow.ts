import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, type KeyboardEvent, type RefObject } from 'react'
import { DRAW_ALL_UP_TO } from '../format/VirtualList.tsx'

/** A guess at one row's height (px); each drawn row is then measured. */
const ROW_PX = 25
const OVERSCAN = 12

/**
 * The rows of a long table that are in view (all of them up to DRAW_ALL_UP_TO), with the space above and below them (drawn as two empty
 * rows, so the table keeps its columns and semantics). Keeps row `follow` in view whenever it or the
 * rows change (the shown row, or the newest; -1 for none), and moves focus row to row with the arrow
 * keys, drawing the next row first when it is out of view.
 */
export function useRowWindow(
  count: number,
  scroller: RefObject<HTMLDivElement | null>,
  follow: number,
) {
  // No React Compiler here: its warning about the virtualizer's unmemoizable functions does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_PX,
    overscan: count <= DRAW_ALL_UP_TO ? count : OVERSCAN,
    // The sticky header row sits over the first rows: scrolling to a row leaves room for it.
    scrollPaddingStart: ROW_PX,
    useFlushSync: false,
  })
  useEffect(() => {
    if (follow >= 0 && follow < count) {
      virtualizer.scrollToIndex(follow, { align: follow === count - 1 ? 'end' : 'auto' })
    }
  }, [follow, count, virtualizer])

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
      const row = (e.target as HTMLElement).closest<HTMLElement>('[data-index]')
      if (!row) return
      const next = Number(row.dataset.index) + (e.key === 'ArrowDown' ? 1 : -1)
      if (next < 0 || next >= count) return
      e.preventDefault()
      virtualizer.scrollToIndex(next)
      focusWhenDrawn(scroller.current, next)
    },
    [count, virtualizer, scroller],
  )

  const rows = virtualizer.getVirtualItems()
  const before = rows[0]?.start ?? 0
  const after = virtualizer.getTotalSize() - (rows.at(-1)?.end ?? 0)
  return { rows, before, after, measure: virtualizer.measureElement, onKeyDown }
}

/** Focuses the row once it is drawn (the virtualizer draws it within a frame or two of scrolling). */
function focusWhenDrawn(scroller: HTMLElement | null, index: number, tries = 6): void {
  const row = scroller?.querySelector<HTMLElement>(`[data-index="${index}"]`)
  if (row) row.focus()
  else if (tries > 0) requestAnimationFrame(() => focusWhenDrawn(scroller, index, tries - 1))
}
