import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react'
import { memo, useCallback, useContext } from 'react'
import { EdgeRegistryContext } from './edgeRegistry.ts'
import type { DispatchEdge as DispatchEdgeType } from './toFlowElements.ts'

/**
 * A subscription (topic → session). Its class shows what the shown dispatch did along it; the animator
 * draws moving tokens into its group, registered here, without re-rendering it.
 */
function DispatchEdgeComponent(props: EdgeProps<DispatchEdgeType>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props
  const registry = useContext(EdgeRegistryContext)
  const register = useCallback(
    (el: SVGGElement | null) => {
      if (!el) return
      registry.set(id, el)
      return () => {
        if (registry.get(id) === el) registry.delete(id)
      }
    },
    [registry, id],
  )
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  })
  const kind = data?.kind ?? 'idle'
  const classes = ['dispatch-edge', `dispatch-edge--${kind}`]
  if (data?.quiet) classes.push('is-quiet')
  // Labels of skipped edges sit near the session, where the eye lands after the token stops.
  const near = kind === 'skipped' || kind === 'buffered'
  const x = near ? labelX + (targetX - labelX) * 0.45 : labelX
  const y = near ? labelY + (targetY - labelY) * 0.45 : labelY
  return (
    <g ref={register} className={classes.join(' ')}>
      <BaseEdge id={id} path={path} />
      {data?.label && (
        <EdgeLabelRenderer>
          <div
            className={`edge-label edge-label--${kind}`}
            style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
          >
            {data.label}
          </div>
        </EdgeLabelRenderer>
      )}
    </g>
  )
}

export const DispatchEdge = memo(DispatchEdgeComponent)
