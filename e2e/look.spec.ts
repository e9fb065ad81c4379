import { expect, test } from './fixtures'
import { PlaygroundPage } from './PlaygroundPage'

/** Every region is on screen at 1280×720, nothing cut off; screenshots land in test-results for a human. */
async function checkLayout(play: PlaygroundPage) {
  const { page } = play
  const regions = [
    play.graph,
    play.stepBack,
    play.stepForward,
    page.getByRole('button', { name: /^(Play|Pause)$/ }),
    play.timeline,
    play.scenario,
    page.getByRole('heading', { name: 'Event log' }),
    page.getByRole('heading', { name: 'Delivery' }),
    page.getByRole('heading', { name: 'Inspector' }),
  ]
  for (const region of regions) {
    const box = await region.boundingBox()
    expect(box, 'visible').not.toBeNull()
    if (!box) continue
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(1280)
    expect(box.y + box.height).toBeLessThanOrEqual(720)
  }
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth > window.innerWidth,
  )
  expect(overflow, 'no horizontal page scroll').toBe(false)
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the playground fits 1280×720 in the ${colorScheme} theme`, async ({ page }, info) => {
    await page.emulateMedia({ colorScheme })
    const play = new PlaygroundPage(page)
    await play.open('intents')
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme)
    await play.suggest(/GUILD_UPDATE to guild/)
    await expect(play.narration).toContainText('skipped: intents')
    await checkLayout(play)
    await page.waitForTimeout(1600)
    await page.screenshot({ path: info.outputPath(`playground-${colorScheme}.png`) })
    await page.goto('/')
    await page.screenshot({ path: info.outputPath(`home-${colorScheme}.png`) })
  })
}

test('the theme toggle overrides the system and remembers it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto('/')
  await page.getByRole('button', { name: /^Theme: system/ }).click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await page.getByRole('button', { name: /^Theme: light/ }).click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
})

test('reduced motion highlights in place, without travelling tokens', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  const play = new PlaygroundPage(page)
  await play.open('intents')
  await play.suggest(/GUILD_UPDATE to guild/)
  await expect(play.graph.locator('.edge-flash').first()).toBeAttached()
  await expect(play.graph.locator('.dispatch-token')).toHaveCount(0)
  await expect(play.narration).toContainText('1 skipped: intents')
})

test('every page fits a phone’s width without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  for (const path of ['/', '/performance', '/bench', '/no-such-page']) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width, path).toBeLessThanOrEqual(390)
  }
})
