/**
 * `npm run bench:ui`: how the playground holds up, in the production build, in Debian's Chromium
 * (Playwright). Two parts:
 *
 * 1. "Large guild (1,000 sessions)": frame times while a guild-wide GUILD_UPDATE (997 recipients)
 *    animates, over several dispatches.
 * 2. "Discord-scale guild (100,000 sessions)", against the goals of issue 14: time to ready (from
 *    navigation to the built scenario drawn) beside the Node setup of the benchmark's Discord world
 *    (`npm run bench`, W6: 100,000 IDENTIFYs), measured in this process before and after the browser
 *    run, as a ratio; the longest main-thread task while it builds (PerformanceObserver `longtask`,
 *    from the task that starts the load to the graph drawn; the page's own start is reported apart);
 *    the median and 95th-percentile frame time while a guild-wide dispatch animates; one step back
 *    after it, with a session inspected; the tab's JavaScript heap after a garbage collection.
 *
 * Prints every figure with its goal and writes them to `bench/results/latest.json` under `ui` (the
 * engine benchmark's figures there are kept), which the Performance page shows. Frame times and task
 * lengths are wall-clock and suffer on a shared machine: the load average is recorded with them.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import type { Page } from '@playwright/test'
import { openPreviewBrowser, previewBase } from '../scripts/previewBrowser.ts'
import { runDiscordWorld } from '../src/bench/workloads/discord.ts'
import { judgeUi, type UiVerdict } from '../src/bench/uiGoals.ts'
import { summarize } from '../src/bench/stats.ts'

const PORT = Number(process.env.BENCH_UI_PORT ?? 4191)
const BASE = previewBase(PORT)
const ROUNDS = Number(process.env.BENCH_UI_ROUNDS ?? 5)
const SCALE_ROUNDS = Number(process.env.BENCH_UI_SCALE_ROUNDS ?? 3)
const ANIMATION_MS = 2500
const LOAD_TIMEOUT_MS = 600_000
const RESULTS = 'bench/results/latest.json'

/** Records the time between consecutive animation frames into `window.__frames`. */
const START_PROBE = `(() => {
  window.__frames = []
  window.__probe = true
  let last = performance.now()
  const tick = (now) => {
    window.__frames.push(now - last)
    last = now
    if (window.__probe) requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
})()`
const STOP_PROBE = `(() => { window.__probe = false; return window.__frames.slice(1) })()`

/**
 * Installed before the page loads: every long task (over 50 ms) with its start and length, and the
 * moment a scenario built in slices is drawn (two frames after its load ends).
 */
const PAGE_PROBES = `(() => {
  window.__longTasks = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask', buffered: true })
  const watch = () => {
    const store = window.__playground
    if (!store) return setTimeout(watch, 20)
    let loading = false
    store.subscribe((s) => {
      if (s.loading) {
        loading = true
        if (window.__buildStart === undefined) window.__buildStart = performance.now()
      }
      else if (loading) {
        loading = false
        // Ready when the graph shows the built guild (its "+N more" node: a summarised graph renders in
        // a task after the panels), two frames later.
        const drawn = () => {
          if (!document.querySelector('.react-flow__node[data-id="summary:more"]')) return requestAnimationFrame(drawn)
          requestAnimationFrame(() => requestAnimationFrame(() => { window.__ready = performance.now() }))
        }
        drawn()
      }
    })
  }
  watch()
})()`

/** Clicks Step back and resolves, two frames later, with the milliseconds it took to show. */
const STEP_BACK = `new Promise((resolve) => {
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent.includes('Step back'))
  const before = window.__playground.getState().cursor
  const started = performance.now()
  button.click()
  requestAnimationFrame(() => requestAnimationFrame(() => {
    resolve({ ms: performance.now() - started, moved: window.__playground.getState().cursor === before - 1 })
  }))
})`

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]!
}

/** The Node setup of the benchmark's 100,000-session Discord world (W6), in ms. */
function nodeSetupMs(): number {
  const result = runDiscordWorld({
    now: () => performance.now(),
    sessions: 100_000,
    guildDispatches: 0,
    channelDispatches: 0,
  })
  globalThis.gc?.()
  return result.setupMs
}

