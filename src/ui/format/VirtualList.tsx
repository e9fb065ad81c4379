import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef, type ReactNode } from 'react'
import './VirtualList.css'

/** Up to this many items every one is drawn (find-in-page works); above it, only those in view. */
export const DRAW_ALL_UP_TO = 100
/** Items drawn beyond each edge of the view when the list is long. */
const OVERSCAN = 8

interface Props<T> {
  readonly items: readonly T[]
  /** The list's accessible name (its scroll area says "scrollable" after it). */
  readonly label: string
  readonly ordered?: boolean
  /** A first guess at an item's height in px; each drawn item is then measured. */
  readonly estimateSize: number
  readonly getKey: (item: T, index: number) => string | number
  /** What goes inside the item's `li` (style it there: the `li` is only placed). */
  readonly renderItem: (item: T, index: number) => ReactNode
  /** Space below each item, in px (items are placed absolutely: a CSS gap does not apply). */
  readonly gap?: number
  /** Classes of the scroll area (its height limit) and of the list inside it. */
  readonly className?: string
  readonly listClassName?: string
}

/**
 * A list that draws only the items in view, so 100,000 rows cost what 30 do. Items keep their list
 * semantics (`li` in a named `ul`/`ol`, with `aria-setsize` and `aria-posinset`, so a screen reader
 * says "12 of 100,000"); the scroll area takes focus, so arrow keys and Page Up/Down scroll it, and Tab
 * walks the buttons of the drawn items.
 */
export function VirtualList<T>({
  items,
  label,
  ordered = false,
  estimateSize,
  getKey,
  renderItem,
  gap = 0,
  className = '',
  listClassName = '',
}: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null)
  const count = items.length
  // No React Compiler here: its warning about the virtualizer's unmemoizable functions does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimateSize + gap,
    overscan: count <= DRAW_ALL_UP_TO ? count : OVERSCAN,
    getItemKey: (index) => getKey(items[index] as T, index),
    // React 19 warns about flushSync inside its lifecycle; a frame's delay in re-drawing is invisible.
    useFlushSync: false,
  })
  const List = ordered ? 'ol' : 'ul'
  return (
    <div
      ref={scroller}
      className={`virtual-list ${className}`}
      role="group"
      aria-label={`${label} (scrollable)`}
      tabIndex={0}
    >
      <List
        aria-label={label}
        className={`virtual-list__items ${listClassName}`}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index] as T
          return (
            <li
              key={row.key}
              ref={virtualizer.measureElement}
              data-index={row.index}
              aria-setsize={count}
              aria-posinset={row.index + 1}
              className="virtual-list__item"
              style={{ transform: `translateY(${row.start}px)`, paddingBottom: gap }}
            >
              {renderItem(item, row.index)}
            </li>
          )
        })}
      </List>
    </div>
  )
}
