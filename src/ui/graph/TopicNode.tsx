import { Handle, Position, type NodeProps } from '@xyflow/react'
import { memo } from 'react'
import type { TopicNode as TopicNodeType } from './toFlowElements.ts'
import './nodes.css'

/** A topic key (`guild:…`, `channel:…`, `friend:…`): where dispatches start. */
function TopicNodeComponent({ data }: NodeProps<TopicNodeType>) {
  const classes = ['topic-node', `backend-${data.backend}`]
  if (data.active) classes.push('is-active')
  if (data.transient) classes.push('is-transient')
  return (
    <div className={classes.join(' ')} title={data.keyText}>
      <div className="topic-node__row">
        <span className="backend-pill">{data.backend}</span>
        <span className="topic-node__label">{data.label}</span>
      </div>
      <div className="topic-node__meta">
        <code>{data.keyText}</code>
        {data.backend === 'direct' ? (
          <span>outside any fan-out</span>
        ) : data.transient ? (
          <span>no list: considered on the fly</span>
        ) : (
          <span>
            {data.subscriberCount.toLocaleString('en-US')} sub
            {data.subscriberCount === 1 ? '' : 's'}
          </span>
        )}
      </div>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  )
}

export const TopicNode = memo(TopicNodeComponent)
