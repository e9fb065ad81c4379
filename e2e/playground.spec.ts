import { expect, test } from './fixtures'
import { PlaygroundPage } from './PlaygroundPage'

test('a dispatch animates along its edges and gets its row in the event log', async ({ page }) => {
  const play = new PlaygroundPage(page)
  await play.open('intents')
  await play.suggest(/GUILD_UPDATE to guild/)
  await expect(play.graph).toHaveAttribute('data-animating', 'true')
  await expect(play.graph.locator('.dispatch-token').first()).toBeAttached()
  await expect(play.graph.locator('.dispatch-edge--delivered')).toHaveCount(2)
  const row = play.log.locator('tbody tr', { hasText: 'GUILD_UPDATE' })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('guild:20971520')
  await expect(row).toHaveAttribute('aria-selected', 'true')
  await expect(play.graph).not.toHaveAttribute('data-animating', 'true', { timeout: 5000 })
})

test('Intents: the screen says why one session got nothing', async ({ page }) => {
  const play = new PlaygroundPage(page)
  await play.open('intents')
  await play.suggest(/GUILD_UPDATE to guild/)
  await expect(play.narration).toHaveText(
    'GUILD_UPDATE on guild:20971520 → 2 delivered, 1 skipped: intents',
  )
  await expect(play.session('logbot')).toContainText('skipped: intents')
  await expect(play.session('alice')).toContainText('delivered')
  await expect(play.graph.locator('.edge-label', { hasText: 'intents' })).toBeVisible()
  const item = play.ledger.getByRole('listitem').filter({ hasText: 'logbot' })
  await expect(item).toContainText('skipped: intents')
  await expect(item).toContainText(
    'GUILD_UPDATE needs GUILDS; this session identified with GUILD_MESSAGES.',
  )
  await expect(play.log.locator('tbody tr', { hasText: 'GUILD_UPDATE' })).toContainText('1 intents')
})

test('step back restores the previous graph and log exactly, step forward replays', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('guild-basics')
  const before = await play.snapshot()
  await play.suggest(/MESSAGE_CREATE in #staff/)
  await expect(play.log.locator('tbody tr', { hasText: 'channel:1002' })).toHaveCount(1)
  expect((await play.snapshot()).rows).not.toEqual(before.rows)
  await play.stepBack.click()
  await expect(play.log.locator('tbody tr', { hasText: 'channel:1002' })).toHaveCount(0)
  // Polled: React Flow draws edges a frame after the nodes they join have been measured.
  await expect.poll(() => play.snapshot()).toEqual(before)
  await play.stepForward.click()
  await expect(play.graph).toHaveAttribute('data-animating', 'true')
  await expect(play.log.locator('tbody tr', { hasText: 'channel:1002' })).toContainText(
    '1 permission',
  )
  // Scrub to the start and back: the empty world, then the same last step.
  await play.timeline.fill('0')
  await expect(play.graph.locator('.react-flow__node')).toHaveCount(0)
  await expect(play.log.locator('tbody tr')).toHaveText([
    'Nothing sent yet. Try one of the suggested calls (Try it).',
  ])
  await play.timeline.fill(before.timeline)
  await expect.poll(() => play.snapshot()).toEqual(before)
})

test('a refused call shows the engine’s reason and does not enter the timeline', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('intents')
  const steps = await play.timeline.getAttribute('max')
  await play.tab('Dispatch')
  await page.getByLabel('Event type').fill('not valid')
  await page.getByRole('button', { name: 'Dispatch', exact: true }).click()
  await expect(page.getByText('Upper-case letters, digits and _')).toBeVisible()
  await page.getByLabel('Event type').fill('GUILD_UPDATE')
  await page.getByLabel(/^Key/).fill('123')
  await page.getByLabel('Backend').selectOption('member')
  await page.getByLabel(/^Key/).fill('1:2')
  await page.getByRole('button', { name: 'Dispatch', exact: true }).click()
  // A valid member dispatch to unknown ids is accepted by the engine: it reaches nobody.
  await expect(play.timeline).toHaveAttribute('max', String(Number(steps) + 1))
  await page.getByLabel('Backend').selectOption('guild')
  await page.getByLabel(/^Key/).fill('18446744073709551616')
  await page.getByRole('button', { name: 'Dispatch', exact: true }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Refused' })).toContainText(
    'guild backend takes',
  )
  await expect(play.timeline).toHaveAttribute('max', String(Number(steps) + 1))
})

test('a dragged node keeps its place while stepping through time', async ({ page }) => {
  const play = new PlaygroundPage(page)
  await play.open('intents')
  const guild = play.graph.getByRole('group', { name: /^guild topic Fanout HQ/ })
  const before = await guild.boundingBox()
  if (!before) throw new Error('no node')
  await page.mouse.move(before.x + 40, before.y + 10)
  await page.mouse.down()
  await page.mouse.move(before.x + 40, before.y + 110, { steps: 8 })
  await page.mouse.up()
  const moved = await guild.getAttribute('style')
  await play.stepBack.click()
  await play.stepForward.click()
  await expect(guild).toHaveAttribute('style', moved ?? '')
  expect((await guild.boundingBox())?.y).toBeGreaterThan(before.y + 40)
})

test('counts on the graph agree with their nouns: “1 subscriber”, never “1 subscribers”', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('friends-and-presence')
  const topic = play.graph.getByRole('group', { name: /^friend topic friends of bob,/ })
  await expect(topic).toHaveAccessibleName('friend topic friends of bob, 1 subscriber')
  await expect(play.graph.locator('[aria-label$=" 1 subscribers"]')).toHaveCount(0)
})
