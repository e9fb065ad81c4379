import type { AnchorHTMLAttributes, MouseEvent } from 'react'
import { appPathOf, hrefOf } from '../../ui/site/paths.ts'
import { isModifiedClick, navigate } from '../../ui/site/router.ts'

/** Scrolls to the element with id `hash` (without `#`), if the page has it. */
export function scrollToAnchor(hash: string): boolean {
  const target = hash ? document.getElementById(decodeURIComponent(hash)) : null
  target?.scrollIntoView({ block: 'start' })
  return target !== null
}

/**
 * A link in docs prose: app paths (`/docs/…`, `/play/…`, with or without `#anchor`) get the site's base
 * path and navigate in place, `#anchor` scrolls within the page, anything else is an ordinary link that
 * opens in a new tab.
 */
export function DocLink({ href = '', children, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement>) {
  if (/^[a-z]+:/i.test(href)) {
    return (
      <a {...rest} href={href} target="_blank" rel="noreferrer">
        {children}
      </a>
    )
  }
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || isModifiedClick(event)) return
    const url = new URL(event.currentTarget.href)
    const path = appPathOf(url.pathname)
    if (path === null) return // outside the site: an ordinary page load
    event.preventDefault()
    if (url.pathname === window.location.pathname && url.hash) {
      window.history.pushState(null, '', url.hash)
      scrollToAnchor(url.hash.slice(1))
      return
    }
    navigate(path + url.hash)
  }
  const address = href.startsWith('/') ? hrefOf(href) : href
  return (
    <a {...rest} href={address} onClick={onClick}>
      {children}
    </a>
  )
}
