import type { HTMLAttributes } from 'react'

/** An h2/h3 with the id the build gave it and a `#` link to itself (copy a link to a section). */
export function heading(Tag: 'h2' | 'h3') {
  return function Heading({ id, children, ...rest }: HTMLAttributes<HTMLHeadingElement>) {
    return (
      <Tag id={id} {...rest}>
        {children}
        {id && (
          <a className="heading-anchor" href={`#${id}`} aria-label="Link to this section">
            #
          </a>
        )}
      </Tag>
    )
  }
}
