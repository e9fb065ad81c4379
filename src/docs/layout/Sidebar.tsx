import { DocLink } from './DocLink.tsx'
import { prefetch, sections } from '../pages.ts'
import type { DocPageInfo } from '../pageList.ts'

/** Every docs page by section; the current one marked. On a phone it folds behind a Menu button. */
export function Sidebar({ current, open }: { current: DocPageInfo; open: boolean }) {
  return (
    <nav
      className={`docs-sidebar${open ? ' is-open' : ''}`}
      id="docs-sidebar"
      aria-label="Documentation"
    >
      {sections().map((section) => (
        <div key={section.title} className="docs-sidebar__section">
          <h2 className="docs-sidebar__title">{section.title}</h2>
          <ul>
            {section.pages.map((page) => (
              <li key={page.path}>
                <DocLink
                  href={page.path}
                  aria-current={page === current ? 'page' : undefined}
                  className={page.section === 'Backends' ? 'docs-sidebar__code' : undefined}
                  onMouseEnter={() => prefetch(page)}
                  onFocus={() => prefetch(page)}
                >
                  {page.title}
                </DocLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <div className="docs-sidebar__section">
        <h2 className="docs-sidebar__title">Try and measure</h2>
        <ul>
          <li>
            <DocLink href="/play">Playground</DocLink>
          </li>
          <li>
            <DocLink href="/performance">Performance</DocLink>
          </li>
          <li>
            <DocLink href="/bench">Bench</DocLink>
          </li>
        </ul>
      </div>
    </nav>
  )
}
