import { lazy, Suspense, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { OPEN_SEARCH_EVENT } from '../../ui/site/search.ts'

// The dialog, MiniSearch and the index (about 40 kB gzip) load on the first search, never on a page's
// first load.
const SearchDialog = lazy(() => import('./SearchDialog.tsx'))

/** Typing in a field, or a key with a modifier: `/` is not a request to search then. */
function isTyping(event: KeyboardEvent): boolean {
  const el = event.target as HTMLElement | null
  return (
    event.ctrlKey ||
    event.metaKey ||
    event.altKey ||
    !!el?.closest('input, textarea, select, [contenteditable="true"], [role="textbox"]')
  )
}

/** Listens for `/` and the header's Search button on every page, and shows the search dialog. */
export function SiteSearch() {
  const [open, setOpen] = useState(false)
  const [wanted, setWanted] = useState(false)
  // What the reader types after `/` while the dialog is still loading: its field starts with it.
  const [typedAhead, setTypedAhead] = useState('')
  // Opening and closing search leaves the page where it was: the scroll position at opening comes
  // back when the dialog closes without opening a result.
  const scrolledTo = useRef<{ x: number; y: number } | null>(null)
  const close = (opened = false) => {
    const at = scrolledTo.current
    scrolledTo.current = null
    setOpen(false)
    if (!opened && at) requestAnimationFrame(() => window.scrollTo(at.x, at.y))
  }
  useEffect(() => {
    const show = () => {
      scrolledTo.current ??= { x: window.scrollX, y: window.scrollY }
      setWanted(true)
      setOpen(true)
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.defaultPrevented || isTyping(event)) return
      event.preventDefault()
      show()
    }
    window.addEventListener('keydown', onKey)
    window.addEventListener(OPEN_SEARCH_EVENT, show)
    return () => {
      window.removeEventListener('keydown', onKey)
      window.removeEventListener(OPEN_SEARCH_EVENT, show)
    }
  }, [])
  if (!wanted) return null
  return (
    <Suspense
      fallback={
        open && <TypingAhead value={typedAhead} onChange={setTypedAhead} onEscape={() => close()} />
      }
    >
      <SearchDialog open={open} onClose={close} initialQuery={typedAhead} />
    </Suspense>
  )
}

/**
 * While the dialog's chunk loads (a moment, on the first search only), a field out of sight takes the
 * keys typed after `/`, so none is lost; the dialog opens with them. It is fixed to the viewport and
 * focused without scrolling: focusing a field at the end of the page would scroll the page there.
 */
function TypingAhead({
  value,
  onChange,
  onEscape,
}: {
  value: string
  onChange: (value: string) => void
  onEscape: () => void
}) {
  const field = useRef<HTMLInputElement>(null)
  useLayoutEffect(() => field.current?.focus({ preventScroll: true }), [])
  return (
    <input
      ref={field}
      className="visually-hidden"
      // Inline: this field shows before the dialog's stylesheet has loaded.
      style={{ position: 'fixed', top: 0, left: 0 }}
      type="search"
      aria-label="Search the site (loading)"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onEscape()
      }}
    />
  )
}
