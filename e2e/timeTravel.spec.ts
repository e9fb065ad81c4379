import { expect, test } from './fixtures'
import { PlaygroundPage } from './PlaygroundPage'

test.describe('time travel shows what each step did', () => {
  test('stepping back shows that step’s dispatch, its row, and never a dot left over', async ({
    page,
  }) => {
    const play = new PlaygroundPage(page)
    await play.open('guild-basics')
    await play.suggest(/GUILD_UPDATE to guild/)
    await play.suggest(/MESSAGE_CREATE in #staff/)
    await expect(play.timeline).toHaveValue('8')
    await expect(play.graph.locator('.dispatch-token').first()).toBeAttached()
    // Back to step 7 while step 8 still animates: its dots go at once.
    await play.stepBack.click()
    await expect(play.timeline).toHaveValue('7')
    await expect(play.graph.locator('.dispatch-token')).toHaveCount(0)
    // Step 7 (GUILD_UPDATE) is drawn with its outcomes, explained, and its row highlighted.
    await expect(play.graph.locator('.dispatch-edge--delivered')).toHaveCount(4)
    await expect(play.ledger).toContainText('GUILD_UPDATE on guild:20971520 → 4 delivered')
    await expect(play.log.locator('tbody tr[aria-selected="true"]')).toContainText('GUILD_UPDATE')
    await expect(play.narration).toContainText('GUILD_UPDATE')
    // The slider is a move like any other: step 8's dispatch, then back to step 7's.
    await play.timeline.fill('8')
    await expect(play.ledger).toContainText('MESSAGE_CREATE on channel:1002')
    await expect(play.graph.locator('.dispatch-edge--skipped')).toHaveCount(1)
    await play.timeline.fill('7')
    await expect(play.ledger).toContainText('GUILD_UPDATE on guild:20971520')
  })

  test('a share link opened at a step shows that step’s dispatch', async ({ page }) => {
    const play = new PlaygroundPage(page)
    await play.open('guild-basics')
    await play.suggest(/GUILD_UPDATE to guild/)
    await play.suggest(/MESSAGE_CREATE in #general/)
    await play.stepBack.click()
    await page.getByRole('button', { name: 'Copy link' }).click()
    const url = await page.getByRole('textbox', { name: 'Share link' }).inputValue()
    await page.goto('about:blank')
    await page.goto(url)
    await expect(play.timeline).toHaveValue('7')
    await expect(play.ledger).toContainText('GUILD_UPDATE on guild:20971520 → 4 delivered')
    await expect(play.graph.locator('.dispatch-edge--delivered')).toHaveCount(4)
  })

  test('a step of several rows shows them all, what each session got, and picks one', async ({
    page,
  }) => {
    const play = new PlaygroundPage(page)
    await play.open('guild-basics')
    // Step 4: carol IDENTIFYs: READY and GUILD_CREATE to her, her presence to alice and bob.
    await play.timeline.fill('4')
    await expect(play.ledger).toContainText(/alice #1 1×.*bob #1 1×.*carol #1 2×/)
    const rows = play.ledger.getByRole('list', { name: 'Rows of step 4' })
    await expect(rows.getByRole('button')).toHaveCount(3)
    await expect(play.log.locator('tbody tr[aria-selected="true"]')).toHaveCount(3)
    // Her own sessions are left out of her presence change: said as such, not "not subscribed".
    await rows.getByRole('button', { name: /PRESENCE_UPDATE on guild/ }).click()
    await expect(play.ledger.getByRole('listitem').filter({ hasText: 'carol #1' })).toContainText(
      'own presence',
    )
    await expect(play.ledger).not.toContainText('not subscribed')
    await play.ledger.getByRole('button', { name: 'All' }).click()
    await expect(rows.getByRole('button')).toHaveCount(3)
    await expect(play.graph.locator('.outcome-chip', { hasText: '2×' })).toHaveCount(1)
  })

  test('outcomes appear as the dots arrive; with reduced motion at once', async ({ page }) => {
    const play = new PlaygroundPage(page)
    await play.open('intents')
    await play.suggest(/GUILD_UPDATE to guild/)
    const chip = play.session('alice').locator('.outcome-chip')
    const opacity = () => chip.evaluate((el) => Number(getComputedStyle(el).opacity))
    expect(await opacity()).toBeLessThan(0.5)
    await expect.poll(opacity).toBe(1)
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await play.stepBack.click()
    await play.stepForward.click()
    expect(await opacity()).toBe(1)
  })
})

test('a RESUME’s replay travels frame by frame, and its row is selectable and explained', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('disconnect-and-resume')
  await play.suggest(/bob RESUMEs/)
  const row = play.log.locator('tbody tr', { hasText: 'direct → bob #1' }).last()
  await expect(row).toContainText('2 replayed')
  await expect(row).toHaveAttribute('aria-selected', 'true')
  // Two replayed frames and RESUMED leave the resume buffer one after another.
  const buffer = play.graph.locator('.react-flow__node', { hasText: 'resume buffer' })
  await expect(buffer).toBeVisible()
  await expect.poll(() => play.graph.locator('.dispatch-token').count()).toBeGreaterThanOrEqual(2)
  const frames = play.ledger.getByRole('list', { name: 'Frames sent directly, in order' })
  await expect(frames.getByRole('listitem')).toHaveCount(3)
  await expect(frames.getByRole('listitem').nth(0)).toContainText('MESSAGE_CREATE (s 3)')
  await expect(frames.getByRole('listitem').nth(0)).toContainText('Replayed from its resume buffer')
  await expect(frames.getByRole('listitem').nth(2)).toContainText('RESUMED')
  await expect(frames.getByRole('listitem').nth(2)).toContainText('Nothing was lost')
  // Another row, then this one again: it is shown (and animates) like a dispatch's.
  await play.log.locator('tbody tr', { hasText: 'MESSAGE_CREATE' }).first().click()
  await expect(play.ledger).not.toContainText('Replayed from its resume buffer')
  await row.click()
  await expect(frames.getByRole('listitem')).toHaveCount(3)
  await expect(buffer).toBeVisible()
})

test('a dispatch to a key that names nothing says so', async ({ page }) => {
  const play = new PlaygroundPage(page)
  await play.open('guild-basics')
  await play.tab('Dispatch')
  const composer = page.getByRole('form', { name: 'Dispatch composer' })
  await composer.getByLabel(/^Key/).fill('999')
  await composer.getByRole('button', { name: 'Dispatch', exact: true }).click()
  await expect(play.ledger).toContainText('guild 999 names no guild in this world')
  await expect(play.narration).toContainText('nobody')
})
