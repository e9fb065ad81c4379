import dagre from '@dagrejs/dagre'
import type { GraphView } from './graphView.ts'

export const SIZES = {
  topic: { width: 200, height: 52 },
  session: { width: 196, height: 64 },
  summary: { width: 212, height: 70 },
  frameHeader: 28,
  framePadding: 8,
  sessionGap: 6,
} as const

/** The frame around a user's sessions is as tall as they stack. */
export function frameHeight(sessionCount: number): number {
  const { session, frameHeader, framePadding, sessionGap } = SIZES
  return frameHeader + sessionCount * (session.height + sessionGap) - sessionGap + framePadding
}
export const FRAME_WIDTH = SIZES.session.width + 2 * SIZES.framePadding

export interface LayoutNode {
  readonly id: string
  readonly width: number
  readonly height: number
  /** 0: topic keys (left column); 1: sessions, frames and summaries (right column). */
  readonly column: 0 | 1
}
export interface LayoutInput {
  readonly nodes: readonly LayoutNode[]
  readonly edges: readonly { source: string; target: string }[]
}
export type XYMap = ReadonlyMap<string, { x: number; y: number }>

/**
 * What dagre lays out: topic keys on the left, and on the right the top-level session nodes (user
 * frames in full detail; standalone sessions and summaries when summarised). Edges run from a topic to
 * the top-level node holding the subscribed session, one per pair.
 */
export function layoutInput(view: GraphView, extraTopics: readonly string[] = []): LayoutInput {
  const nodes: LayoutNode[] = [
    ...view.topics.map((t) => ({ id: t.id, ...SIZES.topic, column: 0 as const })),
    ...extraTopics.map((id) => ({ id, ...SIZES.topic, column: 0 as const })),
    ...view.users.map((u) => ({
      id: u.id,
      width: FRAME_WIDTH,
      height: frameHeight(u.sessionNodeIds.length),
      column: 1 as const,
    })),
    ...view.sessions
      .filter((s) => s.parentId === null)
      .map((s) => ({ id: s.id, ...SIZES.session, column: 1 as const })),
    ...view.summaries.map((s) => ({ id: s.id, ...SIZES.summary, column: 1 as const })),
  ]
  const parentOf = new Map(view.sessions.map((s) => [s.id, s.parentId ?? s.id]))
  const seen = new Set<string>()
  const edges: { source: string; target: string }[] = []
  for (const link of view.links) {
    const target = parentOf.get(link.target) ?? link.target
    const key = `${link.source}->${target}`
    if (seen.has(key)) continue
    seen.add(key)
    edges.push({ source: link.source, target })
  }
  return { nodes, edges }
}

const COLUMN_X = [0, 340] as const
const GAP = 14
/** The graph's box at 1280×720, less the fit padding: wrapping aims for the best zoom in it. */
const BOX = { width: 600, height: 380 }
const MAX_SUBCOLUMNS = 5
const SUBCOLUMN_GAP = 24

/**
 * How many sub-columns the right column wraps into: the count that lets the whole graph fit the box it
 * is shown in at the largest zoom, so a tall list of sessions stays readable.
 */
function bestSubcolumns(rightHeight: number, leftHeight: number, width: number): number {
  let best = 1
  let bestZoom = 0
  for (let k = 1; k <= MAX_SUBCOLUMNS; k++) {
    const w = COLUMN_X[1] + k * (width + SUBCOLUMN_GAP)
    const h = Math.max(leftHeight, rightHeight / k + 60)
    const zoom = Math.min(BOX.width / w, BOX.height / h)
    // Another sub-column must earn its crossings: at least 10 % more zoom.
    if (zoom > bestZoom * 1.1) {
      best = k
      bestZoom = zoom
    }
  }
  return best
}

/** Stacks nodes top to bottom from `y`, wrapping into sub-columns `width` apart past `wrapAt`. */
function stack(
  nodes: readonly LayoutNode[],
  x: number,
  wrapAt: number,
  into: Map<string, { x: number; y: number }>,
) {
  let column = 0
  let y = 0
  const width = Math.max(0, ...nodes.map((n) => n.width)) + SUBCOLUMN_GAP
  for (const n of nodes) {
    if (y > 0 && y + n.height > wrapAt) {
      column += 1
      y = 0
    }
    into.set(n.id, { x: x + column * width, y })
    y += n.height + GAP
  }
}

/**
 * Positions (top-left corners). dagre orders each column to reduce crossings; the columns are then
 * stacked with even gaps, the right one wrapping into sub-columns when it is very tall, and centred on
 * each other, so nodes with no edge still sit in their column.
 */
export function computeLayout(input: LayoutInput): XYMap {
  const g = new dagre.graphlib.Graph()
  g.setGraph({ rankdir: 'LR', nodesep: GAP, ranksep: 160 })
  g.setDefaultEdgeLabel(() => ({}))
  for (const n of input.nodes) g.setNode(n.id, { width: n.width, height: n.height })
  for (const e of input.edges) g.setEdge(e.source, e.target)
  dagre.layout(g)
  const yOf = (id: string) => (g.node(id) as { y?: number } | undefined)?.y ?? 0
  const byY = (a: LayoutNode, b: LayoutNode) => yOf(a.id) - yOf(b.id)
  const left = input.nodes.filter((n) => n.column === 0).sort(byY)
  const right = input.nodes.filter((n) => n.column === 1).sort(byY)
  const heightOf = (col: readonly LayoutNode[]) => col.reduce((h, n) => h + n.height + GAP, -GAP)
  const rightHeight = heightOf(right)
  const subcolumns = bestSubcolumns(
    rightHeight,
    heightOf(left),
    Math.max(0, ...right.map((n) => n.width)),
  )
  const wrapAt = subcolumns === 1 ? Infinity : rightHeight / subcolumns + 60
  const positions = new Map<string, { x: number; y: number }>()
  stack(left, COLUMN_X[0], Infinity, positions)
  stack(right, COLUMN_X[1], wrapAt, positions)
  // Centre the shorter column on the taller one.
  const heights = [heightOf(left), Math.min(rightHeight, wrapAt)]
  const tallest = Math.max(0, ...heights)
  for (const [c, col] of [left, right].entries()) {
    const shift = (tallest - (heights[c] ?? 0)) / 2
    for (const n of col) {
      const p = positions.get(n.id)
      if (p) p.y += shift
    }
  }
  return positions
}
