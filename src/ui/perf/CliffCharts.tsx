import type { CliffRow } from '../../bench/index.ts'
import { CLIFF_IDS, CLIFF_TITLES } from '../../bench/workloads/cliffTitles.ts'
import { LineChart } from './LineChart.tsx'
import { cliffSeries, formatNumber, sizeLabel } from './resultsFile.ts'

/**
 * W8, the cost cliffs (`npm run bench`): each operation at 1k, 10k and 100k, charted against N, with
 * the same world's guild-wide dispatch beside it where the operation contains one. A cost that grows
 * with the world rather than with the change shows as a line steeper than its reference.
 */
export function CliffCharts({ rows }: { rows: readonly CliffRow[] }) {
  const sizes = [...new Set(rows.map((r) => r.size))].sort((a, b) => a - b)
  const ids = CLIFF_IDS.filter((id) => rows.some((r) => r.id === id))
  return (
    <section aria-labelledby="cliffs">
      <h2 id="cliffs">Costs proportional to the change</h2>
      <p>
        Operations that once cost the size of the world instead of the size of their change, each
        measured at three sizes. The sessions of one user are timed per session: a flat line is O(1)
        each. Where an operation tells the whole guild (a role created, a channel changed, presence
        to list holders), a guild-wide dispatch in the same world is drawn beside it: an operation
        that does little work of its own follows that line and does not climb above it.
      </p>
      <div className="perf__grid">
        {ids.map((id) => (
          <LineChart
            key={id}
            title={`${CLIFF_TITLES[id]} (ms per operation)`}
            series={cliffSeries(rows, id)}
            xLabel="N"
            yLabel="ms"
            xFormat={sizeLabel}
          />
        ))}
      </div>
      <div className="perf__scroll">
        <table className="perf__table" aria-label="Cost cliffs">
          <caption>Milliseconds per operation (median); in brackets, ÷ one guild dispatch</caption>
          <thead>
            <tr>
              <th scope="col">operation</th>
              {sizes.map((size) => (
                <th scope="col" key={size}>
                  {sizeLabel(size)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ids.map((id) => (
              <tr key={id}>
                <th scope="row">{CLIFF_TITLES[id]}</th>
                {sizes.map((size) => {
                  const row = rows.find((r) => r.id === id && r.size === size)
                  return <td key={size}>{row ? cell(row) : '–'}</td>
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

function cell(row: CliffRow): string {
  const ms = formatNumber(row.ms.median)
  return row.dispatchMs ? `${ms} (${formatNumber(row.ms.median / row.dispatchMs.median)}×)` : ms
}
