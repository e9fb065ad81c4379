import { expect, test } from './fixtures'
import { PlaygroundPage } from './PlaygroundPage'

test('the event log’s header counts the rows it shows, direct sends included', async ({ page }) => {
  const play = new PlaygroundPage(page)
  await play.open('intents')
  const rows = play.log.locator('tbody tr')
  const hint = page.getByRole('region', { name: 'Event log' }).locator('.panel__hint').first()
  const direct = play.log.locator('tbody tr.event-row--direct')
  await expect(direct.first()).toBeVisible()
  const counted = async () => Number((/^(\d+) rows?:/.exec(await hint.innerText()) ?? [])[1])
  expect(await counted()).toBe(await rows.count())
  await expect(hint).toContainText(`${await direct.count()} direct sends`)
  await play.suggest(/GUILD_UPDATE to guild/)
  await expect(rows.last()).toContainText('GUILD_UPDATE')
  expect(await counted()).toBe(await rows.count())
})

test('the Delivery panel moves between the rows of one step: “1 of 3” with previous and next', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('intents')
  // IDENTIFY with GUILD_PRESENCES announces the presence twice, through the guild and through friends,
  // and sends the session READY and GUILD_CREATE directly: three rows.
  const first = play.log.locator('tbody tr', { hasText: 'PRESENCE_UPDATE' }).first()
  await first.click()
  const nav = play.ledger.getByRole('navigation', { name: /Rows of step \d+/ })
  await expect(nav).toContainText('1 of 3')
  const narration = await play.narration.innerText()
  await nav.getByRole('button', { name: /Next row/ }).click()
  await expect(nav).toContainText('2 of 3')
  await expect(play.narration).not.toHaveText(narration)
  await expect(play.log.locator('tbody tr[aria-selected="true"]')).toContainText('PRESENCE_UPDATE')
  await nav.getByRole('button', { name: /Next row/ }).click()
  await expect(nav).toContainText('3 of 3')
  await expect(play.log.locator('tbody tr[aria-selected="true"]')).toContainText('READY')
  await expect(nav.getByRole('button', { name: /Next row/ })).toBeDisabled()
  await nav.getByRole('button', { name: /Previous row/ }).click()
  await nav.getByRole('button', { name: /Previous row/ }).click()
  await expect(play.narration).toHaveText(narration)
})

test('dispatching after stepping back says how many later steps it discarded, and Undo brings them back', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('intents')
  const before = await play.snapshot()
  await play.stepBack.click()
  await play.stepBack.click()
  await play.suggest(/GUILD_UPDATE to guild/)
  const notice = page.getByRole('status').filter({ hasText: 'discarded' })
  await expect(notice).toContainText('2 later steps discarded')
  await expect(play.timeline).toHaveAttribute('max', String(Number(before.timeline) - 1))
  await notice.getByRole('button', { name: 'Undo' }).click()
  await expect(notice).toHaveCount(0)
  await expect(play.timeline).toHaveAttribute('max', before.timeline)
  await expect(play.timeline).toHaveValue(String(Number(before.timeline) - 2))
  await play.timeline.fill(before.timeline)
  await expect.poll(() => play.snapshot()).toEqual(before)

  // Ctrl+Z right after such a change is that change's undo, as in editors.
  await play.stepBack.click()
  await play.suggest(/GUILD_UPDATE to guild/)
  await expect(notice).toContainText('1 later step discarded')
  await page.locator('body').press('Control+z')
  await expect(notice).toHaveCount(0)
  await expect(play.timeline).toHaveAttribute('max', before.timeline)
  // Back where the change was made, as after Undo.
  await expect(play.timeline).toHaveValue(String(Number(before.timeline) - 1))

  // One step discarded reads in the singular, and dismissing keeps the new step.
  await play.suggest(/GUILD_UPDATE to guild/)
  await expect(notice).toContainText('1 later step discarded')
  await notice.getByRole('button', { name: /Dismiss/ }).click()
  await expect(notice).toHaveCount(0)
  await expect(play.timeline).toHaveAttribute('max', before.timeline)
})
