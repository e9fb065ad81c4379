import {
  CLIFF_IDS,
  CLIFF_TITLES,
  cliffVerdicts,
  runCliffs,
  type CliffRow,
} from '../src/bench/index.ts'
import { settledHeap } from './memory.ts'
import { num, sizeLabel, table } from './report.ts'

/**
 * W8 in Node: the cost cliffs of issue 23 at 1k, 10k and 100k (quick: 1k and 100k), with the bytes
 * each presence change leaves per list holder (settled heap), printed as one table.
 */
export function runCliffSection(quick: boolean, progress: (message: string) => void): CliffRow[] {
  const rows = runCliffs({
    now: () => performance.now(),
    sizes: quick ? [1_000, 100_000] : [1_000, 10_000, 100_000],
    heapBytes: settledHeap,
    onProgress: progress,
  })
  console.log(cliffTable(rows))
  for (const row of rows.filter((r) => r.bytes !== null)) {
    const bytes = Object.entries(row.bytes ?? {})
      .map(([k, v]) => `${k} ${num(v)}`)
      .join(', ')
    console.log(`${row.id} @${sizeLabel(row.size)}: ${bytes}`)
  }
  return rows
}

/** Per cliff and size: ms per operation (median), the same world's guild dispatch, their ratio. */
export function cliffTable(rows: readonly CliffRow[]): string {
  const sizes = [...new Set(rows.map((r) => r.size))]
  const header = ['operation (ms per op, median; ÷ one guild dispatch)', ...sizes.map(sizeLabel)]
  const body = CLIFF_IDS.filter((id) => rows.some((r) => r.id === id)).map((id) => [
    CLIFF_TITLES[id],
    ...sizes.map((size) => {
      const row = rows.find((r) => r.id === id && r.size === size)
      if (!row) return ''
      const ratio = row.dispatchMs
        ? ` (${(row.ms.median / row.dispatchMs.median).toFixed(1)}×)`
        : ''
      return `${num(row.ms.median)}${ratio}`
    }),
  ])
  return table(header, body)
}

export { cliffVerdicts }
