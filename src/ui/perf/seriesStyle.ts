/** How a chart draws one implementation: its colour, the mark of its points, its line's dashes. */
export interface SeriesStyle {
  /** A CSS colour (a theme variable). */
  readonly color: string
  readonly marker: 'circle' | 'square' | 'triangle' | 'diamond' | 'ring' | 'cross'
  /** An SVG `stroke-dasharray`, or undefined for a solid line. */
  readonly dash?: string
  /** The engine's line is drawn heavier: it is what the charts are about. */
  readonly heavy?: boolean
}

/**
 * One look per implementation, the same on every chart and in both themes: colour, mark and dashes
 * differ together, so engine, node:events and tseep are told apart without relying on colour alone.
 */
const KNOWN: Readonly<Record<string, SeriesStyle>> = {
  engine: { color: 'var(--accent)', marker: 'circle', heavy: true },
  'engine lean': { color: 'var(--accent)', marker: 'ring', dash: '6 3' },
  'plain loop': { color: 'var(--not)', marker: 'square', dash: '2 3' },
  eventemitter3: { color: 'var(--member)', marker: 'triangle' },
  'node:events': { color: 'var(--user)', marker: 'diamond' },
  tseep: { color: 'var(--delivered)', marker: 'ring' },
  'tseep safe': { color: 'var(--friend)', marker: 'cross', dash: '5 3' },
  // W2's lean baselines look like the baselines they slim down.
  'eventemitter3 lean': { color: 'var(--member)', marker: 'triangle', dash: '6 3' },
  'plain loop lean': { color: 'var(--not)', marker: 'square', dash: '2 3' },
  // The cost-cliff charts (CliffCharts.tsx): the operation is what the chart is about.
  'the operation': { color: 'var(--accent)', marker: 'circle', heavy: true },
  'a guild dispatch, same world': { color: 'var(--member)', marker: 'triangle', dash: '6 3' },
}

const FALLBACK: readonly SeriesStyle[] = [
  { color: 'var(--channel)', marker: 'circle' },
  { color: 'var(--buffered)', marker: 'square' },
  { color: 'var(--skipped)', marker: 'triangle' },
]

/** The style of the series named `name` (the `i`-th of its chart, for names not listed). */
export function seriesStyle(name: string, i: number): SeriesStyle {
  return KNOWN[name] ?? FALLBACK[i % FALLBACK.length] ?? { color: 'var(--text)', marker: 'circle' }
}
