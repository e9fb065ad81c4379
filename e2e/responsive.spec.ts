import type { Page } from '@playwright/test'
import LZString from 'lz-string'
import { expect, test } from './fixtures'
import { mainThreadTasks, type MainThreadTask } from './mainThreadTasks'
import { PlaygroundPage } from './PlaygroundPage'

// Issue 19: the page stays responsive (no task over 200 ms) while a link, a file or a run is applied.

const GUILD = '20971520'
const dispatch = (i: number) => ({
  target: 'dispatcher',
  method: 'dispatch',
  args: ['guild', GUILD, 'GUILD_UPDATE', { i }],
})

/** A run of the large guild with `steps` after its own first steps, as a file's JSON. */
function run(own: number, steps: unknown[]) {
  return {
    format: 'fanout-run',
    version: 1,
    scenario: 'large-guild',
    seed: 1,
    scenarioSteps: own,
    cursor: own + steps.length,
    steps,
    code: '',
  }
}
/** Waits, without querying the page's accessibility tree (seconds of the test's own work on a big log), for `count` steps. */
async function stepsAre(page: Page, count: number) {
  await page.waitForFunction(
    (n) => {
      const store = (
        window as unknown as {
          __playground?: { getState(): { steps: unknown[]; loading: unknown; running: boolean } }
        }
      ).__playground
      const s = store?.getState()
      return s !== undefined && s.steps.length === n && s.loading === null && !s.running
    },
    count,
    { timeout: 150_000, polling: 250 },
  )
}
/**
 * Makes a run file in the page, ahead of the measure: handing the page a file (setInputFiles) is the
 * test's own work, hundreds of milliseconds of it for a file of this size.
 */
async function holdFile(page: Page, data: unknown) {
  await page.evaluate((text) => {
    ;(window as unknown as { heldFile?: File }).heldFile = new File([text], 'heavy.json', {
      type: 'application/json',
    })
  }, JSON.stringify(data))
}
/** Drops the file `holdFile` made on the playground, as a person dragging it there would. */
async function dropFile(page: Page) {
  await page.evaluate(() => {
    const transfer = new DataTransfer()
    transfer.items.add((window as unknown as { heldFile: File }).heldFile)
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }))
  })
}
/** Waits for the playground's notice to match `pattern`. */
async function noticeIs(page: Page, pattern: RegExp) {
  await page.waitForFunction(
    (source) => {
      const store = (
        window as unknown as {
          __playground?: { getState(): { error: { message: string } | null; loading: unknown } }
        }
      ).__playground
      const s = store?.getState()
      return s?.loading === null && new RegExp(source).test(s.error?.message ?? '')
    },
    pattern.source,
    { timeout: 150_000, polling: 250 },
  )
}
const hash = (data: unknown) =>
  `#run=${LZString.compressToEncodedURIComponent(JSON.stringify(data))}`

/**
 * The longest a task of the page's main thread may work: its CPU time, with the garbage collection V8
 * did inside it (a pause the reader feels as much). Printed apart, to tell one from the other.
 */
const LONGEST_TASK_MS = 200
/**
 * With garbage collection, on the 100,000-session guild: measured from 88 to 271 ms (V8 marking a heap
 * of that world's size, in steps or at once, as it decides); twice the worst, so the case guards the
 * work without failing on the collector's choice of moment.
 */
const LONGEST_TASK_WITH_GC_AT_SCALE_MS = 600

/**
 * Prints the longest tasks and checks the bound: the page's own work under {@link LONGEST_TASK_MS},
 * and with its garbage collection under `withGcMs` (the same, but where a case says what it reached).
 */
function expectResponsive(
  what: string,
  tasks: readonly MainThreadTask[],
  withGcMs = LONGEST_TASK_MS,
) {
  const worst = [...tasks].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 5)
  console.warn(
    `${what}: ${tasks.length} tasks over 50 ms; longest (cpu/wall ms): ${worst
      .map((t) => `${t.cpuMs}/${t.wallMs} gc ${t.gcMs} [${t.inside.join('; ')}]`)
      .join('\n  ')}`,
  )
  const longest = Math.max(0, ...tasks.map((t) => t.cpuMs))
  const work = Math.max(0, ...tasks.map((t) => t.cpuMs - t.gcMs))
  console.warn(`${what}: longest task ${longest} ms of CPU, ${work} ms less garbage collection`)
  expect(work).toBeLessThan(LONGEST_TASK_MS)
  expect(longest).toBeLessThan(withGcMs)
}

