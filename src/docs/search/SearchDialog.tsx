import { useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { hrefOf } from '../../ui/site/paths.ts'
import { isModifiedClick, navigate } from '../../ui/site/router.ts'
import { search, type Hit } from './loadIndex.ts'
import './search.css'

/**
 * The search dialog: a modal `<dialog>` (focus stays inside, Escape closes), a field, and the best
 * matches as a list box under it (the combobox pattern): the first is selected, ↓ and ↑ move the
 * selection, Enter opens it, a click opens any. Each result shows an excerpt with the query's words
 * marked.
 */
export default function SearchDialog({
  open,
  onClose,
  initialQuery = '',
}: {
  open: boolean
  onClose: (opened?: boolean) => void
  /** Typed while the dialog was loading: kept, with the caret after it rather than selected. */
  initialQuery?: string
}) {
  const dialog = useRef<HTMLDialogElement>(null)
  const input = useRef<HTMLInputElement>(null)
  const [query, setQuery] = useState(initialQuery)
  const [selected, setSelected] = useState(0)
  const typedFirst = useRef(initialQuery !== '')
  const hits = search(query)
  const id = useId()
  const listId = `${id}-results`
  const optionId = (i: number) => `${id}-hit-${i}`
  const active = Math.min(selected, hits.length - 1)
  // A layout effect: the field takes focus in the same commit that replaces the typing-ahead field.
  useLayoutEffect(() => {
    const el = dialog.current
    if (!el) return
    if (open && !el.open) {
      el.showModal()
      const field = input.current
      if (!field) return
      field.focus({ preventScroll: true })
      if (typedFirst.current) {
        typedFirst.current = false
        field.setSelectionRange(field.value.length, field.value.length)
      } else field.select()
    } else if (!open && el.open) el.close()
  }, [open])
  // Keep the selected result in view inside the list (never scrolling the page behind the dialog).
  const list = useRef<HTMLUListElement>(null)
  useLayoutEffect(() => {
    const box = list.current
    const option = box?.children[active] as HTMLElement | undefined
    if (!box || !option) return
    if (option.offsetTop < box.scrollTop) box.scrollTop = option.offsetTop
    const bottom = option.offsetTop + option.offsetHeight
    if (bottom > box.scrollTop + box.clientHeight) box.scrollTop = bottom - box.clientHeight
  }, [active, hits.length])

  const go = (hit: Hit | undefined) => {
    if (!hit) return
    onClose(true)
    navigate(hit.path)
  }
  const onKeyDown = (event: KeyboardEvent) => {
    // One Escape closes, even in a search field that has text (Chromium would first clear it).
    if (event.key === 'Escape') {
      event.preventDefault()
      onClose()
      return
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    event.preventDefault()
    const step = event.key === 'ArrowDown' ? 1 : -1
    setSelected(Math.max(0, Math.min(hits.length - 1, active + step)))
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    go(hits[active])
  }
  return (
    <dialog
      ref={dialog}
      className="search-dialog"
      aria-label="Search the site"
      onClose={() => onClose()}
      onKeyDown={onKeyDown}
      onClick={(e) => {
        if (e.target === dialog.current) onClose() // a click on the backdrop
      }}
    >
      <form onSubmit={onSubmit} role="search">
        <label htmlFor={`${id}-field`} className="visually-hidden">
          Search the site
        </label>
        <input
          id={`${id}-field`}
          ref={input}
          type="search"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={hits.length > 0 ? optionId(active) : undefined}
          value={query}
          placeholder="Search the docs: lazy_guild, resume, 4007…"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setQuery(e.target.value)
            setSelected(0)
          }}
        />
      </form>
      {query.trim() !== '' && (
        <p className="search-dialog__count" role="status">
          {hits.length === 0
            ? 'No page matches.'
            : `${hits.length} best match${hits.length === 1 ? '' : 'es'}`}
        </p>
      )}
      <ul
        ref={list}
        id={listId}
        role="listbox"
        className="search-dialog__hits"
        aria-label="Results"
      >
        {hits.map((hit, i) => (
          <li
            key={hit.path}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            data-path={hit.path}
            className="search-dialog__hit"
            onMouseMove={() => setSelected(i)}
            onClick={(e) => {
              // A click with a modifier opens the result in a new tab, as a link's would.
              if (isModifiedClick(e)) window.open(hrefOf(hit.path), '_blank', 'noopener')
              else go(hit)
            }}
          >
            <span className="search-dialog__title">
              <span className="search-dialog__page">{hit.page}</span>
              {hit.section && <span className="search-dialog__section">{hit.section}</span>}
            </span>
            <span className="search-dialog__excerpt">
              {hit.excerpt.map((p, j) => (p.hit ? <mark key={j}>{p.text}</mark> : p.text))}
            </span>
          </li>
        ))}
      </ul>
      <p className="search-dialog__keys">
        <kbd>↑</kbd> <kbd>↓</kbd> to choose, <kbd>Enter</kbd> to open, <kbd>Esc</kbd> to close
      </p>
    </dialog>
  )
}
