import {
  BUNDLED_EMITTERS,
  emitterBaseline,
  plainLoop,
  type Baseline,
  type EmitterFactory,
  type ListenerMode,
} from './baselines.ts'
import { Checksum } from './checksum.ts'
import { goal, judge, type Verdict } from './goals.ts'
import { ratioSummary, summarize, type Summary } from './stats.ts'
import {
  runInterleaved,
  type Clock,
  type InterleaveOptions,
  type SubjectSamples,
} from './timing.ts'
import { buildChurnWorlds, churnSubjects, type ChurnOp } from './workloads/churn.ts'
import { expectedDeliveries, fanoutSubjects } from './workloads/fanout.ts'
import { LEAN_EVENTEMITTER3, LEAN_FLOOR, leanSubjects } from './workloads/lean.ts'

/** The timing part of the benchmark: what a browser Worker can run as well as Node. */
export interface TimingSuiteOptions {
  /** The clock, in ms: `performance.now` (bind it). */
  readonly now: Clock
  readonly rounds?: number
  readonly warmupRounds?: number
  readonly minBatchMs?: number
  /** Topic sizes of the plain fan-out (W1). */
  readonly sizes?: readonly number[]
  /** Topic sizes of the filtered fan-out (W3). */
  readonly filteredSizes?: readonly number[]
  /** Topic sizes of subscribe / unsubscribe / close (W4). */
  readonly churnSizes?: readonly number[]
  /** Topic sizes of the lean fan-out (W2: the engine with a resume buffer of 4, lean emitters). */
  readonly leanSizes?: readonly number[]
  /** Emitters beyond the bundled ones, e.g. `{ 'node:events': () => … }` in Node. */
  readonly extraEmitters?: Readonly<Record<string, EmitterFactory>>
  /** Untimed, before every timed batch (Node: `gc`). */
  readonly beforeBatch?: () => void
  /** Untimed, between a churn cycle's preparation and its timed operations (Node: a minor GC). */
  readonly settle?: () => void
  readonly onProgress?: (message: string) => void
}

export const DEFAULT_SIZES: readonly number[] = [1, 10, 100, 1_000, 10_000, 100_000]
export const DEFAULT_FILTERED_SIZES: readonly number[] = [10_000, 100_000]
export const DEFAULT_CHURN_SIZES: readonly number[] = [1_000, 10_000, 100_000]
export const DEFAULT_LEAN_SIZES: readonly number[] = [1, 100, 10_000, 100_000]

/** One implementation at one size of a fan-out workload. */
export interface FanoutRow {
  readonly size: number
  readonly impl: string
  /** Nanoseconds per recipient examined (per subscriber of the topic). */
  readonly nsPerRecipient: Summary
  /** Nanoseconds per recipient actually delivered to (equal to the above when nobody is filtered). */
  readonly nsPerDelivered: Summary
  readonly samples: readonly number[]
  /** Emits per timed batch. */
  readonly reps: number
  /** Round-by-round ratios to the plain loop and to eventemitter3 (null for those two themselves). */
  readonly vsFloor: Summary | null
  readonly vsEventemitter3: Summary | null
}

export interface ChurnRow {
  readonly op: ChurnOp
  readonly size: number
  readonly impl: string
  readonly nsPerOp: Summary
  readonly samples: readonly number[]
  readonly reps: number
}

export interface TimingResults {
  readonly settings: {
    readonly rounds: number
    readonly warmupRounds: number
    readonly minBatchMs: number
    readonly sizes: readonly number[]
    readonly filteredSizes: readonly number[]
    readonly churnSizes: readonly number[]
    readonly leanSizes: readonly number[]
    readonly impls: readonly string[]
    /** Emitters that could not run here (e.g. tseep under a CSP without unsafe-eval), with why. */
    readonly skipped: readonly { readonly impl: string; readonly reason: string }[]
  }
  readonly fanout: readonly FanoutRow[]
  readonly filtered: readonly FanoutRow[]
  /** W2: `vsFloor` is against the lean plain loop, `vsEventemitter3` against eventemitter3 lean. */
  readonly lean: readonly FanoutRow[]
  readonly churn: readonly ChurnRow[]
  /** The timing goals (fan-out ratios at 100,000, close flatness). */
  readonly verdicts: readonly Verdict[]
  readonly checksum: string
}

export const FLOOR = plainLoop.name
export const EVENTEMITTER3 = 'eventemitter3'

