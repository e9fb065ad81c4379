import { DispatchEdge } from './DispatchEdge.tsx'
import { FrameNode } from './FrameNode.tsx'
import { SessionNode } from './SessionNode.tsx'
import { SummaryNode } from './SummaryNode.tsx'
import { TopicNode } from './TopicNode.tsx'

// Module level, so React Flow never sees new objects (reactflow.dev performance guide).
export const nodeTypes = {
  topic: TopicNode,
  frame: FrameNode,
  session: SessionNode,
  summary: SummaryNode,
}
export const edgeTypes = { dispatch: DispatchEdge }
