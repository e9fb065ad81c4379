import { expect, test } from './fixtures'
import { PlaygroundPage } from './PlaygroundPage'

const GUILD = '20971520'

test('a shared link opened in a fresh page restores code, scenario and position without running', async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(150_000) // two pages, each loading Monaco
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const play = new PlaygroundPage(page)
  await play.open('guild-basics')
  const code = `dispatcher.dispatch('guild', '${GUILD}', 'GUILD_UPDATE', { name: 'shared' })\nconsole.log('ran')`
  await play.writeCode(code)
  await play.run.click()
  await expect(play.console).toContainText('added as step')
  await play.stepBack.click()
  const at = await play.timeline.inputValue()
  const max = await play.timeline.getAttribute('max')
  await page.getByRole('button', { name: 'Copy link' }).click()
  const field = page.getByRole('textbox', { name: 'Share link' })
  await expect(field).toHaveValue(/\/play\/guild-basics#run=/)
  const url = await field.inputValue()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url)

  // A colleague: a fresh browser context, nothing stored.
  const other = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  const reader = new PlaygroundPage(await other.newPage())
  const errors: string[] = []
  reader.page.on('pageerror', (e) => errors.push(e.message))
  await reader.page.goto(url)
  await expect(reader.graph.locator('.react-flow__node').first()).toBeVisible()
  await expect(reader.scenario).toHaveValue('guild-basics')
  await expect(reader.timeline).toHaveValue(at)
  await expect(reader.timeline).toHaveAttribute('max', max ?? '')
  await reader.monaco()
  expect((await reader.readCode()).replace(/^[ \t]+/gm, '')).toBe(code)
  await expect(reader.console).not.toContainText('ran') // shared code never runs by itself
  await reader.run.click()
  await expect(reader.console).toContainText('ran')
  expect(errors).toEqual([])
  await other.close()
})

test('Copy link still shows the link where the clipboard is refused', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('denied')) },
    })
  })
  const play = new PlaygroundPage(page)
  await play.open('intents')
  await page.getByRole('button', { name: 'Copy link' }).click()
  await expect(page.getByRole('textbox', { name: 'Share link' })).toHaveValue(/#run=/)
  await expect(page.getByText('select the link and copy it')).toBeVisible()
})

test('a damaged link opens a working page with one notice', async ({ page }) => {
  const play = new PlaygroundPage(page)
  await page.goto('/play/intents#run=N4IgLgFgpgtlB2IBcoBKq')
  await expect(play.graph.locator('.react-flow__node').first()).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('This link could not be opened')
  await expect(page.getByRole('alert')).toContainText('The scenario opened as it starts.')
  await expect(play.timeline).toHaveAttribute('max', '4')
  await play.writeCode(`console.log(states.all().length)`)
  await play.run.click()
  await expect(play.console).toContainText('3')
})

test('a reload keeps the code; damaged storage is reported once and replaced', async ({ page }) => {
  test.setTimeout(150_000) // Monaco loads three times
  const play = new PlaygroundPage(page)
  await play.open('intents')
  await play.writeCode('console.log("kept")')
  await page.reload()
  await play.monaco()
  await expect.poll(() => play.readCode()).toBe('console.log("kept")')

  await page.evaluate(() => localStorage.setItem('fanout-code', '{"version":1,"code":'))
  await page.reload()
  await expect(play.console).toContainText('The saved code could not be read')
  await play.monaco()
  await expect.poll(() => play.readCode()).toContain('MESSAGE_CONTENT')
  await page.reload()
  await expect(play.graph.locator('.react-flow__node').first()).toBeVisible()
  await expect(play.console).not.toContainText('could not be read')
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

  test('a textarea replaces Monaco, and runs code with the same Run and Console', async ({
    page,
  }) => {
    const play = new PlaygroundPage(page)
    await play.open('intents')
    await page.getByRole('tab', { name: 'Code' }).click()
    const textarea = play.code.getByRole('textbox', { name: 'Code editor' })
    await expect(textarea).toBeVisible()
    await expect(play.code.locator('.monaco-editor')).toHaveCount(0)
    await play.writeCode(`dispatcher.dispatch('guild', '${GUILD}', 'GUILD_UPDATE', {})`)
    await play.run.click()
    await expect(play.console).toContainText('added as step 5')
    await page.getByRole('tab', { name: 'Log' }).click()
    await expect(play.log.locator('tbody tr', { hasText: 'GUILD_UPDATE' })).toHaveCount(1)
    await page.getByRole('tab', { name: 'Code' }).click()
    await page.getByRole('button', { name: 'Copy link' }).click()
    await expect(page.getByRole('textbox', { name: 'Share link' })).toHaveValue(/#run=/)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  })
})
