import type { NodeProps } from '@xyflow/react'
import { memo } from 'react'
import type { FrameNode as FrameNodeType } from './toFlowElements.ts'
import './nodes.css'

/** The frame grouping one user's sessions; drag it to move them together. */
function FrameNodeComponent({ data }: NodeProps<FrameNodeType>) {
  return (
    <div className="frame-node">
      <div className="frame-node__header">
        <span className="avatar" aria-hidden="true">
          {data.username.slice(0, 1).toUpperCase()}
        </span>
        <span className="frame-node__name">{data.username}</span>
        {data.bot && <span className="bot-badge">bot</span>}
      </div>
    </div>
  )
}

export const FrameNode = memo(FrameNodeComponent)