/** Runs W1, W3 and W4 with interleaved rounds and returns medians, ranges, ratios and verdicts. */
export function runTimingSuite(options: TimingSuiteOptions): TimingResults {
  const progress = options.onProgress ?? (() => {})
  const sink = new Checksum()
  const timing: InterleaveOptions = {
    rounds: options.rounds ?? 9,
    warmupRounds: options.warmupRounds ?? 2,
    minBatchMs: options.minBatchMs ?? 10,
    unitsPerRep: 1,
    ...(options.beforeBatch ? { beforeBatch: options.beforeBatch } : {}),
  }
  const { baselines, skipped } = usableBaselines({ ...BUNDLED_EMITTERS, ...options.extraEmitters })
  const sizes = options.sizes ?? DEFAULT_SIZES
  const filteredSizes = options.filteredSizes ?? DEFAULT_FILTERED_SIZES
  const churnSizes = options.churnSizes ?? DEFAULT_CHURN_SIZES
  const leanSizes = options.leanSizes ?? DEFAULT_LEAN_SIZES
  const ctx = {
    now: options.now,
    sink,
    baselines,
    ...(options.settle ? { settle: options.settle } : {}),
  }

  const fanoutRows = (mode: ListenerMode, list: readonly number[]): FanoutRow[] =>
    list.flatMap((size) => {
      progress(`${mode === 'deliver' ? 'fan-out' : 'filtered fan-out'}: ${size} recipients`)
      const subjects = fanoutSubjects(size, mode, ctx)
      const results = runInterleaved(subjects, { ...timing, unitsPerRep: size })
      return fanoutTable(results, size, expectedDeliveries(size, mode))
    })
  const fanout = fanoutRows('deliver', sizes)
  const filtered = fanoutRows('filtered', filteredSizes)
  const lean = leanSizes.flatMap((size) => {
    progress(`lean fan-out: ${size} recipients`)
    const results = runInterleaved(leanSubjects(size, ctx), { ...timing, unitsPerRep: size })
    return fanoutTable(results, size, size, { floor: LEAN_FLOOR, emitter: LEAN_EVENTEMITTER3 })
  })

  const churn: ChurnRow[] = []
  if (churnSizes.length > 0) {
    progress(`subscribe / unsubscribe / close: building topics of ${churnSizes.join(', ')}`)
    const worlds = churnSizes.map((size) => buildChurnWorlds(size, baselines))
    for (const op of ['subscribe', 'unsubscribe', 'close'] as const) {
      progress(`${op} at ${churnSizes.join(', ')}`)
      const subjects = worlds.flatMap((w) => churnSubjects(op, w, ctx))
      for (const result of runInterleaved(subjects, timing)) {
        const [impl, size] = splitName(result.name)
        churn.push({
          op,
          size,
          impl,
          nsPerOp: summarize(result.samples),
          samples: result.samples,
          reps: result.reps,
        })
      }
    }
  }

  return {
    settings: {
      rounds: timing.rounds,
      warmupRounds: timing.warmupRounds,
      minBatchMs: timing.minBatchMs,
      sizes,
      filteredSizes,
      churnSizes,
      leanSizes,
      impls: ['engine', ...baselines.map((b) => b.name)],
      skipped,
    },
    fanout,
    filtered,
    lean,
    churn,
    verdicts: timingVerdicts(fanout, churn, lean),
    checksum: sink.hex(),
  }
}

/** The baselines that work here: an emitter whose construction or first emit throws is left out. */
function usableBaselines(emitters: Readonly<Record<string, EmitterFactory>>) {
  const baselines: Baseline[] = [plainLoop]
  const skipped: { impl: string; reason: string }[] = []
  for (const [name, factory] of Object.entries(emitters)) {
    try {
      const probe = factory()
      probe.on('dispatch', () => {})
      probe.emit('dispatch', 'PROBE', null, 0)
      baselines.push(emitterBaseline(name, factory))
    } catch (error) {
      skipped.push({ impl: name, reason: error instanceof Error ? error.message : String(error) })
    }
  }
  return { baselines, skipped }
}

function fanoutTable(
  results: readonly SubjectSamples[],
  size: number,
  delivered: number,
  against: { floor: string; emitter: string } = { floor: FLOOR, emitter: EVENTEMITTER3 },
): FanoutRow[] {
  const byName = new Map(results.map((r) => [r.name, r.samples]))
  const floor = byName.get(against.floor)
  const ee3 = byName.get(against.emitter)
  return results.map((r) => ({
    size,
    impl: r.name,
    nsPerRecipient: summarize(r.samples),
    nsPerDelivered: summarize(r.samples.map((ns) => (ns * size) / Math.max(1, delivered))),
    samples: r.samples,
    reps: r.reps,
    vsFloor: floor && r.name !== against.floor ? ratioSummary(r.samples, floor) : null,
    vsEventemitter3: ee3 && r.name !== against.emitter ? ratioSummary(r.samples, ee3) : null,
  }))
}

function splitName(name: string): [string, number] {
  const at = name.lastIndexOf(' @')
  return [name.slice(0, at), Number(name.slice(at + 2))]
}

/** The verdicts the timing suite can give by itself; the Node run adds memory and setup. */
export function timingVerdicts(
  fanout: readonly FanoutRow[],
  churn: readonly ChurnRow[],
  lean: readonly FanoutRow[] = [],
): Verdict[] {
  const engine100k = fanout.find((r) => r.size === 100_000 && r.impl === 'engine')
  const fromRatio = (s: Summary | null | undefined) =>
    s ? { value: s.median, min: s.min, max: s.max, rounds: s.n } : null
  const close = (size: number) =>
    churn.find((r) => r.op === 'close' && r.size === size && r.impl === 'engine')
  const close1k = close(1_000)
  const close100k = close(100_000)
  const closeRatio = close1k && close100k ? ratioSummary(close100k.samples, close1k.samples) : null
  const leanEngine = (size: number) => lean.find((r) => r.size === size && r.impl === 'engine')
  return [
    judge(goal('lean-fanout-vs-eventemitter3'), fromRatio(leanEngine(100_000)?.vsEventemitter3)),
    judge(goal('lean-one-vs-eventemitter3'), fromRatio(leanEngine(1)?.vsEventemitter3)),
    judge(goal('fanout-vs-eventemitter3'), fromRatio(engine100k?.vsEventemitter3)),
    judge(goal('fanout-vs-floor'), fromRatio(engine100k?.vsFloor)),
    judge(goal('close-flat'), fromRatio(closeRatio)),
  ]
}
