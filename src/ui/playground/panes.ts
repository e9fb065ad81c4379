import { createContext, useContext } from 'react'
import { CODE_ID } from '../editor/CodePanel.tsx'
import { LOG_ID } from '../log/EventLog.tsx'

/** What a skip link or a button can bring into view: a pane, or a place in one. */
export type PaneTarget = 'graph' | 'try-it' | 'explain' | 'code' | 'log'

/** Element ids of the places PaneTarget names (skip links point at them). */
export const PANE_IDS: Record<PaneTarget, string> = {
  graph: 'playground-graph',
  'try-it': 'playground-try-it',
  explain: 'playground-explain',
  code: CODE_ID,
  log: LOG_ID,
}

/**
 * Brings a place into view: on a narrow screen by showing its pane (one pane at a time), on a wide one
 * by opening the tab that holds it (Try it is in the Scenario tab); then focuses it. The default does
 * only the focusing, for a graph or a list used outside the playground's layout (a docs example).
 */
export const RevealContext = createContext<(target: PaneTarget) => void>(focusPlace)

export const useReveal = () => useContext(RevealContext)

/** Focuses a place once it is shown (after the render that shows it). */
export function focusPlace(target: PaneTarget): void {
  requestAnimationFrame(() => {
    const el = document.getElementById(PANE_IDS[target])
    el?.focus({ preventScroll: true })
    el?.scrollIntoView({ block: 'nearest' })
  })
}
