import type { AnchorHTMLAttributes } from 'react'
import { hrefOf } from './paths.ts'
import { onLinkClick } from './router.ts'

/**
 * An in-app link to the app path `to` ('/play/intents'): a real `<a href>` under the site's base path
 * (keyboard, middle-click, copy link all work), navigating in place on a plain click.
 */
export function Link({
  to,
  ...props
}: Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string }) {
  return <a {...props} href={hrefOf(to)} onClick={onLinkClick} />
}
