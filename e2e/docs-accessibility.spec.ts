import { DOC_PAGES } from '../src/docs/pageList'
import { expectNoViolations } from './axe'
import { expect, test } from './fixtures'

// axe-core is injected as an inline script, which the site's Content-Security-Policy rightly refuses.
test.use({ bypassCSP: true })

// One test per page and theme: axe over a long page takes seconds, and a loaded machine must not turn
// the whole list into one timeout.
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`the docs in the ${colorScheme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme })
    })

    for (const p of DOC_PAGES) {
      test(`no accessibility violations on ${p.path}`, async ({ page }) => {
        await page.goto(p.path)
        await expect(page.locator('.docs-article h2').first()).toBeVisible()
        await expectNoViolations(page, p.path)
      })
    }

    test('no accessibility violations in a live example, the member list demo and search', async ({
      page,
    }) => {
      test.setTimeout(120_000)
      await page.goto('/docs/backends/guild')
      const example = page.getByTestId('live-example')
      await example.scrollIntoViewIfNeeded()
      await example.getByRole('group', { name: 'Try it' }).getByRole('button').first().click()
      await expect(example.getByTestId('example-outcome')).toBeVisible()
      await example.getByRole('button', { name: 'Run', exact: true }).click()
      await expect(example.getByRole('log', { name: 'Console' })).toContainText(
        'changed the engine',
      )
      await expectNoViolations(page, 'a live example after a dispatch and a run of its code')
      // Pointing at the code loads Monaco: its colours must read as well as the page's.
      await example.locator('.live-example__editor').hover()
      await expect(example.locator('.monaco-editor .view-line').first()).toBeVisible()
      await expectNoViolations(page, 'a live example’s code in Monaco')
      await page.goto('/docs/lazy-member-list')
      // Scrolling to it loads it (the Load button goes away as the demo arrives: do not click it).
      await page.getByRole('button', { name: 'Load the member list demo' }).scrollIntoViewIfNeeded()
      await page.getByRole('button', { name: /carl goes offline/ }).click()
      await expectNoViolations(page, 'the member list demo')
      await page.keyboard.press('/')
      await page.getByRole('combobox', { name: 'Search the site' }).fill('resume')
      await expect(
        page.getByRole('listbox', { name: 'Results' }).getByRole('option').first(),
      ).toBeVisible()
      await expectNoViolations(page, 'the search dialog')
    })
  })
}
