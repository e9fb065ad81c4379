import { useReactFlow } from '@xyflow/react'
import { useEffect } from 'react'
import { useGraphFocus } from '../../store/hooks.ts'
import { FOCUS_FIT } from './fit.ts'
import { sessionNodeId } from './graphView.ts'

/** How many frames to wait for the asked-for node to be drawn (a summarised graph redraws deferred). */
const FRAMES_TO_WAIT = 60

/**
 * "Show on graph": zooms to the session asked for, once its node is drawn and measured (a summarised
 * graph draws a selected session on its own, a frame or more after the ask).
 */
export function FocusOnRequest() {
  const focus = useGraphFocus()
  const { fitView, getInternalNode } = useReactFlow()
  useEffect(() => {
    if (!focus) return
    const id = sessionNodeId(focus.sessionId)
    let frames = 0
    let raf = 0
    const go = () => {
      if (getInternalNode(id)?.measured.width) {
        void fitView({ ...FOCUS_FIT, nodes: [{ id }], duration: 400 })
      } else if (frames++ < FRAMES_TO_WAIT) raf = requestAnimationFrame(go)
    }
    go()
    return () => cancelAnimationFrame(raf)
  }, [focus, fitView, getInternalNode])
  return null
}
