import LZString from 'lz-string'
import { expect, test } from './fixtures'
import { PlaygroundPage } from './PlaygroundPage'

// Issue 19's findings about links and run files, one test each (src/sandbox/README.md, "Threat model").

const GUILD = '20971520'
const dispatch = { target: 'dispatcher', method: 'dispatch', args: ['guild', GUILD, 'X', {}] }

/** A run of `scenario` with `steps` after its own `own` steps, as a file's JSON. */
function run(scenario: string, seed: number, own: number, steps: unknown[], extra = {}) {
  return {
    format: 'fanout-run',
    version: 1,
    scenario,
    seed,
    scenarioSteps: own,
    cursor: own + steps.length,
    steps,
    code: '',
    ...extra,
  }
}
const hash = (data: unknown) =>
  `#run=${LZString.compressToEncodedURIComponent(typeof data === 'string' ? data : JSON.stringify(data))}`

test('a hostile link opens a working page with one notice: address, reload, hashchange and file (finding 1)', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  // 282 characters that once blanked the whole site: a target whose toString is not a function.
  const hostile = run('intents', 1, 4, [{ calls: [{ ...dispatch, target: { toString: 1 } }] }])
  const intents = await page.goto('/play/intents').then(() => play.timeline.getAttribute('max'))
  for (const open of ['address', 'reload'] as const) {
    if (open === 'address') await page.goto(`/play/intents${hash(hostile)}`)
    else await page.reload()
    await expect(play.graph.locator('.react-flow__node').first()).toBeVisible()
    await expect(page.locator('.error-banner')).toContainText('This link could not be opened')
    await expect(page.locator('.error-banner')).toContainText('unknown target an object')
    await expect(play.timeline).toHaveAttribute('max', intents ?? '')
  }
  // Pasted into an open playground.
  await page.goto('/play/intents')
  await page.evaluate((h) => (window.location.hash = h), hash({ ...hostile, cursor: 1e300 * 10 }))
  await expect(page.locator('.error-banner')).toContainText('This link could not be opened')
  // The same data as a run file.
  await page.getByLabel('Run file to open').setInputFiles({
    name: 'hostile.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(hostile)),
  })
  await expect(
    page.locator('.error-banner').filter({ hasText: 'Could not open the run' }),
  ).toContainText('unknown target an object')
  await expect(play.timeline).toHaveAttribute('max', intents ?? '')
})

test('unbounded text in a link: a 4.9-million-character label, a cursor of 1e999 (finding 8)', async ({
  page,
}) => {
  // Compressing the 4.9-million-character link is the test's own work: 35 s on a loaded machine (the
  // page refuses it in about a second).
  test.setTimeout(180_000)
  const play = new PlaygroundPage(page)
  const label = run('intents', 1, 4, [{ label: 'x'.repeat(4_900_000), calls: [dispatch] }])
  await page.goto(`/play/intents${hash(label)}`)
  await expect(page.locator('.error-banner')).toContainText(
    '"label" must be text of at most 200 characters',
  )
  const text = JSON.stringify(run('intents', 1, 4, [])).replace('"cursor":4', '"cursor":1e999')
  await page.goto(`/play/intents${hash(text)}`)
  await expect(play.graph.locator('.react-flow__node').first()).toBeVisible()
  await expect(page.locator('.error-banner')).toContainText('not Infinity')
})

// How long the page's tasks are while heavy links, files and runs are applied (under 200 ms each) is
// measured by e2e/responsive.spec.ts, by each task's CPU time from Chromium's trace.

test('a heavy link or file is refused before the work (finding 6)', async ({ page }) => {
  const play = new PlaygroundPage(page)
  await play.open('large-guild')
  const steps = await play.timeline.getAttribute('max')
  // 49,990 guild-wide dispatches to 1,000 sessions: fifty million deliveries.
  const heavy = run(
    'large-guild',
    1,
    Number(steps),
    // In steps of ten calls: the most steps a run may hold is 10,000.
    Array.from({ length: 4_999 }, () => ({ calls: Array.from({ length: 10 }, () => dispatch) })),
  )
  await page.evaluate((h) => (window.location.hash = h), hash(heavy))
  await expect(page.locator('.error-banner')).toContainText(/could make up to [\d,]+ deliveries/, {
    timeout: 30_000,
  })
  await page.getByLabel('Run file to open').setInputFiles({
    name: 'heavy.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(heavy)),
  })
  await expect(
    page.locator('.error-banner').filter({ hasText: 'Could not open the run' }),
  ).toContainText(/could make up to [\d,]+ deliveries/, { timeout: 30_000 })
  await expect(play.timeline).toHaveAttribute('max', steps ?? '')
})

test('an honest heavy run of code is applied in slices with progress (finding 6)', async ({
  page,
}) => {
  test.setTimeout(180_000)
  const play = new PlaygroundPage(page)
  await play.open('large-guild')
  const steps = Number(await play.timeline.getAttribute('max'))
  await play.writeCode(
    `for (let i = 0; i < 1000; i++) dispatcher.dispatch('guild', '${GUILD}', 'GUILD_UPDATE', { i })`,
  )
  await play.run.click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('Applying 1,000 steps')
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeVisible()
  await expect(dialog).toBeHidden({ timeout: 150_000 })
  await expect(play.timeline).toHaveAttribute('max', String(steps + 1000))
  await expect(play.console).toContainText('they are applied in slices')
})
