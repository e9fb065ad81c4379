import type { GraphView } from './graphView.ts'

export const SIZES = {
  topic: { width: 200, height: 52 },
  session: { width: 196, height: 64 },
  summary: { width: 212, height: 96 },
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
  /** 0: topic keys (the middle column); 1: sessions, frames and summaries (the columns around it). */
  readonly column: 0 | 1
}
export interface LayoutInput {
  readonly nodes: readonly LayoutNode[]
  readonly edges: readonly { source: string; target: string }[]
}
export type XYMap = ReadonlyMap<string, { x: number; y: number }>

/**
 * What is laid out: topic keys in one column, and in the others the top-level session nodes (user
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
/** The gap between the topics and the first column of sessions on either side. */
const SIDE_GAP = COLUMN_X[1] - SIZES.topic.width
const GAP = 14
/** The graph's box at 1280×720, less the fit padding: wrapping aims for the best zoom in it. */
const BOX = { width: 600, height: 380 }
const MAX_SUBCOLUMNS = 4
const SUBCOLUMN_GAP = 24

/**
 * Where the i-th sub-column of sessions sits: they alternate right, left, right, left of the topics, so
 * with two sub-columns no edge crosses a column of sessions to reach the other (the edges attach to the
 * side that faces their topic; see DispatchEdge).
 */
function subcolumnX(i: number, width: number): number {
  const step = width + SUBCOLUMN_GAP
  const depth = Math.floor(i / 2)
  return i % 2 === 0 ? COLUMN_X[1] + depth * step : -SIDE_GAP - width - depth * step
}

/**
 * How many sub-columns the sessions wrap into: the count that lets the whole graph fit the box it is
 * shown in at the largest zoom, so a tall list of sessions stays readable.
 */
function bestSubcolumns(rightHeight: number, leftHeight: number, width: number): number {
  let best = 1
  let bestZoom = 0
  for (let k = 1; k <= MAX_SUBCOLUMNS; k++) {
    const xs = Array.from({ length: k }, (_, i) => subcolumnX(i, width))
    const w = Math.max(SIZES.topic.width, ...xs.map((x) => x + width)) - Math.min(0, ...xs)
    const h = Math.max(leftHeight, rightHeight / k + 60)
    const zoom = Math.min(BOX.width / w, BOX.height / h)
    // Another sub-column must earn its place (past two, its edges cross sessions): 10 % more zoom.
    if (zoom > bestZoom * 1.1) {
      best = k
      bestZoom = zoom
    }
  }
  return best
}

/** Stacks nodes top to bottom, wrapping into the next sub-column past `wrapAt`. */
function stack(
  nodes: readonly LayoutNode[],
  xOf: (column: number) => number,
  wrapAt: number,
  into: Map<string, { x: number; y: number }>,
): number[] {
  const heights: number[] = []
  let column = 0
  let y = 0
  for (const n of nodes) {
    if (y > 0 && y + n.height > wrapAt) {
      heights[column] = y - GAP
      column += 1
      y = 0
    }
    into.set(n.id, { x: xOf(column), y })
    y += n.height + GAP
  }
  heights[column] = y - GAP
  return heights
}

/**
 * The order of the two columns: topics as the view lists them (a guild, its channels, then lists: the
 * order a reader looks for), and beside them the session nodes, each at the barycenter (mean position)
 * of the topics it is linked to, ties and unlinked nodes keeping the view's order. For two columns this
 * is the crossing reduction a Sugiyama layout (dagre's) makes, in linear time: dagre took 100-250 ms
 * to order a 32-node summary of the 100,000-session guild, one long task on the page.
 */
export function orderColumns(input: LayoutInput): { left: LayoutNode[]; right: LayoutNode[] } {
  const left = input.nodes.filter((n) => n.column === 0)
  const rowOf = new Map(left.map((n, i) => [n.id, i]))
  const sums = new Map<string, { total: number; count: number }>()
  for (const e of input.edges) {
    const row = rowOf.get(e.source)
    if (row === undefined) continue
    const sum = sums.get(e.target)
    if (sum) {
      sum.total += row
      sum.count += 1
    } else sums.set(e.target, { total: row, count: 1 })
  }
  const barycenter = (id: string) => {
    const sum = sums.get(id)
    return sum ? sum.total / sum.count : Infinity
  }
  // Array.prototype.sort is stable: equal barycenters keep the view's order.
  const right = input.nodes
    .filter((n) => n.column === 1)
    .map((n) => ({ n, at: barycenter(n.id) }))
    .sort((a, b) => (a.at === b.at ? 0 : a.at < b.at ? -1 : 1))
    .map(({ n }) => n)
  return { left, right }
}

/**
 * Positions (top-left corners). Each column is ordered to reduce crossings ({@link orderColumns}), then
 * stacked with even gaps, the sessions wrapping into sub-columns (right, then left of the topics) when
 * they are very tall, and every column is centred on the tallest, so nodes with no edge still sit in
 * their column.
 */
export function computeLayout(input: LayoutInput): XYMap {
  const { left, right } = orderColumns(input)
  const heightOf = (col: readonly LayoutNode[]) => col.reduce((h, n) => h + n.height + GAP, -GAP)
  const rightHeight = heightOf(right)
  const width = Math.max(0, ...right.map((n) => n.width))
  const subcolumns = bestSubcolumns(rightHeight, heightOf(left), width)
  const wrapAt = subcolumns === 1 ? Infinity : rightHeight / subcolumns + 60
  const positions = new Map<string, { x: number; y: number }>()
  const heights = [
    ...stack(left, () => COLUMN_X[0], Infinity, positions),
    ...stack(right, (i) => subcolumnX(i, width), wrapAt, positions),
  ]
  // Centre every column on the tallest.
  const tallest = Math.max(0, ...heights)
  const xs = [COLUMN_X[0], ...heights.slice(1).map((_, i) => subcolumnX(i, width))]
  const shiftOf = new Map(xs.map((x, c) => [x, (tallest - (heights[c] ?? 0)) / 2]))
  for (const p of positions.values()) p.y += shiftOf.get(p.x) ?? 0
  return positions
}
