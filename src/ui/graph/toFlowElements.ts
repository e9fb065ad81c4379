import type { Edge, Node } from '@xyflow/react'
import type { SessionInfo } from '../../store/graphModel.ts'
import type { Selection, XY } from '../../store/types.ts'
import type { GraphView, ViewSummary } from './graphView.ts'
import { FRAME_WIDTH, SIZES, frameHeight, type XYMap } from './layout.ts'
import type { DispatchOverlay, EdgeKind, Outcome, OutcomeCounts } from './overlay.ts'
import type { ViewDiff } from './viewDiff.ts'
import { plural } from '../../store/plural.ts'

export type TopicNodeData = {
  label: string
  backend: string
  keyText: string
  subscriberCount: number
  transient: boolean
  active: boolean
}
export type FrameNodeData = { username: string; bot: boolean; sessionCount: number }
export type SessionNodeData = {
  session: SessionInfo
  username: string
  bot: boolean
  /** Standalone (summarised view): the node names its user itself. */
  standalone: boolean
  outcome: Outcome | null
  /** A whole step shown: what its rows did to this session together ("✓ 2×"), when more than one. */
  tally: string | null
}
export type SummaryNodeData = {
  summary: ViewSummary
  counts: OutcomeCounts | null
  expandable: boolean
}
export type DispatchEdgeData = {
  /** null: an idle subscription; otherwise what the active dispatch did along this edge. */
  kind: EdgeKind | null
  label: string | null
  /** Subscriptions this edge stands for (more than one only into summary nodes). */
  count: number
  /** Another dispatch is showing: fade this idle edge. */
  quiet: boolean
  /** Against the marked step: a subscription made since, or one dropped since (drawn as a ghost). */
  change: 'added' | 'removed' | null
}

export type TopicNode = Node<TopicNodeData, 'topic'>
export type FrameNode = Node<FrameNodeData, 'frame'>
export type SessionNode = Node<SessionNodeData, 'session'>
export type SummaryNode = Node<SummaryNodeData, 'summary'>
export type FlowNode = TopicNode | FrameNode | SessionNode | SummaryNode
export type DispatchEdge = Edge<DispatchEdgeData, 'dispatch'>

export interface FlowElements {
  nodes: FlowNode[]
  edges: DispatchEdge[]
}

const selected = (selection: Selection | null, kind: Selection['kind'], id: string) =>
  selection !== null && selection.kind === kind && selection.id === id

/**
 * The React Flow nodes and edges for one step (docs/design/style.md §13): pure, so it is
 * unit-tested. Dragged positions win over the layout; the active dispatch's overlay colours edges,
 * adds transient ones and gives each session its outcome; a diff against a marked step tags new
 * edges and adds ghosts of gone ones.
 */
