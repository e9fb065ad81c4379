import type { ChurnRow, CliffRow, FanoutRow, Summary, Verdict } from '../../bench/index.ts'
import type { CliffId } from '../../bench/workloads/cliffTitles.ts'
import type { UiVerdict } from '../../bench/uiGoals.ts'

/** `npm run bench:ui`'s figures (schema `fanout-ui-bench/1`, bench/README.md). */
export interface UiResults {
  readonly createdAt: string
  readonly machine: {
    readonly chromium: string
    readonly cpus: number
    readonly loadAverage: { readonly start: number; readonly end: number }
  }
  readonly largeGuild: { readonly median: number; readonly p95: number }
  readonly discordScale: {
    readonly sessions: number
    readonly readyMs: number
    readonly nodeSetupMs: Summary
    readonly readyRatio: number
    readonly build: {
      readonly longestTaskMs: number
      readonly tasksOver200ms: number
      readonly longTasks: number
      /** The page's own start, before the load begins (absent in results from before it was kept). */
      readonly longestBootTaskMs?: number
    }
    readonly dispatch: { readonly median: number; readonly p95: number }
    readonly stepBackMs: number
    readonly heapUsedMB: number
  }
  readonly verdicts: readonly UiVerdict[]
}

/** The shape of `bench/results/latest.json` (schema `fanout-engine-bench/1`; bench/README.md). */
export interface ResultsFile {
  readonly schema: string
  readonly createdAt: string
  readonly mode: string
  readonly durationSeconds: number
  readonly machine: {
    readonly node: string
    readonly cpu: string
    readonly cpus: number
    readonly platform: string
    readonly packages: Readonly<Record<string, string>>
  }
  readonly timing: {
    readonly settings: { readonly rounds: number; readonly impls: readonly string[] }
    readonly fanout: readonly FanoutRow[]
    readonly filtered: readonly FanoutRow[]
    readonly churn: readonly ChurnRow[]
    /** W2, the lean fan-out (absent from runs made before it existed). */
    readonly lean?: readonly FanoutRow[]
  }
  readonly memory: {
    readonly largeTopic: { readonly sessions: number; readonly bytesPerSubscription: number }
    readonly singletonTopics: { readonly topics: number; readonly bytesPerSubscription: number }
    /** Absent from runs made before the engine review (bench/memory.ts `measureSessionChurn`). */
    readonly sessionChurn?: {
      readonly members: number
      readonly cycles: number
      readonly bytesPerClosedSession: number
      readonly bytesPerOpenSession: number
      readonly heapMB: readonly ChurnPoint[]
      readonly openHeapMB: readonly ChurnPoint[]
    }
    readonly userDispatch?: {
      readonly dispatches: number
      readonly payloadBytes: number
      readonly bytesPerPayloadWhileOpen: number
      readonly bytesPerPayloadAfterClose: number
    }
  }
  readonly discord: {
    readonly sessions: number
    readonly subscriptions: Readonly<Record<string, number>>
    readonly setupMs: number
    readonly identifyMs: number
    readonly guildRecipients: number
    readonly guildDispatchMs: Summary
    readonly channelDispatch: {
      readonly count: number
      readonly totalMs: number
      readonly perDispatchMs: Summary
      readonly deliveries: number
    }
    readonly closeAll: { readonly totalMs: number; readonly perSessionUs: number }
    readonly heap: { readonly peakHeapUsedMB: number }
  }
  /** W8, the cost cliffs at 1k / 10k / 100k (absent from runs made before it existed). */
  readonly cliffs?: readonly CliffRow[] | null
  readonly verdicts: readonly Verdict[]
  /** Absent until `npm run bench:ui` has run. */
  readonly ui?: UiResults
}

/** Settled heap after some open/close cycles. */
export interface ChurnPoint {
  readonly cycles: number
  readonly mb: number
}

/** One line of a chart: a name and its points. */
export interface Series {
  readonly name: string
  readonly points: readonly (readonly [x: number, y: number])[]
}

/** Fan-out rows as one series per implementation: x = recipients, y = median ns per recipient. */
export function fanoutSeries(rows: readonly FanoutRow[]): Series[] {
  const impls = [...new Set(rows.map((r) => r.impl))]
  return impls.map((impl) => ({
    name: impl,
    points: rows
      .filter((r) => r.impl === impl)
      .map((r) => [r.size, r.nsPerRecipient.median] as const),
  }))
}

/** Churn rows of one operation as one series per implementation: x = topic size, y = µs per op. */
export function churnSeries(rows: readonly ChurnRow[], op: ChurnRow['op']): Series[] {
  const of = rows.filter((r) => r.op === op)
  return [...new Set(of.map((r) => r.impl))].map((impl) => ({
    name: impl,
    points: of
      .filter((r) => r.impl === impl)
      .map((r) => [r.size, r.nsPerOp.median / 1000] as const),
  }))
}

/** The name of a cliff chart's line for the operation itself. */
export const CLIFF_OPERATION = 'the operation'
/** The name of a cliff chart's line for one guild-wide dispatch in the same world. */
export const CLIFF_DISPATCH = 'a guild dispatch, same world'

/**
 * One cliff's rows as series: x = N, y = median ms per operation; and, where the operation contains
 * a guild-wide fan-out, the same world's guild dispatch beside it (the cost it may grow like).
 */
export function cliffSeries(rows: readonly CliffRow[], id: CliffId): Series[] {
  const of = rows.filter((r) => r.id === id)
  const series: Series[] = [
    { name: CLIFF_OPERATION, points: of.map((r) => [r.size, r.ms.median] as const) },
  ]
  const dispatch = of.flatMap((r) => (r.dispatchMs ? [[r.size, r.dispatchMs.median] as const] : []))
  if (dispatch.length > 0) series.push({ name: CLIFF_DISPATCH, points: dispatch })
  return series
}

/** Heap after N cycles as a series (x = cycles; the point before any cycle cannot sit on a log axis). */
export function heapSeries(name: string, points: readonly ChurnPoint[]): Series {
  return { name, points: points.filter((p) => p.cycles > 0).map((p) => [p.cycles, p.mb] as const) }
}

/** "12.3", "1,234", "0.42": compact numbers for labels. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '–'
  if (Math.abs(x) >= 100) return Math.round(x).toLocaleString('en-US')
  if (Math.abs(x) >= 10) return x.toFixed(1)
  // Below 0.01 two decimals would print 0.00: keep two significant digits instead.
  if (x !== 0 && Math.abs(x) < 0.01) return String(Number(x.toPrecision(2)))
  return x.toFixed(2)
}

/** A power-of-ten tick of a log axis: "0.001", "1", "1,000" (never "0.00"). */
export function formatTick(x: number): string {
  return x >= 1 ? Math.round(x).toLocaleString('en-US') : String(Number(x.toPrecision(1)))
}

/** 1 → "1", 100000 → "100k". */
export function sizeLabel(n: number): string {
  return n >= 1000 ? `${n / 1000}k` : String(n)
}