/** Frame times (ms) while a suggested dispatch animates, over `rounds` dispatches. */
async function dispatchFrames(page: Page, button: RegExp, rounds: number): Promise<number[]> {
  const frames: number[] = []
  for (let round = 0; round < rounds; round++) {
    // A string, not a function: tsx would wrap a function with helpers the page does not have.
    await page.evaluate(START_PROBE)
    await page.getByRole('button', { name: button }).click({ timeout: LOAD_TIMEOUT_MS })
    await page.waitForTimeout(ANIMATION_MS)
    frames.push(...((await page.evaluate(STOP_PROBE)) as number[]))
  }
  return frames
}

const frameSummary = (frames: number[]) => {
  const sorted = [...frames].sort((a, b) => a - b)
  return {
    frames: frames.length,
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    worst: sorted.at(-1) ?? NaN,
  }
}

async function largeGuild(page: Page) {
  await page.goto(`${BASE}/play/large-guild`)
  await page.getByTestId('subscription-graph').locator('.react-flow__node').first().waitFor()
  return frameSummary(await dispatchFrames(page, /GUILD_UPDATE to guild Megaguild/, ROUNDS))
}

/**
 * Polls `expression` until it is truthy. Not `page.waitForFunction`: that evaluates a string predicate
 * with `eval` inside the page, which the site's Content-Security-Policy refuses (as it should).
 */
