import { useEffect, useState } from 'react'
import { DocLink } from './DocLink.tsx'

interface Entry {
  readonly id: string
  readonly text: string
  readonly level: 2 | 3
}

/** The page's h2 sections (read from the rendered article), for wide screens. */
export function OnThisPage({ article, version }: { article: HTMLElement | null; version: string }) {
  const [entries, setEntries] = useState<Entry[]>([])
  useEffect(() => {
    if (!article) return
    const read = () =>
      setEntries(
        [...article.querySelectorAll<HTMLHeadingElement>('h2[id]')].map((h) => ({
          id: h.id,
          text: (h.textContent ?? '').replace(/#$/, '').trim(),
          level: 2,
        })),
      )
    read()
    // The MDX content arrives after the layout (a lazy chunk): read again when it lands.
    const observer = new MutationObserver(read)
    observer.observe(article, { childList: true, subtree: false })
    return () => observer.disconnect()
  }, [article, version])
  if (entries.length < 2) return null
  return (
    <nav className="on-this-page" aria-label="On this page">
      <h2 className="docs-sidebar__title">On this page</h2>
      <ul>
        {entries.map((e) => (
          <li key={e.id}>
            <DocLink href={`#${e.id}`}>{e.text}</DocLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}
