/**
 * `npm run screenshots`: the README's pictures of the playground (`docs/playground.png`,
 * `docs/editor.png`), taken from the production build in Debian's Chromium at 1280×720 in the light
 * theme, so they are redone the same way whenever the layout changes.
 *
 * `npm run screenshots -- --review <dir>` writes the playground at 1440, 1280, 1024 and 390 px wide in
 * both themes into `<dir>` instead (after a dispatch, with the Explain and Log panes of the tabbed
 * layout too), for a person to look at before a layout change lands. `SCREENSHOTS_PORT` picks the
 * preview server's port.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { openPreviewBrowser, previewBase } from './previewBrowser.ts'

const PORT = Number(process.env.SCREENSHOTS_PORT ?? 4192)
const BASE = previewBase(PORT)

/** The README's Code picture: a loop of dispatches, each one a timeline step. */
const LOOP = `// Three renames of the guild: three timeline steps
const guild = world.guilds()[0]
for (const name of ['Fanout', 'Fan-in', 'Fanout HQ']) {
  const r = dispatcher.dispatch('guild', guild.id, 'GUILD_UPDATE', { name })
  console.log(name, '→', r.delivered.length, 'sessions')
}
`

/** What was written, one line each. */
const say = (line: string) => process.stdout.write(`${line}\n`)

/** Opens a scenario and waits for its graph (a big one builds in slices behind a progress dialog). */
async function open(page: Page, scenario: string): Promise<void> {
  await page.goto(`${BASE}/play/${scenario}`)
  await page.getByTestId('subscription-graph').locator('.react-flow__node').first().waitFor()
  await page
    .getByRole('dialog', { name: /^Building/ })
    .waitFor({ state: 'hidden', timeout: 300_000 })
}

/** Waits until nothing travels on the graph, then a little for the last chips to settle. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document
        .querySelector('[data-testid="subscription-graph"]')
        ?.getAttribute('data-animating') !== 'true',
    undefined,
    { timeout: 30_000 },
  )
  await page.waitForTimeout(400)
}

/** Clicks a Try it suggestion and waits for its dispatch to land. */
async function tryIt(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('button', { name }).first().click()
  await settled(page)
}

/** The README's two pictures of the playground. */
async function readme(browser: Browser): Promise<void> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    colorScheme: 'light',
    reducedMotion: 'reduce',
  })
  const page = await context.newPage()
  await open(page, 'intents')
  await tryIt(page, /GUILD_UPDATE to guild/)
  await page.screenshot({ path: 'docs/playground.png' })
  say('docs/playground.png')

  await open(page, 'guild-basics')
  // Monaco loads when the pointer comes near the editor.
  await page.getByRole('region', { name: 'Code' }).locator('.editor-slot').hover()
  await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 120_000 })
  // Typed as a reader would: select all, then the loop.
  await page.locator('.monaco-editor .view-lines').click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.insertText(LOOP)
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await page
    .getByRole('region', { name: 'Console' })
    .getByText(/Ran in/)
    .waitFor({ timeout: 60_000 })
  await settled(page)
  await page.mouse.move(0, 0)
  await page.screenshot({ path: 'docs/editor.png' })
  say('docs/editor.png')
  await context.close()
}

/** The playground at each width people use, in both themes, into `dir`. */
async function review(browser: Browser, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true })
  const sizes = [
    [1440, 900],
    [1280, 720],
    [1024, 768],
    [390, 844],
  ] as const
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const [width, height] of sizes) {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme })
      const page = await context.newPage()
      await open(page, 'intents')
      await tryIt(page, /GUILD_UPDATE to guild/)
      const name = (what: string) => join(dir, `${width}-${colorScheme}-${what}.png`)
      await page.screenshot({ path: name('graph') })
      const tabs = page.getByRole('tablist', { name: 'Playground panes' })
      if (await tabs.count()) {
        for (const pane of ['Explain', 'Code', 'Log']) {
          await tabs.getByRole('tab', { name: pane }).click()
          await page.screenshot({ path: name(pane.toLowerCase()) })
        }
      }
      // The 100,000-session-like view: the 1,000-session guild, summarised.
      await open(page, 'large-guild')
      await tryIt(page, /GUILD_UPDATE/)
      await page.screenshot({ path: name('large') })
      say(`${width}×${height} ${colorScheme}`)
      await context.close()
    }
  }
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--review')
  const reviewDir = at >= 0 ? process.argv[at + 1] : undefined
  if (at >= 0 && !reviewDir) throw new Error('--review needs a folder to write into')
  const preview = await openPreviewBrowser(PORT)
  try {
    if (reviewDir) await review(preview.browser, reviewDir)
    else await readme(preview.browser)
  } finally {
    await preview.close()
  }
}

await main()
