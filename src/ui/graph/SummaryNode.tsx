import { Handle, Position, type NodeProps } from '@xyflow/react'
import { memo } from 'react'
import { useActions } from '../../store/hooks.ts'
import { LOD_EXPAND_BY } from './graphView.ts'
import { count } from '../../store/plural.ts'
import type { OutcomeCounts } from './overlay.ts'
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
      {counts && <CountPills counts={counts} />}
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

/** What the shown dispatch did to the sessions a summary stands for: the legend's chips, one per outcome. */
function CountPills({ counts }: { counts: OutcomeCounts }) {
  const chips: [string, string][] = []
  if (counts.delivered) chips.push(['delivered', `✓ ${count(counts.delivered)} delivered`])
  if (counts.buffered) chips.push(['buffered', `‖ ${count(counts.buffered)} held`])
  for (const [reason, n] of Object.entries(counts.skipped))
    chips.push(['skipped', `✕ ${count(n)} ${reason}`])
  if (counts.notSubscribed)
    chips.push(['not-subscribed', `– ${count(counts.notSubscribed)} not subscribed`])
  return (
    <div className="summary-node__counts">
      {chips.map(([kind, text]) => (
        <span key={text} className={`chip chip--${kind}`}>
          {text}
        </span>
      ))}
    </div>
  )
}

export const SummaryNode = memo(SummaryNodeComponent)
