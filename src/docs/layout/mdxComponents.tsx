import type { MDXComponents } from 'mdx/types'
import type { HTMLAttributes } from 'react'
import { CodeBlock } from './CodeBlock.tsx'
import { DocLink } from './DocLink.tsx'
import { heading } from './Heading.tsx'

function Table(props: HTMLAttributes<HTMLTableElement>) {
  // Wide tables scroll inside their own box on a phone instead of widening the page; focusable, so the
  // keyboard can scroll it too (a group, not a landmark: a page has many tables).
  return (
    <div className="table-scroll" tabIndex={0} role="group" aria-label="Table">
      <table {...props} />
    </div>
  )
}

/** How MDX elements render on docs pages. */
export const mdxComponents: MDXComponents = {
  a: DocLink,
  pre: CodeBlock,
  h2: heading('h2'),
  h3: heading('h3'),
  table: Table,
}
