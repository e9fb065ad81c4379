import type { DocPageInfo } from '../pageList.ts'
import { sourceLinks } from './sourceLinks.ts'

/** The build setting `SOURCE_URL` (vite.config.ts puts it here; '' when the build had none). */
const SOURCE_URL: string = import.meta.env.FANOUT_SOURCE_URL ?? ''

/** "Edit this page" and the source repository, when the site was built with `SOURCE_URL`. */
export function PageSource({ page }: { page: DocPageInfo }) {
  const links = sourceLinks(SOURCE_URL, page.file)
  if (!links) return null
  return (
    <p className="page-source">
      <a href={links.edit} target="_blank" rel="noreferrer">
        Edit this page
      </a>
      <span aria-hidden="true"> · </span>
      <a href={links.repository} target="_blank" rel="noreferrer">
        Source repository
      </a>
    </p>
  )
}