async function waitInPage(page: Page, expression: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${expression}`)
    await page.waitForTimeout(500)
  }
}

async function discordScale(page: Page) {
  await page.addInitScript(PAGE_PROBES)
  await page.goto(`${BASE}/play/discord-scale?e2e=1`)
  await waitInPage(page, 'window.__ready !== undefined', LOAD_TIMEOUT_MS)
  // The build: from the task that starts loading the scenario to the graph drawn. The page's own start
  // before it (parsing the app, its first render) is reported apart, as `bootTasks`.
  const { readyMs, tasks, bootTasks, sessions } = (await page.evaluate(`({
    readyMs: window.__ready,
    tasks: window.__longTasks.filter(
      (t) => t.start + t.duration > window.__buildStart && t.start < window.__ready,
    ),
    bootTasks: window.__longTasks.filter((t) => t.start + t.duration <= window.__buildStart),
    sessions: window.__playground.getState().model.sessions.length,
  })`)) as {
    readyMs: number
    tasks: { start: number; duration: number }[]
    bootTasks: { start: number; duration: number }[]
    sessions: number
  }
  const longest = Math.max(0, ...tasks.map((t) => t.duration))
  const dispatch = frameSummary(
    await dispatchFrames(page, /GUILD_UPDATE to the whole guild/, SCALE_ROUNDS),
  )
  // Inspect a session (the rewind path), then step back over the last dispatch.
  await page.evaluate(`(() => {
    const s = window.__playground.getState()
    s.actions.select({ kind: 'session', id: s.model.sessions[s.model.sessions.length >> 1].id })
  })()`)
  await page.waitForTimeout(500)
  const back = (await page.evaluate(STEP_BACK)) as { ms: number; moved: boolean }
  if (!back.moved) throw new Error('Step back did not move the cursor')
  await page.waitForTimeout(500)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number }
  return {
    sessions,
    readyMs,
    build: {
      longestTaskMs: longest,
      tasksOver200ms: tasks.filter((t) => t.duration > 200).length,
      longTasks: tasks.length,
      longestBootTaskMs: Math.max(0, ...bootTasks.map((t) => t.duration)),
    },
    dispatch,
    stepBackMs: back.ms,
    heapUsedMB: heap.usedSize / 2 ** 20,
    heapTotalMB: heap.totalSize / 2 ** 20,
  }
}

/** Both scenarios in Chromium, against the preview server of `dist/`. */
async function inChromium() {
  const { browser, close } = await openPreviewBrowser(PORT)
  try {
    const viewport = { viewport: { width: 1280, height: 720 } }
    console.log('Chromium: Large guild (1,000 sessions) …')
    const large = await largeGuild(await browser.newPage(viewport))
    console.log('Chromium: Discord-scale guild (100,000 sessions) …')
    const scale = await discordScale(await (await browser.newContext(viewport)).newPage())
    return { large, scale, chromiumVersion: browser.version() }
  } finally {
    await close()
  }
}

async function main(): Promise<void> {
  if (!existsSync('dist/index.html')) throw new Error('no dist/: run `npm run build` first')
  const loadStart = os.loadavg()[0] ?? 0
  console.log('Node: the Discord world (W6) setup, 100,000 IDENTIFYs …')
  const setupBefore = nodeSetupMs()
  console.log(`  ${(setupBefore / 1000).toFixed(1)} s`)

  const { large, scale, chromiumVersion } = await inChromium()
  console.log('Node: the Discord world setup again …')
  const setupAfter = nodeSetupMs()
  const node = summarize([setupBefore, setupAfter])
  const ratio = scale.readyMs / node.median
  const loadEnd = os.loadavg()[0] ?? 0

  const verdicts = judgeUi({
    'ready-100k': {
      value: scale.readyMs / 1000,
      note: `one load in Chromium; load average ${loadEnd.toFixed(1)} at the end`,
    },
    'ready-vs-node-setup': {
      value: ratio,
      note: `ready ${(scale.readyMs / 1000).toFixed(1)} s in Chromium (navigation to drawn); Node setup ${(node.median / 1000).toFixed(1)} s (${(setupBefore / 1000).toFixed(1)} s before, ${(setupAfter / 1000).toFixed(1)} s after)`,
    },
    'longest-task-building': {
      value: scale.build.longestTaskMs,
      note: `${scale.build.tasksOver200ms} of ${scale.build.longTasks} long tasks over 200 ms, from the load's start to the graph drawn; the page's own start before it: longest task ${scale.build.longestBootTaskMs.toFixed(0)} ms`,
    },
    'dispatch-frame-median': {
      value: scale.dispatch.median,
      note: `95th percentile ${scale.dispatch.p95.toFixed(1)} ms, worst ${scale.dispatch.worst.toFixed(0)} ms, ${scale.dispatch.frames} frames over ${SCALE_ROUNDS} dispatches`,
    },
    'step-back': { value: scale.stepBackMs, note: 'click to the second frame after it' },
    'tab-memory': {
      value: scale.heapUsedMB,
      note: `JS heap used after a GC (${scale.heapTotalMB.toFixed(0)} MB allocated)`,
    },
  })
  report(large, scale, verdicts, loadStart, loadEnd)
  save({
    schema: 'fanout-ui-bench/1',
    createdAt: new Date().toISOString(),
    machine: {
      chromium: chromiumVersion,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      loadAverage: { start: loadStart, end: loadEnd },
    },
    largeGuild: large,
    discordScale: { ...scale, nodeSetupMs: node, readyRatio: ratio },
    verdicts,
  })
}

function report(
  large: ReturnType<typeof frameSummary>,
  scale: Awaited<ReturnType<typeof discordScale>>,
  verdicts: readonly UiVerdict[],
  loadStart: number,
  loadEnd: number,
): void {
  console.log('\nLarge guild (1,000 sessions), guild-wide GUILD_UPDATE animating')
  console.log(`  frames recorded     ${large.frames} over ${ROUNDS} dispatches`)
  console.log(`  median frame time   ${large.median.toFixed(1)} ms (goal ≤ 20 ms)`)
  console.log(
    `  95th percentile     ${large.p95.toFixed(1)} ms; worst ${large.worst.toFixed(1)} ms`,
  )
  console.log(`\nDiscord-scale guild (${scale.sessions.toLocaleString('en-US')} sessions)`)
  for (const v of verdicts) {
    const mark = v.met === null ? '?' : v.met ? '✓' : '✗'
    const value = v.value === null ? 'not measured' : v.value.toFixed(v.unit === '×' ? 2 : 0)
    console.log(`  ${mark} ${v.title}: ${value} ${v.unit}, goal ≤ ${v.limit} ${v.unit}; ${v.note}`)
  }
  console.log(
    `\nload average ${loadStart.toFixed(1)} at the start, ${loadEnd.toFixed(1)} at the end`,
  )
}

/** Writes the figures into the results file under `ui`, keeping the engine benchmark's. */
function save(ui: unknown): void {
  const existing = existsSync(RESULTS)
    ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>)
    : {}
  writeFileSync(RESULTS, JSON.stringify({ ...existing, ui }, null, 2) + '\n')
  console.log(`wrote ${RESULTS} (ui)`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
