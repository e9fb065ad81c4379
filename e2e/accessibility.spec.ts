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
}
