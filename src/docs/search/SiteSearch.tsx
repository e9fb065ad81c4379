import { lazy, Suspense, useEffect, useState } from 'react'
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
  useEffect(() => {
    const show = () => {
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
        open && (
          <TypingAhead
            value={typedAhead}
            onChange={setTypedAhead}
            onEscape={() => setOpen(false)}
          />
        )
      }
    >
      <SearchDialog open={open} onClose={() => setOpen(false)} initialQuery={typedAhead} />
    </Suspense>
  )
}

/**
 * While the dialog's chunk loads (a moment, on the first search only), a field out of sight takes the
 * keys typed after `/`, so none is lost; the dialog opens with them.
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
  return (
    <input
      className="visually-hidden"
      type="search"
      aria-label="Search the site (loading)"
      autoFocus
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onEscape()
      }}
    />
  )
}
