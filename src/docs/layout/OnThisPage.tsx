import { useEffect, useId, useRef, useState } from 'react'
import { DocLink } from './DocLink.tsx'

interface Entry {
  readonly id: string
  readonly text: string
  readonly level: 2 | 3
}

/** How far down the viewport a heading must reach for its section to count as the one being read. */
const READING_LINE = 0.3

/** The id of the section being read: the last heading above the reading line (or the first one). */
function sectionInView(ids: readonly string[]): string | null {
  let current = ids[0] ?? null
  const line = window.innerHeight * READING_LINE
  for (const id of ids) {
    const top = document.getElementById(id)?.getBoundingClientRect().top
    if (top !== undefined && top <= line) current = id
  }
  // At the very end of the page the last section is the one in view, however short it is.
  if (window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2) {
    current = ids.at(-1) ?? current
  }
  return current
}

/** A heading as the list names it: an API entry by its name (its `<code>`), a section by its words. */
function entryOf(h: HTMLHeadingElement): Entry {
  const name = h.tagName === 'H3' ? h.querySelector('code')?.textContent : null
  return {
    id: h.id,
    text: name ?? (h.textContent ?? '').replace(/#$/, '').trim(),
    level: h.tagName === 'H3' ? 3 : 2,
  }
}

/** Entries whose name contains `filter` (any case), with the sections they are in. */
function filtered(entries: readonly Entry[], filter: string): Entry[] {
  const f = filter.trim().toLowerCase()
  if (!f) return [...entries]
  return entries.filter((e, i) => {
    if (e.level === 3) return e.text.toLowerCase().includes(f)
    const next = entries.findIndex((x, j) => j > i && x.level === 2)
    const own = entries.slice(i + 1, next < 0 ? undefined : next)
    return own.some((x) => x.text.toLowerCase().includes(f))
  })
}

/**
 * The page's h2 sections (read from the rendered article), for wide screens; the one in view marked.
 * With `entries` (the API reference), every h3 too, under its section, and a field that filters them.
 */
export function OnThisPage({
  article,
  version,
  entries: withEntries = false,
}: {
  article: HTMLElement | null
  version: string
  entries?: boolean
}) {
  const [entries, setEntries] = useState<Entry[]>([])
  const [current, setCurrent] = useState<string | null>(null)
  const [filter, setFilter] = useState('')
  const filterId = useId()
  useEffect(() => {
    if (!article) return
    const selector = withEntries ? 'h2[id], h3[id]' : 'h2[id]'
    const read = () =>
      setEntries([...article.querySelectorAll<HTMLHeadingElement>(selector)].map(entryOf))
    read()
    // The MDX content arrives after the layout (a lazy chunk): read again when it lands.
    const observer = new MutationObserver(read)
    observer.observe(article, { childList: true, subtree: withEntries })
    return () => observer.disconnect()
  }, [article, version, withEntries])
  useEffect(() => {
    const ids = entries.map((e) => e.id)
    let frame = 0
    const update = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => setCurrent(sectionInView(ids)))
    }
    update()
    window.addEventListener('scroll', update, { passive: true })
    window.addEventListener('resize', update)
    return () => {
      cancelAnimationFrame(frame)
      window.removeEventListener('scroll', update)
      window.removeEventListener('resize', update)
    }
  }, [entries])
  // A long list (the API's entries) keeps the entry being read in view, scrolling only itself.
  const nav = useRef<HTMLElement>(null)
  useEffect(() => {
    const box = nav.current
    const link = box?.querySelector<HTMLElement>('[aria-current="location"]')
    if (!box || !link || box.scrollHeight <= box.clientHeight) return
    const top = link.offsetTop // the nav is sticky, so it is the offset parent
    if (top < box.scrollTop + 80 || top > box.scrollTop + box.clientHeight - 40) {
      box.scrollTop = top - box.clientHeight / 3
    }
  }, [current])
  if (entries.length < 2) return null
  const shown = withEntries ? filtered(entries, filter) : entries
  return (
    <nav className="on-this-page" aria-label="On this page" ref={nav}>
      <h2 className="docs-sidebar__title">On this page</h2>
      {withEntries && (
        <>
          <label htmlFor={filterId} className="visually-hidden">
            Filter the entries
          </label>
          <input
            id={filterId}
            className="on-this-page__filter"
            type="search"
            placeholder="Filter: dispatch, Intents…"
            value={filter}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setFilter(e.target.value)}
          />
        </>
      )}
      <ul>
        {shown.map((e) => (
          <li key={e.id} className={e.level === 3 ? 'on-this-page__entry' : undefined}>
            <DocLink
              href={`#${e.id}`}
              aria-current={e.id === current ? 'location' : undefined}
              className={e.level === 3 ? 'on-this-page__code' : undefined}
              title={e.level === 3 ? e.text : undefined}
            >
              {e.text}
            </DocLink>
          </li>
        ))}
      </ul>
      {withEntries && shown.length === 0 && <p className="on-this-page__none">No entry matches.</p>}
    </nav>
  )
}
