import { Handle, Position, type NodeProps } from '@xyflow/react'
import { memo } from 'react'
import { useActions } from '../../store/hooks.ts'
import { LOD_EXPAND_BY } from './graphView.ts'
import { countsText } from './overlay.ts'
import type { SummaryNode as SummaryNodeType } from './toFlowElements.ts'
import './nodes.css'

/** Several sessions drawn as one node (level of detail): a user's, a bot shard's, or "+N more". */
function SummaryNodeComponent({ id, data }: NodeProps<SummaryNodeType>) {
  const { expand } = useActions()
  const { summary, counts } = data
  return (
    <div className={`summary-node summary-node--${summary.kind}`}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="summary-node__label">{summary.label}</div>
      <div className="summary-node__detail">{summary.detail}</div>
      {counts && <div className="summary-node__counts">{countsText(counts)}</div>}
      {data.expandable && (
        <button
          type="button"
          className="link-button nodrag"
          onClick={() => expand(id, LOD_EXPAND_BY)}
        >
          Show {LOD_EXPAND_BY} more
        </button>
      )}
    </div>
  )
}

export const SummaryNode = memo(SummaryNodeComponent)
