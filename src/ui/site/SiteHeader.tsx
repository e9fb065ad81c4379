import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { Link } from './Link.tsx'
import { openSearch } from './search.ts'
import { ThemeToggle } from './ThemeToggle.tsx'

/**
 * The bar on every page: the name, the destinations, the theme, and room for page controls. It keeps
 * one row at any width: on phones the destinations fold into a Menu button.
 */
export function SiteHeader({
  current,
  children,
}: {
  current: 'home' | 'docs' | 'play' | 'performance' | 'bench'
  children?: ReactNode
}) {
  const [open, setOpen] = useState(false)
  const navId = useId()
  const header = useRef<HTMLElement>(null)
  useEffect(() => {
    if (!open) return
    // The menu closes on a choice, on Escape, and on a click or focus anywhere else.
    const away = (e: Event) => {
      if (!header.current?.contains(e.target as Node)) setOpen(false)
    }
    const escape = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false)
    }
    document.addEventListener('pointerdown', away)
    document.addEventListener('focusin', away)
    document.addEventListener('keydown', escape)
    return () => {
      document.removeEventListener('pointerdown', away)
      document.removeEventListener('focusin', away)
      document.removeEventListener('keydown', escape)
    }
  }, [open])
  const here = (page: typeof current) => (current === page ? 'page' : undefined)
  return (
    <header className="site-header" ref={header}>
      <Link to="/" className="brand" aria-current={here('home')}>
        <span className="brand__mark" aria-hidden="true">
          ⟡
        </span>
        Fanout
      </Link>
      <button
        type="button"
        className="icon-button site-menu-button"
        aria-expanded={open}
        aria-controls={navId}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">☰</span> Menu
      </button>
      <nav
        aria-label="Site"
        className={`site-nav${open ? ' is-open' : ''}`}
        id={navId}
        onClick={() => setOpen(false)}
      >
        <Link to="/docs" aria-current={here('docs')}>
          Docs
        </Link>
        <Link to="/play" aria-current={here('play')}>
          Playground
        </Link>
        <Link to="/performance" aria-current={here('performance')}>
          Performance
        </Link>
        <Link to="/bench" aria-current={here('bench')}>
          Bench
        </Link>
      </nav>
      <div className="site-header__slot">{children}</div>
      <button
        type="button"
        className="icon-button site-search-button"
        onClick={openSearch}
        aria-label="Search"
        aria-keyshortcuts="/"
        title="Search the site (/)"
      >
        <span aria-hidden="true">⌕</span>
        <span className="site-search-button__label" aria-hidden="true">
          Search <kbd>/</kbd>
        </span>
      </button>
      <ThemeToggle />
    </header>
  )
}
