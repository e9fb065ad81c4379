import { DocLink } from './DocLink.tsx'
import { neighbours } from '../pages.ts'
import type { DocPageInfo } from '../pageList.ts'

/** Previous / next in reading order, at the foot of every page. */
export function PrevNext({ page }: { page: DocPageInfo }) {
  const { previous, next } = neighbours(page)
  return (
    <nav className="prev-next" aria-label="Previous and next page">
      {previous ? (
        <DocLink href={previous.path} className="prev-next__link" rel="prev">
          <span className="prev-next__dir">← Previous</span>
          <span className="prev-next__title">{previous.title}</span>
        </DocLink>
      ) : (
        <span />
      )}
      {next && (
        <DocLink href={next.path} className="prev-next__link prev-next__link--next" rel="next">
          <span className="prev-next__dir">Next →</span>
          <span className="prev-next__title">{next.title}</span>
        </DocLink>
      )}
    </nav>
  )
}
