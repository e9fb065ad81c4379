import { formatNumber, formatTick, type Series } from './resultsFile.ts'

const W = 560
const H = 260
const PAD = { left: 56, right: 16, top: 12, bottom: 40 }

const log = (v: number) => Math.log10(Math.max(v, 1e-9))

/** Powers of ten spanning [min, max]. */
function decades(min: number, max: number): number[] {
  const out: number[] = []
  for (let e = Math.floor(log(min)); e <= Math.ceil(log(max)); e++) out.push(10 ** e)
  return out
}

/**
 * A log–log line chart in plain SVG (no chart library: the page must stay small and offline). The
 * numbers are also in a table below it, for screen readers and for copying.
 */
export function LineChart(props: {
  title: string
  series: readonly Series[]
  xLabel: string
  yLabel: string
  xFormat?: (x: number) => string
}) {
  const { xFormat = (x) => formatNumber(x) } = props
  // Log scales: a zero or negative median (a timer too coarse for the batch) cannot be drawn.
  const series = props.series.map((s) => ({
    ...s,
    points: s.points.filter(([x, y]) => x > 0 && y > 0),
  }))
  const points = series.flatMap((s) => s.points)
  if (points.length === 0) return null
  const xs = decades(Math.min(...points.map((p) => p[0])), Math.max(...points.map((p) => p[0])))
  const ys = decades(Math.min(...points.map((p) => p[1])), Math.max(...points.map((p) => p[1])))
  const [x0, x1] = [log(xs[0]!), log(xs.at(-1)!)]
  const [y0, y1] = [log(ys[0]!), log(ys.at(-1)!)]
  const sx = (x: number) => PAD.left + ((log(x) - x0) / (x1 - x0 || 1)) * (W - PAD.left - PAD.right)
  const sy = (y: number) =>
    H - PAD.bottom - ((log(y) - y0) / (y1 - y0 || 1)) * (H - PAD.top - PAD.bottom)
  const xValues = [...new Set(points.map((p) => p[0]))].sort((a, b) => a - b)

  return (
    <figure className="chart">
      <figcaption>{props.title}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${props.title} (log–log chart; numbers in the table below)`}
      >
        {ys.map((y) => (
          <g key={`y${y}`}>
            <line className="chart__grid" x1={PAD.left} x2={W - PAD.right} y1={sy(y)} y2={sy(y)} />
            <text className="chart__tick" x={PAD.left - 6} y={sy(y) + 4} textAnchor="end">
              {formatTick(y)}
            </text>
          </g>
        ))}
        {xs.map((x) => (
          <text
            key={`x${x}`}
            className="chart__tick"
            x={sx(x)}
            y={H - PAD.bottom + 16}
            textAnchor="middle"
          >
            {xFormat(x)}
          </text>
        ))}
        <text className="chart__axis" x={(W + PAD.left) / 2} y={H - 4} textAnchor="middle">
          {props.xLabel}
        </text>
        <text
          className="chart__axis"
          transform={`translate(12 ${(H - PAD.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {props.yLabel}
        </text>
        {series.map((s, i) => (
          <g key={s.name} className={`chart__series chart__series--${i}`}>
            <polyline
              points={s.points.map(([x, y]) => `${sx(x)},${sy(y)}`).join(' ')}
              fill="none"
            />
            {s.points.map(([x, y]) => (
              <circle key={x} cx={sx(x)} cy={sy(y)} r={3} />
            ))}
          </g>
        ))}
      </svg>
      <ul className="chart__legend">
        {series.map((s, i) => (
          <li key={s.name} className={`chart__series--${i}`}>
            <span className="chart__swatch" aria-hidden="true" /> {s.name}
          </li>
        ))}
      </ul>
      <details className="chart__data">
        <summary>Numbers</summary>
        <div className="perf__scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{props.yLabel}</th>
                {xValues.map((x) => (
                  <th key={x} scope="col">
                    {xFormat(x)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {series.map((s) => (
                <tr key={s.name}>
                  <th scope="row">{s.name}</th>
                  {xValues.map((x) => {
                    const point = s.points.find((p) => p[0] === x)
                    return <td key={x}>{point ? formatNumber(point[1]) : ''}</td>
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  )
}
