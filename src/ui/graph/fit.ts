import type { FitViewOptions } from '@xyflow/react'

/** Room at the top for the narration and legend (the zoom buttons have a gutter of their own). */
export const FIT: FitViewOptions = {
  padding: { top: '64px', bottom: '24px', left: '24px', right: '24px' },
  maxZoom: 1.1,
  minZoom: 0.1,
}

/**
 * A first look at a large graph: never below the zoom at which a node's smallest text is still about
 * 9 px on screen (its meta line is 0.64rem), centred on what it is fitted to.
 */
export const READABLE_FIT: FitViewOptions = { ...FIT, minZoom: 0.85 }

/** "Show on graph": close enough to read the session's node, with its neighbours around it. */
export const FOCUS_FIT: FitViewOptions = { padding: 0.6, minZoom: 0.9, maxZoom: 1.2 }
