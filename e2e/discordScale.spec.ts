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
  // While it builds, the header names it, and the graph behind the progress does not call itself empty.
  await expect(play.scenario).toHaveValue('discord-scale')
  await expect(page.getByText('Nothing is subscribed yet')).toHaveCount(0)
  // It moves: engine calls are being made, in slices, while the page stays responsive.
  await expect
    .poll(async () => Number(await bar.getAttribute('value')), { timeout: 60_000 })
    .toBeGreaterThan(0)
  await expect(panel).toContainText(/of 300,\d{3} engine calls/)
  await panel.getByRole('button', { name: 'Cancel' }).click()
  await expect(panel).toBeHidden()
  await expect(page).toHaveURL(/\/play\/intents$/)
  await expect(play.scenario).toHaveValue('intents')
  await expect.poll(() => play.snapshot()).toEqual(before)
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
      'GUILD_UPDATE on guild:289406976 → 99,726 delivered, 200 buffered, 99 skipped: intents, 15 not subscribed',
    )
    const row = play.log.locator('tbody tr', { hasText: 'GUILD_UPDATE' })
    await expect(row).toContainText('99,726 delivered')
    await expect(row).toContainText('99 intents')
    await expect(play.ledger).toContainText('99,726 delivered, 200 buffered, 99 skipped: intents')
    // Counts per outcome, skips per reason; each filters the list, which draws only what is in view.
    const counts = play.ledger.getByRole('group', { name: 'Show sessions by outcome' })
    await expect(counts.getByRole('button')).toHaveText([
      '✕ 99 skipped: intents',
      '– 15 not subscribed',
      '‖ 200 buffered',
      '✓ 99,726 delivered',
    ])
    const sessions = play.ledger.getByRole('list', { name: 'Sessions and why' })
    expect(await sessions.getByRole('listitem').count()).toBeLessThan(60)
    await expect(sessions.getByRole('listitem').first()).toHaveAttribute('aria-setsize', '100040')
    await counts.getByRole('button', { name: /200 buffered/ }).click()
    await expect(counts.getByRole('button', { name: /200 buffered/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    await expect(sessions.getByRole('listitem').first()).toHaveAttribute('aria-setsize', '200')
    await expect(sessions.getByRole('listitem').first()).toContainText(
      'it is disconnected (resumable)',
    )
  })

  await test.step('a session is found by name and inspected', async () => {
    const find = play.inspector.getByRole('combobox', { name: /^Find a session/ })
    await find.fill('cosmicquokka250')
    await find.press('Enter')
    await expect(play.inspector.getByRole('heading', { name: 'cosmicquokka250 #1' })).toBeVisible()
    await expect(play.inspector).toContainText('disconnected')
    const frames = play.inspector.getByRole('list', { name: 'Frames' })
    await expect(frames.locator('> li').first()).toContainText('GUILD_CREATE')
  })

  await test.step('a session is inspected, and stepping back rewinds it', async () => {
    // From the keyboard: the readable first fit leaves this node at the graph's edge, under the code pane.
    const node = play.graph.getByRole('group', { name: /^bravefalcon33 session 1,/ })
    await node.focus()
    await page.keyboard.press('Enter')
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
    await expect(play.log.locator('tbody tr', { hasText: 'GUILD_UPDATE' })).toContainText(
      '99,726 delivered',
    )
  })
})