/** The large guild opened as it starts, and how many steps it starts with. */
async function openLargeGuild(page: Page) {
  const play = new PlaygroundPage(page)
  await play.open('large-guild', '?e2e=1')
  return { play, own: Number(await play.timeline.getAttribute('max')) }
}

/** The heavy run of the link and file cases: 1,000 guild-wide dispatches, one step each. */
function heavyRun(own: number) {
  return run(
    own,
    Array.from({ length: 1000 }, (_, i) => ({ calls: [dispatch(i)] })),
  )
}

test.describe('the page stays responsive while heavy work is applied', () => {
  test.setTimeout(240_000)

  test('a heavy link: 1,000 guild-wide dispatches on the large guild', async ({
    page,
    browser,
  }) => {
    const { own } = await openLargeGuild(page)
    const data = heavyRun(own)
    const tasks = await mainThreadTasks(browser, page, async () => {
      await page.evaluate((h) => (window.location.hash = h), hash(data))
      await stepsAre(page, own + 1000)
    })
    expectResponsive('heavy link', tasks)
  })

  test('a heavy run file: the same run, dropped on the page', async ({ page, browser }) => {
    const { own } = await openLargeGuild(page)
    const data = heavyRun(own)
    await holdFile(page, data)
    const tasks = await mainThreadTasks(browser, page, async () => {
      await dropFile(page)
      await stepsAre(page, own + 1000)
    })
    expectResponsive('heavy file', tasks)
  })

  test('a heavy link and file refused for their cost: 49,990 guild-wide dispatches read', async ({
    page,
    browser,
  }) => {
    const { play, own } = await openLargeGuild(page)
    // In steps of ten calls: the most steps a run may hold is 10,000. One payload for all: the link
    // then compresses to 78,000 characters (numbered payloads make 246,000, which the page refuses for
    // its length before reading it, a notice of its own in `hostileLinks.spec.ts`).
    const same = dispatch(0)
    const steps = Array.from({ length: 4_999 }, () => ({
      calls: Array.from({ length: 10 }, () => same),
    }))
    const data = run(own, steps)
    await holdFile(page, data)
    const tasks = await mainThreadTasks(browser, page, async () => {
      await page.evaluate((h) => (window.location.hash = h), hash(data))
      await noticeIs(page, /could make up to [\d,]+ deliveries/)
      await page.evaluate(() =>
        (
          window as unknown as { __playground: { getState(): { actions: { clearError(): void } } } }
        ).__playground
          .getState()
          .actions.clearError(),
      )
      await dropFile(page)
      await noticeIs(page, /could make up to [\d,]+ deliveries/)
    })
    await expect(play.timeline).toHaveAttribute('max', String(own))
    expectResponsive('heavy link and file refused', tasks)
  })

  test('a link on the 100,000-session guild: 10 guild-wide dispatches, a million deliveries', async ({
    page,
    browser,
  }) => {
    const play = new PlaygroundPage(page)
    await page.goto('/play/discord-scale?e2e=1')
    // The world is built in slices first (tens of seconds on a loaded machine): not measured here.
    await expect(play.graph.getByText(/^\+99,9\d\d more$/)).toBeVisible({ timeout: 150_000 })
    const own = Number(await play.timeline.getAttribute('max'))
    const data = {
      ...run(
        own,
        Array.from({ length: 10 }, (_, i) => ({
          calls: [{ ...dispatch(i), args: ['guild', '289406976', 'GUILD_UPDATE', { i }] }],
        })),
      ),
      scenario: 'discord-scale',
    }
    const tasks = await mainThreadTasks(browser, page, async () => {
      await page.evaluate((h) => (window.location.hash = h), hash(data))
      await stepsAre(page, own + 10)
    })
    // Each dispatch is 85 to 125 ms of work; V8 marks the 100,000-session world's heap inside the
    // same tasks, up to 180 ms of it in one (load 6-10): what is reached, not the goal (the sandbox
    // README, "Responsiveness").
    expectResponsive('link on 100,000 sessions', tasks, LONGEST_TASK_WITH_GC_AT_SCALE_MS)
  })

  test('a heavy run of code: 1,000 guild-wide dispatches', async ({ page, browser }) => {
    const { play, own } = await openLargeGuild(page)
    await play.writeCode(
      `for (let i = 0; i < 1000; i++) dispatcher.dispatch('guild', '${GUILD}', 'GUILD_UPDATE', { i })`,
    )
    await expect(play.run).toBeEnabled()
    const tasks = await mainThreadTasks(browser, page, async () => {
      await play.run.click()
      await stepsAre(page, own + 1000)
    })
    await expect(play.console).toContainText('they are applied in slices')
    expectResponsive('heavy run', tasks)
  })
})
