import { expect, test } from './fixtures'
import { PlaygroundPage } from './PlaygroundPage'

const GUILD = '20971520'

test('code typed in the editor runs: its dispatch animates and enters the Event log', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('intents')
  await expect(play.code).toBeVisible()
  await play.monaco()
  // Wide enough to write in: at least 60 columns at 1280×720.
  const columns = () =>
    page.evaluate(() => {
      type Editor = { getLayoutInfo(): { viewportColumn: number } }
      const m = (globalThis as { __monaco?: { editor: { getEditors(): Editor[] } } }).__monaco
      return m?.editor.getEditors()[0]?.getLayoutInfo().viewportColumn ?? 0
    })
  await expect.poll(columns).toBeGreaterThanOrEqual(60)
  const steps = Number(await play.timeline.getAttribute('max'))
  await play.writeCode(
    `dispatcher.dispatch('guild', world.guilds()[0].id, 'GUILD_UPDATE', { name: 'x' })\nconsole.log('sent')`,
  )
  await play.run.click()
  await expect(play.console).toContainText('sent')
  await expect(play.console).toContainText('added as step')
  await expect(play.timeline).toHaveAttribute('max', String(steps + 1))
  await expect(play.graph).toHaveAttribute('data-animating', 'true')
  const row = play.log.locator('tbody tr', { hasText: 'GUILD_UPDATE' })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText(`guild:${GUILD}`)
  await expect(play.graph.locator('.dispatch-edge--delivered')).toHaveCount(2)
})

test('a run of several dispatches is one step each, played in order, and steps back', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('intents')
  const steps = Number(await play.timeline.getAttribute('max'))
  await play.writeCode(
    `for (const name of ['one', 'two', 'three'])\n  dispatcher.dispatch('guild', '${GUILD}', 'GUILD_UPDATE', { name })`,
  )
  await play.run.click()
  await expect(play.timeline).toHaveAttribute('max', String(steps + 3))
  // Playback walks through the run's steps: the last one is reached without a click.
  await expect(play.timeline).toHaveValue(String(steps + 3), { timeout: 20_000 })
  await expect(play.log.locator('tbody tr', { hasText: 'GUILD_UPDATE' })).toHaveCount(3)
  await play.stepBack.click()
  await expect(play.timeline).toHaveValue(String(steps + 2))
  await expect(play.log.locator('tbody tr', { hasText: 'GUILD_UPDATE' })).toHaveCount(2)
  await play.stepBack.click()
  await play.stepBack.click()
  await expect(play.log.locator('tbody tr', { hasText: 'GUILD_UPDATE' })).toHaveCount(0)
  await play.stepForward.click()
  await expect(play.log.locator('tbody tr', { hasText: 'GUILD_UPDATE' })).toHaveCount(1)
})

test('Ctrl+Enter runs, and an engine refusal shows its code and line and applies nothing', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('intents')
  const steps = await play.timeline.getAttribute('max')
  await play.writeCode(
    `dispatcher.dispatch('guild', '${GUILD}', 'GUILD_UPDATE', {})\ndispatcher.dispatch('guilds', '${GUILD}', 'GUILD_UPDATE', {})`,
  )
  await page.keyboard.press('ControlOrMeta+Enter')
  await expect(play.console).toContainText('EngineError UNKNOWN_BACKEND')
  await expect(play.console).toContainText('(line 2)')
  await expect(play.console).toContainText('Nothing from this run was applied.')
  await expect(play.timeline).toHaveAttribute('max', steps ?? '')
})

test('on a tablet the Code pane is full width, and its runs reach the graph and the log', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  const play = new PlaygroundPage(page)
  await play.open('intents')
  await page.getByRole('tab', { name: 'Code' }).click()
  const code = await play.code.boundingBox()
  expect(code?.width).toBeGreaterThan(900)
  await play.monaco()
  const columns = () =>
    page.evaluate(() => {
      type Editor = { getLayoutInfo(): { viewportColumn: number } }
      const m = (globalThis as { __monaco?: { editor: { getEditors(): Editor[] } } }).__monaco
      return m?.editor.getEditors()[0]?.getLayoutInfo().viewportColumn ?? 0
    })
  await expect.poll(columns).toBeGreaterThanOrEqual(80)
  await play.writeCode(`dispatcher.dispatch('guild', '${GUILD}', 'GUILD_UPDATE', { name: 'x' })`)
  await play.run.click()
  await expect(play.console).toContainText('added as step')
  await page.getByRole('tab', { name: 'Log' }).click()
  await expect(play.log.locator('tbody tr', { hasText: 'GUILD_UPDATE' })).toHaveCount(1)
})

test('code typed before the full editor has loaded is kept, and so is the caret', async ({
  page,
}) => {
  test.setTimeout(120_000)
  // Hold the full editor's module until the typing is done: on a busy machine it takes seconds.
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/assets\/CodeEditor-[^/]*\.js$/, async (route) => {
    await held
    await route.continue()
  })
  const play = new PlaygroundPage(page)
  await play.open('intents')
  const textarea = play.code.locator('textarea.fallback-editor__text')
  await textarea.click()
  await expect(play.code.getByText('Loading the editor…')).toBeVisible()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type('\n// typed while it loads')
  await page.keyboard.press('Home')
  release()
  await expect(play.code.locator('.monaco-editor .view-lines')).toBeVisible({ timeout: 60_000 })
  await expect(textarea).toHaveCount(0)
  await expect(play.code.getByText('Loading the editor…')).toHaveCount(0)
  expect(await play.readCode()).toMatch(/\n\/\/ typed while it loads$/)
  // Typing goes on where the caret was: at the start of the typed line.
  await page.keyboard.type('X')
  await expect.poll(() => play.readCode()).toMatch(/\nX\/\/ typed while it loads$/)
})
