import { expectNoViolations } from './axe'
import { expect, test } from './fixtures'
import { PlaygroundPage } from './PlaygroundPage'

// axe-core is injected as an inline script, which the site's Content-Security-Policy rightly refuses.
test.use({ bypassCSP: true })

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no accessibility violations on any page in the ${colorScheme} theme`, async ({ page }) => {
    // Eight axe runs: near a minute on a loaded machine, past the default timeout.
    test.setTimeout(150_000)
    await page.emulateMedia({ colorScheme })
    for (const path of ['/', '/performance', '/bench', '/nowhere']) {
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expectNoViolations(page, path)
    }
    const play = new PlaygroundPage(page)
    await play.open('intents')
    await play.suggest(/GUILD_UPDATE to guild/)
    await expect(play.graph).not.toHaveAttribute('data-animating', 'true', { timeout: 5000 })
    await play.session('logbot').click()
    await expect(play.inspector.getByRole('list', { name: 'Frames' })).toBeVisible()
    await expectNoViolations(page, 'the playground after a dispatch, a session inspected')
    for (const tab of ['Actions', 'World', 'Sessions']) {
      await page.getByRole('tab', { name: tab }).click()
      await expectNoViolations(page, `the ${tab} tab`)
    }
  })

  test(`the playground's panes, steps and replays have no violations in the ${colorScheme} theme`, async ({
    page,
  }) => {
    test.setTimeout(200_000)
    await page.emulateMedia({ colorScheme })
    const play = new PlaygroundPage(page)
    // A step of several rows shown whole: its per-session summary, its rows to pick, the log filtered.
    await play.open('guild-basics')
    await play.timeline.fill('4')
    await expect(play.ledger.getByRole('list', { name: 'Rows of step 4' })).toBeVisible()
    await page.getByRole('combobox', { name: 'Filter the log by event' }).selectOption('READY')
    await expectNoViolations(page, 'a step of several rows, the log filtered')
    // A RESUME's replay, selected: frames sent directly, explained one by one.
    await play.open('disconnect-and-resume')
    await play.suggest(/bob RESUMEs/)
    await expect(
      play.ledger.getByRole('list', { name: 'Frames sent directly, in order' }),
    ).toBeVisible()
    await expect(play.graph).not.toHaveAttribute('data-animating', 'true', { timeout: 10_000 })
    await expectNoViolations(page, 'a RESUME’s replay')
    // An address that names no scenario.
    await page.goto('/play/nope')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('No such scenario')
    await expectNoViolations(page, '/play/nope')
    // One pane at a time, below 1,100 px: each tab's pane.
    for (const [width, height] of [
      [1024, 768],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height })
      await play.open('intents')
      await play.suggest(/GUILD_UPDATE to guild/)
      await expect(play.graph).not.toHaveAttribute('data-animating', 'true', { timeout: 10_000 })
      const tabs = page.getByRole('tablist', { name: 'Playground panes' })
      for (const pane of ['Graph', 'Explain', 'Code', 'Log']) {
        await tabs.getByRole('tab', { name: pane }).click()
        await expect(tabs.getByRole('tab', { name: pane })).toHaveAttribute('aria-selected', 'true')
        await expectNoViolations(page, `the ${pane} pane at ${width} px`)
      }
    }
  })
}
