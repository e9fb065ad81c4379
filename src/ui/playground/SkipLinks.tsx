import type { MouseEvent } from 'react'
import { PANE_IDS, useReveal, type PaneTarget } from './panes.ts'
import './SkipLinks.css'

const LINKS: readonly [PaneTarget, string][] = [
  ['graph', 'Skip to the graph'],
  ['try-it', 'Skip to Try it'],
  ['code', 'Skip to the code'],
]

/**
 * Links shown when focused, before anything else on the page: past the editor (whose Tab key indents)
 * to the graph or the suggested calls, on any layout.
 */
export function SkipLinks() {
  const reveal = useReveal()
  const go = (e: MouseEvent, target: PaneTarget) => {
    e.preventDefault()
    reveal(target)
  }
  return (
    <nav className="skip-links" aria-label="Skip links">
      {LINKS.map(([target, text]) => (
        <a key={target} href={`#${PANE_IDS[target]}`} onClick={(e) => go(e, target)}>
          {text}
        </a>
      ))}
    </nav>
  )
}
