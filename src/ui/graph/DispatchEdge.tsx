import {
  BaseEdge,
  EdgeLabelRenderer,
  getBezierPath,
  Position,
  useInternalNode,
  type EdgeProps,
} from '@xyflow/react'
import { memo, useCallback, useContext } from 'react'
import { EdgeRegistryContext } from './edgeRegistry.ts'
import type { DispatchEdge as DispatchEdgeType } from './toFlowElements.ts'
import './edges.css'

/**
 * A subscription (topic → session). Its class shows what the shown dispatch did along it; the animator
 * draws moving tokens into its group, registered here, without re-rendering it.
 */
function DispatchEdgeComponent(props: EdgeProps<DispatchEdgeType>) {
  const { id, sourceY, targetY, data } = props
  const { sourceX, targetX, sourcePosition, targetPosition } = facingSides(
    props,
    useInternalNode(props.source),
    useInternalNode(props.target),
  )
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
  if (data?.change) classes.push(`is-${data.change}`)
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
            data-edge={id}
            style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
          >
            {data.label}
          </div>
        </EdgeLabelRenderer>
      )}
    </g>
  )
}

type Node = ReturnType<typeof useInternalNode>

/**
 * The handles are on the topic's right and the session's left. A session laid out (or dragged) to the
 * left of its topic is reached from the topic's left side into the session's right side instead, so
 * the edge never loops around either node.
 */
function facingSides(props: EdgeProps<DispatchEdgeType>, source: Node, target: Node) {
  const { sourceX, targetX, sourcePosition, targetPosition } = props
  if (!source || !target) return { sourceX, targetX, sourcePosition, targetPosition }
  const centre = (node: NonNullable<Node>) =>
    node.internals.positionAbsolute.x + (node.measured.width ?? 0) / 2
  const sourceCentre = centre(source)
  const targetCentre = centre(target)
  if (targetCentre >= sourceCentre) return { sourceX, targetX, sourcePosition, targetPosition }
  // The same points mirrored about each node's centre: on the sides that face each other.
  return {
    sourceX: 2 * sourceCentre - sourceX,
    targetX: 2 * targetCentre - targetX,
    sourcePosition: Position.Left,
    targetPosition: Position.Right,
  }
}

export const DispatchEdge = memo(DispatchEdgeComponent)
