import type { FitViewOptions } from '@xyflow/react'

/** Room at the top for the narration and legend, at the left for the zoom controls. */
export const FIT: FitViewOptions = {
  padding: { top: '64px', bottom: '24px', left: '56px', right: '24px' },
  maxZoom: 1.1,
  minZoom: 0.1,
}
