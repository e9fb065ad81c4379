import type { FanoutRow } from '../../bench/index.ts'
import { sizeLabel } from './resultsFile.ts'

const ratio = (s: FanoutRow['vsFloor']) =>
  s === null ? '–' : `${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)})`

/**
 * The engine's round-by-round ratios to the plain loop and to eventemitter3, per topic size; `lean`
 * names W2's lean baselines, which those rows are measured against.
 */
export function EngineRatios({
  rows,
  label = 'Engine ratios',
  lean = false,
}: {
  rows: readonly FanoutRow[]
  label?: string
  lean?: boolean
}) {
  const engine = rows.filter((r) => r.impl === 'engine')
  const suffix = lean ? ' lean' : ''
  return (
    <div className="perf__scroll">
      <table className="perf__table" aria-label={label}>
        <caption>Engine time ÷ baseline time, per recipient (median, min–max over rounds)</caption>
        <thead>
          <tr>
            <th scope="col">recipients</th>
            <th scope="col">engine / plain loop{suffix}</th>
            <th scope="col">engine / eventemitter3{suffix}</th>
          </tr>
        </thead>
        <tbody>
          {engine.map((r) => (
            <tr key={r.size}>
              <th scope="row">{sizeLabel(r.size)}</th>
              <td>{ratio(r.vsFloor)}</td>
              <td>{ratio(r.vsEventemitter3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