export function toFlowElements(
  view: GraphView,
  layout: XYMap,
  overlay: DispatchOverlay | null,
  positions: Readonly<Record<string, XY>>,
  selection: Selection | null,
  diff: ViewDiff | null = null,
): FlowElements {
  const at = (id: string): XY => positions[id] ?? layout.get(id) ?? { x: 0, y: 0 }
  const nodes: FlowNode[] = []
  let topicBottom = 0
  for (const t of view.topics) {
    const position = at(t.id)
    topicBottom = Math.max(topicBottom, (layout.get(t.id)?.y ?? 0) + SIZES.topic.height)
    nodes.push({
      id: t.id,
      type: 'topic',
      position,
      ...SIZES.topic,
      selected: selected(selection, 'topic', t.id),
      ariaLabel: `${t.backend} topic ${t.label}, ${plural(t.subscriberCount, 'subscriber')}`,
      data: {
        label: t.label,
        backend: t.backend,
        keyText: t.id,
        subscriberCount: t.subscriberCount,
        transient: false,
        active: overlay?.topicIds.has(t.id) ?? false,
      },
    })
  }
  // Topics without a list, and where frames sent directly start: under the topics, while shown.
  for (const [i, { id, label, kind, detail }] of (overlay?.transientTopics ?? []).entries()) {
    nodes.push({
      id,
      type: 'topic',
      position: positions[id] ?? { x: 0, y: topicBottom + 40 + i * (SIZES.topic.height + 14) },
      ...SIZES.topic,
      selectable: false,
      data: {
        label,
        backend: kind === 'direct' ? 'direct' : (id.split(':')[0] ?? ''),
        keyText: kind === 'direct' ? `to ${detail ?? '?'}` : id,
        subscriberCount: 0,
        transient: true,
        active: true,
      },
    })
  }
  for (const u of view.users) {
    nodes.push({
      id: u.id,
      type: 'frame',
      position: at(u.id),
      width: FRAME_WIDTH,
      height: frameHeight(u.sessionNodeIds.length),
      selectable: false,
      ariaLabel: `${u.username}'s sessions`,
      focusable: false,
      data: { username: u.username, bot: u.bot, sessionCount: u.sessionNodeIds.length },
    })
  }
  const indexInFrame = new Map(
    view.users.flatMap((u) => u.sessionNodeIds.map((id, i) => [id, i] as const)),
  )
  for (const s of view.sessions) {
    const index = indexInFrame.get(s.id) ?? 0
    const inFrame: XY = {
      x: SIZES.framePadding,
      y: SIZES.frameHeader + index * (SIZES.session.height + SIZES.sessionGap),
    }
    nodes.push({
      id: s.id,
      type: 'session',
      position: s.parentId ? inFrame : at(s.id),
      ...SIZES.session,
      ...(s.parentId ? { parentId: s.parentId, extent: 'parent' as const } : {}),
      selected: selected(selection, 'session', s.session.id),
      ariaLabel: `${s.username} session ${s.session.ordinal}, shard ${s.session.shard[0]}/${s.session.shard[1]}`,
      data: {
        session: s.session,
        username: s.username,
        bot: s.bot,
        standalone: s.parentId === null,
        outcome: overlay?.outcomes.get(s.id) ?? null,
        tally: overlay?.tallies.get(s.id) ?? null,
      },
    })
  }
  for (const summary of view.summaries) {
    nodes.push({
      id: summary.id,
      type: 'summary',
      position: at(summary.id),
      // No height: the node grows to fit what the shown dispatch did (its chips); the layout leaves
      // room for two rows of them.
      width: SIZES.summary.width,
      selected: selected(selection, 'group', summary.id),
      ariaLabel: `${summary.label}: ${summary.detail}`,
      data: {
        summary,
        counts: overlay?.counts.get(summary.id) ?? null,
        expandable: summary.kind === 'more',
      },
    })
  }

  const active = new Map((overlay?.edges ?? []).map((e) => [e.id, e]))
  const edges: DispatchEdge[] = view.links.map((l) => {
    const hit = active.get(l.id)
    return {
      id: l.id,
      type: 'dispatch',
      source: l.source,
      target: l.target,
      focusable: false,
      data: {
        kind: hit?.kind ?? null,
        label: hit ? hit.label : l.count > 1 ? l.count.toLocaleString('en-US') : null,
        count: l.count,
        quiet: overlay !== null && !hit,
        change: diff?.added.has(l.id) ? 'added' : null,
      },
    }
  })
  for (const l of diff?.removed ?? []) {
    edges.push({
      id: `removed:${l.id}`,
      type: 'dispatch',
      source: l.source,
      target: l.target,
      focusable: false,
      data: { kind: null, label: null, count: l.count, quiet: false, change: 'removed' },
    })
  }
  for (const e of overlay?.edges ?? []) {
    if (!e.transient) continue
    edges.push({
      id: e.id,
      type: 'dispatch',
      source: e.source,
      target: e.target,
      focusable: false,
      data: { kind: e.kind, label: e.label, count: 1, quiet: false, change: null },
    })
  }
  return { nodes, edges }
}
