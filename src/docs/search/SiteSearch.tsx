import { lazy, Suspense, useEffect, useState } from 'react'
import { OPEN_SEARCH_EVENT } from '../../ui/site/search.ts'

// The dialog, MiniSearch and the index load on the first search, never on a page's first load.
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
    <Suspense fallback={null}>
      <SearchDialog open={open} onClose={() => setOpen(false)} />
    </Suspense>
  )
}
