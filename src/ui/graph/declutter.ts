/** Below this zoom, idle edges' counts are hidden: too small to read, they only clutter. */
export const LABEL_MIN_ZOOM = 0.6

const overlaps = (a: DOMRect, b: DOMRect, margin = 1) =>
  a.left < b.right - margin &&
  b.left < a.right - margin &&
  a.top < b.bottom - margin &&
  b.top < a.bottom - margin

/**
 * Hides edge labels that would overlap another label or sit on a node: what a dispatch did first
 * (skip reasons, counts on summaries), then the idle counts, each kept only where it has room. The
 * labels and nodes share the viewport's transform, so what overlaps does not change with the zoom:
 * this runs when the graph is redrawn, not when it is zoomed. Marks with `data-crowded` (which React
 * never writes, so a redraw keeps it until the next pass).
 */
export function declutterLabels(container: HTMLElement): void {
  const labels = [...container.querySelectorAll<HTMLElement>('.edge-label')]
  if (labels.length === 0) return
  for (const label of labels) label.removeAttribute('data-crowded')
  const nodes = [
    ...container.querySelectorAll('.react-flow__node:not(.react-flow__node-frame)'),
  ].map((n) => n.getBoundingClientRect())
  const idle = (label: HTMLElement) => label.classList.contains('edge-label--idle')
  const ordered = [...labels.filter((l) => !idle(l)), ...labels.filter(idle)]
  const kept: DOMRect[] = []
  for (const label of ordered) {
    const rect = label.getBoundingClientRect()
    if (rect.width === 0) continue
    if (kept.some((k) => overlaps(k, rect)) || nodes.some((n) => overlaps(n, rect, 3))) {
      label.setAttribute('data-crowded', 'true')
    } else kept.push(rect)
  }
}
