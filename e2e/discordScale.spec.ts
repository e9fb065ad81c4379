import { expect, test } from './fixtures'
import { PlaygroundPage } from './PlaygroundPage'

// The 100,000-session scenario builds for tens of seconds on a busy 2-core machine: its tests get room.
// Speed goals live in `npm run bench:ui`, not here.
const LOAD_MS = 300_000

test('the 100,000-session guild loads with a progress bar, and Cancel returns to the scenario before', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('intents')
  const before = await play.snapshot()
  await play.scenario.selectOption('discord-scale')
  const panel = page.getByRole('dialog', { name: /^Building Discord-scale guild/ })
  await expect(panel).toBeVisible()
  const bar = panel.getByRole('progressbar')
  await expect(bar).toBeVisible()
  // It moves: engine calls are being made, in slices, while the page stays responsive.
  await expect
    .poll(async () => Number(await bar.getAttribute('value')), { timeout: 60_000 })
    .toBeGreaterThan(0)
  await expect(panel).toContainText(/of 300,\d{3} engine calls/)
  await panel.getByRole('button', { name: 'Cancel' }).click()
  await expect(panel).toBeHidden()
  await expect(page).toHaveURL(/\/play\/intents$/)
  await expect(play.scenario).toHaveValue('intents')
  expect(await play.snapshot()).toEqual(before)
})

test('a guild-wide dispatch to 100,000 sessions: counts in the log and the ledger, a session inspected, step back and forward', async ({
  page,
}) => {
  test.setTimeout(LOAD_MS + 120_000)
  const play = new PlaygroundPage(page)
  await page.goto('/play/discord-scale')
  const panel = page.getByRole('dialog', { name: /^Building Discord-scale guild/ })
  await expect(panel).toBeVisible()
  await expect(panel).toBeHidden({ timeout: LOAD_MS })
  await expect(play.graph.getByText(/^\+99,9\d\d more$/)).toBeVisible()
  await expect(play.graph.getByText('herald · 15 shards')).toBeVisible()

  await test.step('GUILD_UPDATE reaches every session of the guild', async () => {
    await play.suggest(/GUILD_UPDATE to the whole guild/)
    await expect(play.narration).toHaveText(
      'GUILD_UPDATE on guild:289406976 → 99726 delivered, 200 buffered, 99 skipped: intents, 15 not subscribed',
    )
    const row = play.log.locator('tbody tr', { hasText: 'GUILD_UPDATE' })
    await expect(row).toContainText('99726')
    await expect(row).toContainText('99 intents')
    await expect(play.ledger).toContainText('99726 delivered, 200 buffered, 99 skipped: intents')
  })

  await test.step('a session is inspected, and stepping back rewinds it', async () => {
    const node = play.graph.getByRole('group', { name: /^bravefalcon33 session 1,/ })
    await node.click()
    const frames = play.inspector.getByRole('list', { name: 'Frames' })
    await expect(play.inspector).toContainText('bravefalcon33')
    await expect(frames.locator('> li')).toHaveCount(3)
    await expect(frames.locator('> li').first()).toContainText('GUILD_UPDATE')
    await play.stepBack.click()
    await expect(play.log.locator('tbody tr', { hasText: 'GUILD_UPDATE' })).toHaveCount(0)
    await expect(frames.locator('> li')).toHaveCount(2)
    await expect(frames.locator('> li').first()).toContainText('GUILD_CREATE')
    await play.stepForward.click()
    await expect(frames.locator('> li')).toHaveCount(3)
    await expect(play.log.locator('tbody tr', { hasText: 'GUILD_UPDATE' })).toContainText('99726')
  })
})
