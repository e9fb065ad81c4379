import { createRequire } from 'node:module'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { PlaygroundPage } from './PlaygroundPage'

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

// axe-core is injected as an inline script, which the site's Content-Security-Policy rightly refuses.
test.use({ bypassCSP: true })

interface Violation {
  id: string
  nodes: { target: string[]; failureSummary?: string }[]
}

/** axe-core's WCAG 2 A / AA and best-practice rules on the page as it is now: none may fail. */
async function expectNoViolations(page: Page, what: string) {
  await page.addScriptTag({ path: AXE })
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe
    const result = (await axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'best-practice'],
    })) as { violations: Violation[] }
    return result.violations.map((v) => ({
      id: v.id,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }))
  })
  expect(violations, what).toEqual([])
}

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
