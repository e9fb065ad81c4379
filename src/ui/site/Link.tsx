import type { AnchorHTMLAttributes } from 'react'
import { onLinkClick } from './router.ts'

/** An in-app link: a real `<a href>` (keyboard, middle-click, copy link all work). */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <a {...props} onClick={onLinkClick} />
}
