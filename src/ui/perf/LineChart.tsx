import { useLayoutEffect, useRef, useState } from 'react'
import { formatNumber, formatTick, type Series } from './resultsFile.ts'
import { PointMark } from './PointMark.tsx'
import { seriesStyle } from './seriesStyle.ts'

const PAD = { left: 58, right: 16, top: 12, bottom: 44 }

const log = (v: number) => Math.log10(Math.max(v, 1e-9))

/** Powers of ten spanning [min, max]. */
function decades(min: number, max: number): number[] {
  const out: number[] = []
  for (let e = Math.floor(log(min)); e <= Math.ceil(log(max)); e++) out.push(10 ** e)
  return out
}

/** The chart's width in CSS pixels: the SVG is drawn at its own size, so its text is 12 px exactly. */
function useWidth() {
  const box = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(560)
  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    const measure = () => setWidth(Math.max(240, Math.round(el.clientWidth)))
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [])
  return { box, width }
}

/**
 * A log–log line chart in plain SVG (no chart library: the page must stay small and offline), drawn at
 * its own pixel size so its labels stay readable on a phone. Each point has a tooltip with its value;
 * each implementation its own colour, mark and dashes. The numbers are also in a table below it, for
 * screen readers and for copying.
 */
export function LineChart(props: {
  title: string
  series: readonly Series[]
  xLabel: string
  yLabel: string
  xFormat?: (x: number) => string
}) {
  const { xFormat = (x) => formatNumber(x) } = props
  const { box, width: W } = useWidth()
  const H = W < 420 ? 240 : 270
  // Log scales: a zero or negative median (a timer too coarse for the batch) cannot be drawn.
  const series = props.series.map((s, i) => ({
    ...s,
    style: seriesStyle(s.name, i),
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
      <div ref={box} className="chart__box">
        <svg
          width={W}
          height={H}
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label={`${props.title} (log–log chart; numbers in the table below)`}
        >
          {ys.map((y) => (
            <g key={`y${y}`}>
              <line
                className="chart__grid"
                x1={PAD.left}
                x2={W - PAD.right}
                y1={sy(y)}
                y2={sy(y)}
              />
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
              y={H - PAD.bottom + 18}
              textAnchor="middle"
            >
              {xFormat(x)}
            </text>
          ))}
          <text className="chart__axis" x={(W + PAD.left) / 2} y={H - 6} textAnchor="middle">
            {props.xLabel}
          </text>
          <text
            className="chart__axis"
            transform={`translate(14 ${(H - PAD.bottom) / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            {props.yLabel}
          </text>
          {series.map((s) => (
            <g key={s.name} className="chart__series" style={{ color: s.style.color }}>
              <polyline
                points={s.points.map(([x, y]) => `${sx(x)},${sy(y)}`).join(' ')}
                fill="none"
                stroke="currentColor"
                strokeWidth={s.style.heavy ? 3 : 2}
                strokeDasharray={s.style.dash}
              />
              {s.points.map(([x, y]) => (
                <g key={x} className="chart__point">
                  <PointMark marker={s.style.marker} x={sx(x)} y={sy(y)} />
                  {/* A larger target than the mark, carrying the point's tooltip. */}
                  <circle className="chart__hit" cx={sx(x)} cy={sy(y)} r={10}>
                    <title>
                      {`${s.name}: ${formatNumber(y)} ${props.yLabel} at ${xFormat(x)} ${props.xLabel}`}
                    </title>
                  </circle>
                </g>
              ))}
            </g>
          ))}
        </svg>
      </div>
      <ul className="chart__legend">
        {series.map((s) => (
          <li key={s.name} style={{ color: s.style.color }}>
            <svg className="chart__key" width="28" height="14" aria-hidden="true">
              <line
                x1="1"
                x2="27"
                y1="7"
                y2="7"
                stroke="currentColor"
                strokeWidth={s.style.heavy ? 3 : 2}
                strokeDasharray={s.style.dash}
              />
              <PointMark marker={s.style.marker} x={14} y={7} />
            </svg>
            <span className="chart__name">{s.name}</span>
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
