import type { ChurnRow, FanoutRow, Summary } from '../src/bench/index.ts'

/** Plain-text tables for the terminal (the JSON file has every sample). */

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

export function num(x: number): string {
  if (!Number.isFinite(x)) return '–'
  if (x >= 1000) return x.toFixed(0)
  if (x >= 100) return x.toFixed(0)
  if (x >= 10) return x.toFixed(1)
  return x.toFixed(2)
}

export function range(s: Summary): string {
  return `${num(s.min)}–${num(s.max)}`
}

export function ratio(s: Summary | null): string {
  return s === null ? '' : `${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)})`
}

export function sizeLabel(n: number): string {
  return n >= 1000 ? `${n / 1000}k` : String(n)
}

/** Medians per implementation (rows) and size (columns), then the same cells' min–max. */
export function fanoutTables(
  rows: readonly FanoutRow[],
  what: 'nsPerRecipient' | 'nsPerDelivered',
): string {
  const sizes = [...new Set(rows.map((r) => r.size))]
  const impls = [...new Set(rows.map((r) => r.impl))]
  const cell = (impl: string, size: number, f: (s: Summary) => string) => {
    const row = rows.find((r) => r.impl === impl && r.size === size)
    return row ? f(row[what]) : ''
  }
  const header = ['impl', ...sizes.map((s) => `N=${sizeLabel(s)}`)]
  const medians = table(
    header,
    impls.map((i) => [i, ...sizes.map((s) => cell(i, s, (x) => num(x.median)))]),
  )
  const ranges = table(
    header,
    impls.map((i) => [i, ...sizes.map((s) => cell(i, s, range))]),
  )
  return `median ns per recipient${what === 'nsPerDelivered' ? ' delivered' : ''}\n${medians}\n\nmin–max\n${ranges}`
}

/** The engine's round-by-round ratios to the floor and to eventemitter3, per size. */
export function engineRatios(
  rows: readonly FanoutRow[],
  headers: readonly [string, string] = ['engine / plain loop', 'engine / eventemitter3'],
): string {
  const engine = rows.filter((r) => r.impl === 'engine')
  return table(
    ['N', ...headers],
    engine.map((r) => [sizeLabel(r.size), ratio(r.vsFloor), ratio(r.vsEventemitter3)]),
  )
}

export function churnTable(rows: readonly ChurnRow[]): string {
  const columns = [...new Set(rows.map((r) => `${r.op} @${sizeLabel(r.size)}`))]
  const impls = [...new Set(rows.map((r) => r.impl))]
  return table(
    ['impl (µs per op, median)', ...columns],
    impls.map((impl) => [
      impl,
      ...columns.map((c) => {
        const row = rows.find((r) => r.impl === impl && `${r.op} @${sizeLabel(r.size)}` === c)
        return row ? num(row.nsPerOp.median / 1000) : ''
      }),
    ]),
  )
}
