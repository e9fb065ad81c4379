import type { ReactNode } from 'react'
import { Link } from './Link.tsx'
import { openSearch } from './search.ts'
import { ThemeToggle } from './ThemeToggle.tsx'

/** The bar on every page: the name, the destinations, the theme, and room for page controls. */
export function SiteHeader({
  current,
  children,
}: {
  current: 'home' | 'docs' | 'play' | 'performance' | 'bench'
  children?: ReactNode
}) {
  return (
    <header className="site-header">
      <Link to="/" className="brand" aria-current={current === 'home' ? 'page' : undefined}>
        <span className="brand__mark" aria-hidden="true">
          ⟡
        </span>
        Fanout
      </Link>
      <nav aria-label="Site" className="site-nav">
        <Link to="/docs" aria-current={current === 'docs' ? 'page' : undefined}>
          Docs
        </Link>
        <Link to="/play" aria-current={current === 'play' ? 'page' : undefined}>
          Playground
        </Link>
        <Link to="/performance" aria-current={current === 'performance' ? 'page' : undefined}>
          Performance
        </Link>
        <Link to="/bench" aria-current={current === 'bench' ? 'page' : undefined}>
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
