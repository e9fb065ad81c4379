import { expect, test } from '../fixtures'

// These run against the build made with BASE_PATH=/fanout/ (scripts/serve-subpath.mjs): `baseURL` is
// http://127.0.0.1:<port>/fanout/, so relative paths below stay under the sub-path.

const graphNode = '[data-testid="subscription-graph"] .react-flow__node'

test('a deep link under the sub-path opens its scenario, and a reload keeps it', async ({
  page,
}) => {
  await page.goto('play/disconnect-and-resume')
  await expect(page).toHaveTitle('Disconnect and resume · Playground · Fanout')
  await expect(page.locator(graphNode).first()).toBeVisible()
  await page.reload()
  await expect(page).toHaveTitle('Disconnect and resume · Playground · Fanout')
  await expect(page.locator(graphNode).first()).toBeVisible()
})

test('every link stays under the sub-path, and reloading where it leads works', async ({
  page,
}) => {
  await page.goto('')
  await expect(page.getByRole('heading', { level: 1, name: 'Fanout' })).toBeVisible()
  const nav = page.getByRole('navigation', { name: 'Site' })
  const links: [string, string][] = [
    ['Playground', '/fanout/play'],
    ['Performance', '/fanout/performance'],
    ['Bench', '/fanout/bench'],
  ]
  for (const [name, href] of links) {
    await expect(nav.getByRole('link', { name })).toHaveAttribute('href', href)
  }
  await expect(page.getByRole('link', { name: 'Fanout' })).toHaveAttribute('href', '/fanout/')
  await expect(page.getByRole('link', { name: 'Sharded bot' })).toHaveAttribute(
    'href',
    '/fanout/play/sharded-bot',
  )

  await nav.getByRole('link', { name: 'Performance' }).click()
  await expect(page).toHaveURL(/\/fanout\/performance$/)
  await page.reload()
  await expect(page).toHaveTitle('Performance — Fanout')

  await page
    .getByRole('navigation', { name: 'Site' })
    .getByRole('link', { name: 'Playground' })
    .click()
  await expect(page).toHaveURL(/\/fanout\/play$/)
  await expect(page.locator(graphNode).first()).toBeVisible()
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('lazy-member-list')
  await expect(page).toHaveURL(/\/fanout\/play\/lazy-member-list$/)
  await page.reload()
  await expect(page).toHaveTitle('Lazy member list · Playground · Fanout')

  await page.getByRole('link', { name: 'Fanout' }).click()
  await expect(page).toHaveURL(/\/fanout\/$/)
})

test('an unknown address under the sub-path says so and links back inside it', async ({ page }) => {
  await page.goto('nowhere')
  await expect(page.getByRole('heading', { name: 'Nothing here' })).toBeVisible()
  await expect(page).toHaveTitle(/Not found/)
  const main = page.getByRole('main')
  await expect(main.getByRole('link', { name: 'home' })).toHaveAttribute('href', '/fanout/')
  await expect(main.getByRole('link', { name: 'playground' })).toHaveAttribute(
    'href',
    '/fanout/play',
  )
})

test('on a GitHub Pages-like host, the 404.html fallback serves deep links and reloads', async ({
  page,
  consoleErrors,
}, info) => {
  const pages = String(info.project.metadata.pagesURL)
  const response = await page.goto(`${pages}play/sharded-bot`)
  expect(response?.status(), 'the host has no such file: its 404.html answers').toBe(404)
  await expect(page).toHaveTitle('Sharded bot · Playground · Fanout')
  await expect(page.locator(graphNode).first()).toBeVisible()
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Bench' }).click()
  await expect(page).toHaveURL(`${pages}bench`)
  await page.reload()
  await expect(page).toHaveTitle('Bench — Fanout')
  // Chromium logs the 404 status of each document it loaded from 404.html (the deep link and the reload),
  // as it would on GitHub Pages; those two are expected, anything more (an asset missing) is not.
  const documentNotFound =
    'Failed to load resource: the server responded with a status of 404 (Not Found)'
  expect(consoleErrors.filter((e) => e === documentNotFound)).toHaveLength(2)
  consoleErrors.splice(
    0,
    consoleErrors.length,
    ...consoleErrors.filter((e) => e !== documentNotFound),
  )
})
