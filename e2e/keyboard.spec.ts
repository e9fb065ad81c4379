import { expect, test } from './fixtures'
import { PlaygroundPage } from './PlaygroundPage'

test('the playground works from the keyboard', async ({ page }) => {
  const play = new PlaygroundPage(page)
  await play.open('intents')
  const max = Number(await play.timeline.getAttribute('max'))
  await page.locator('body').click({ position: { x: 640, y: 5 } })

  await test.step('← and → step through time', async () => {
    await page.keyboard.press('ArrowLeft')
    await expect(play.timeline).toHaveValue(String(max - 1))
    await page.keyboard.press('ArrowRight')
    await expect(play.timeline).toHaveValue(String(max))
  })

  await test.step('undo and redo keys step back and forward', async () => {
    await page.keyboard.press('Control+z')
    await expect(play.timeline).toHaveValue(String(max - 1))
    await page.keyboard.press('Control+Shift+z')
    await expect(play.timeline).toHaveValue(String(max))
    await page.keyboard.press('Control+z')
    await page.keyboard.press('Control+y')
    await expect(play.timeline).toHaveValue(String(max))
  })

  await test.step('shortcuts stay out of text fields', async () => {
    await play.tab('Dispatch')
    const field = page.getByLabel('Event type')
    await field.focus()
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('Space')
    await page.keyboard.press('Control+z')
    await expect(play.timeline).toHaveValue(String(max))
  })

  await test.step('Tab reaches a suggestion; Enter dispatches it', async () => {
    await play.tab('Scenario')
    const first = page.getByRole('button', { name: /GUILD_UPDATE to guild/ })
    await first.focus()
    await page.keyboard.press('Enter')
    await expect(play.narration).toContainText('1 skipped: intents')
  })

  await test.step('an event log row is selected with Enter', async () => {
    const row = play.log.locator('tbody tr', { hasText: 'PRESENCE_UPDATE' }).first()
    await row.focus()
    await page.keyboard.press('Enter')
    await expect(row).toHaveAttribute('aria-selected', 'true')
    await expect(play.narration).toContainText('PRESENCE_UPDATE')
  })

  await test.step('a graph node is selected with Enter', async () => {
    await play.graph.locator('.react-flow__node-topic').first().focus()
    await page.keyboard.press('Enter')
    await expect(play.inspector.getByRole('list', { name: 'Subscribers' })).toBeVisible()
  })

  await test.step('space plays and pauses', async () => {
    await page.locator('body').click({ position: { x: 640, y: 5 } })
    await page.keyboard.press('Space')
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible()
    await page.keyboard.press('Space')
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible()
  })
})
