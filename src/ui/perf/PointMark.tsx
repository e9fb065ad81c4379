import type { SeriesStyle } from './seriesStyle.ts'

/** One point's mark, centred on (x, y), in the series' colour (`currentColor`). */
export function PointMark({
  marker,
  x,
  y,
}: {
  marker: SeriesStyle['marker']
  x: number
  y: number
}) {
  const r = 4
  switch (marker) {
    case 'square':
      return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} fill="currentColor" />
    case 'triangle':
      return (
        <polygon
          points={`${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}`}
          fill="currentColor"
        />
      )
    case 'diamond':
      return (
        <polygon
          points={`${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}`}
          fill="currentColor"
        />
      )
    case 'ring':
      return (
        <circle cx={x} cy={y} r={r} fill="var(--surface)" stroke="currentColor" strokeWidth={2} />
      )
    case 'cross':
      return (
        <path
          d={`M${x - r},${y - r}L${x + r},${y + r}M${x - r},${y + r}L${x + r},${y - r}`}
          stroke="currentColor"
          strokeWidth={2.5}
        />
      )
    case 'circle':
      return <circle cx={x} cy={y} r={r} fill="currentColor" />
  }
}
