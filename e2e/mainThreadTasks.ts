import type { Browser, Page } from '@playwright/test'

/** One task of a renderer's main thread, from Chromium's trace (times in ms). */
export interface MainThreadTask {
  /** Wall time: stretched when other processes take the CPU (a loaded machine). */
  readonly wallMs: number
  /** The thread's own CPU time: what the page's work cost, whatever else the machine runs. */
  readonly cpuMs: number
  /** The part of `cpuMs` spent collecting garbage (V8 decides when, and how much at once). */
  readonly gcMs: number
  /** The longest events inside it (JavaScript calls, style, layout, paint, garbage collection). */
  readonly inside: readonly string[]
  /** When it started and ended, in the trace's clock (µs). */
  readonly span: readonly [number, number]
}

interface TraceEvent {
  readonly name: string
  readonly ph: string
  readonly pid: number
  readonly tid: number
  readonly ts: number
  readonly dur?: number
  readonly tdur?: number
  readonly args?: { readonly name?: string; readonly data?: Record<string, unknown> }
}

const GC = /^(MajorGC|MinorGC|V8\.GC|BlinkGC|V8\.GCIncrementalMarking)/

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
]

/**
 * Records Chromium's trace while `work` runs and returns every task of a renderer's main thread (the
 * page's, and the sandbox frame's, in its own process) that took over `overMs` of wall time. A task's
 * CPU time is the thread time Chromium measures for it, so a test can hold the page's own work to a
 * bound on a machine whose load stretches wall times.
 *
 * With `TRACE_DUMP=/tmp/name` in the environment the trace is also written to `/tmp/name-<time>.json`
 * with V8's sampling profiler on, to find which functions a long task ran (the profiler's own start,
 * one task of V8 interrupts, is then left out of the answer).
 */
export async function mainThreadTasks(
  browser: Browser,
  page: Page,
  work: () => Promise<void>,
  overMs = 50,
): Promise<MainThreadTask[]> {
  const dump = process.env.TRACE_DUMP
  await browser.startTracing(page, {
    categories: dump ? [...CATEGORIES, 'disabled-by-default-v8.cpu_profiler'] : CATEGORIES,
  })
  let buffer: Buffer
  try {
    await work()
  } finally {
    buffer = await browser.stopTracing()
  }
  if (dump) (await import('node:fs')).writeFileSync(`${dump}-${Date.now()}.json`, buffer)
  const { traceEvents } = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }
  const main = new Set(
    traceEvents
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  )
  const onMain = traceEvents.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`))
  const profilerStart = (task: TraceEvent) =>
    onMain.some(
      (e) =>
        e.name === 'V8.InvokeApiInterruptCallbacks' &&
        e.pid === task.pid &&
        e.tid === task.tid &&
        e.ts >= task.ts &&
        (e.dur ?? 0) * 2 > (task.dur ?? 0),
    )
  const tasks = onMain.filter(
    (e) => e.name === 'RunTask' && (e.dur ?? 0) > overMs * 1000 && !(dump && profilerStart(e)),
  )
  return tasks.map((task) => {
    const end = task.ts + (task.dur ?? 0)
    const inside = onMain
      .filter(
        (e) =>
          e !== task &&
          e.pid === task.pid &&
          e.tid === task.tid &&
          e.ts >= task.ts &&
          e.ts + (e.dur ?? 0) <= end &&
          (e.dur ?? 0) > 10_000,
      )
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
      .slice(0, 6)
      .map((e) => {
        const data = e.args?.data ?? {}
        const where = [data['functionName'], data['url'], data['lineNumber']]
          .filter((x) => x !== undefined && x !== '')
          .join(':')
        return `${e.name}${where ? ` ${where}` : ''} ${Math.round((e.dur ?? 0) / 1000)} ms`
      })
    // The outermost garbage collection events inside the task, by their thread time.
    const gc = onMain
      .filter(
        (e) =>
          GC.test(e.name) &&
          e.pid === task.pid &&
          e.tid === task.tid &&
          e.ts >= task.ts &&
          e.ts + (e.dur ?? 0) <= end,
      )
      .sort((a, b) => a.ts - b.ts)
    let gcMicros = 0
    let coveredUntil = -Infinity
    for (const e of gc) {
      if (e.ts < coveredUntil) continue
      coveredUntil = e.ts + (e.dur ?? 0)
      gcMicros += e.tdur ?? e.dur ?? 0
    }
    return {
      gcMs: Math.round(gcMicros / 1000),
      wallMs: Math.round((task.dur ?? 0) / 1000),
      cpuMs: Math.round((task.tdur ?? task.dur ?? 0) / 1000),
      inside,
      span: [task.ts, end],
    }
  })
}
