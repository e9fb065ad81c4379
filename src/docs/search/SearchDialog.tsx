import { useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { hrefOf } from '../../ui/site/paths.ts'
import { isModifiedClick, navigate } from '../../ui/site/router.ts'
import { search, type Hit } from './loadIndex.ts'
import './search.css'

/**
 * The search dialog: a modal `<dialog>` (focus stays inside, Escape closes), a field, and the best
 * matches as links; ↓ and ↑ move through them, Enter opens one.
 */
export default function SearchDialog({
  open,
  onClose,
  initialQuery = '',
}: {
  open: boolean
  onClose: () => void
  /** Typed while the dialog was loading: kept, with the caret after it rather than selected. */
  initialQuery?: string
}) {
  const dialog = useRef<HTMLDialogElement>(null)
  const input = useRef<HTMLInputElement>(null)
  const list = useRef<HTMLUListElement>(null)
  const [query, setQuery] = useState(initialQuery)
  const typedFirst = useRef(initialQuery !== '')
  const hits = search(query)
  const inputId = useId()
  // A layout effect: the field takes focus in the same commit that replaces the typing-ahead field.
  useLayoutEffect(() => {
    const el = dialog.current
    if (!el) return
    if (open && !el.open) {
      el.showModal()
      const field = input.current
      if (!field) return
      if (typedFirst.current) {
        typedFirst.current = false
        field.setSelectionRange(field.value.length, field.value.length)
      } else field.select()
    } else if (!open && el.open) el.close()
  }, [open])

  const go = (hit: Hit) => {
    onClose()
    navigate(hit.path)
  }
  const links = () => [...(list.current?.querySelectorAll('a') ?? [])]
  const onKeyDown = (event: KeyboardEvent) => {
    // One Escape closes, even in a search field that has text (Chromium would first clear it).
    if (event.key === 'Escape') {
      event.preventDefault()
      onClose()
      return
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    event.preventDefault()
    const all = links()
    const at = all.indexOf(document.activeElement as HTMLAnchorElement)
    const next = event.key === 'ArrowDown' ? at + 1 : at - 1
    if (next < 0) input.current?.focus()
    else all[Math.min(next, all.length - 1)]?.focus()
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const first = hits[0]
    if (first) go(first)
  }
  return (
    <dialog
      ref={dialog}
      className="search-dialog"
      aria-label="Search the site"
      onClose={onClose}
      onKeyDown={onKeyDown}
      onClick={(e) => {
        if (e.target === dialog.current) onClose() // a click on the backdrop
      }}
    >
      <form onSubmit={onSubmit} role="search">
        <label htmlFor={inputId} className="visually-hidden">
          Search the site
        </label>
        <input
          id={inputId}
          ref={input}
          type="search"
          value={query}
          placeholder="Search the docs: lazy_guild, resume, intents…"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setQuery(e.target.value)}
        />
      </form>
      {query.trim() !== '' && (
        <p className="search-dialog__count" role="status">
          {hits.length === 0 ? 'No page matches.' : `${hits.length} best matches`}
        </p>
      )}
      <ul ref={list} className="search-dialog__hits" aria-label="Results">
        {hits.map((hit) => (
          <li key={hit.path}>
            <a
              href={hrefOf(hit.path)}
              onClick={(e) => {
                if (isModifiedClick(e)) return
                e.preventDefault()
                go(hit)
              }}
            >
              <span className="search-dialog__page">{hit.page}</span>
              {hit.section && <span className="search-dialog__section">{hit.section}</span>}
            </a>
          </li>
        ))}
      </ul>
      <p className="search-dialog__keys">
        <kbd>↑</kbd> <kbd>↓</kbd> to move, <kbd>Enter</kbd> to open, <kbd>Esc</kbd> to close
      </p>
    </dialog>
  )
}
