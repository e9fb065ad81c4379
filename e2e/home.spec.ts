import { expect, test } from './fixtures'

test('the home page explains the project and links to the playground', async ({ page }) => {
  await page.goto('/')
  await expect(page).toHaveTitle(/Fanout/)
  await expect(page.getByRole('heading', { level: 1, name: 'Fanout' })).toBeVisible()
  await page.getByRole('main').getByRole('link', { name: 'Playground' }).click()
  await expect(page).toHaveURL(/\/play$/)
  await expect(page).toHaveTitle('Intents · Playground · Fanout')
  await expect(
    page.getByTestId('subscription-graph').locator('.react-flow__node').first(),
  ).toBeVisible()
})

test('the home page lists every scenario, each a link to its own playground', async ({ page }) => {
  await page.goto('/')
  const list = page.getByRole('region', { name: 'Or open a scenario' }).getByRole('listitem')
  await expect(list).toHaveCount(10)
  await page.getByRole('link', { name: 'Lazy member list' }).click()
  await expect(page).toHaveURL(/\/play\/lazy-member-list$/)
  await expect(page).toHaveTitle('Lazy member list · Playground · Fanout')
})

test('unknown pages say so, link home and to the playground, and set the title', async ({
  page,
}) => {
  await page.goto('/nowhere')
  await expect(page.getByRole('heading', { name: 'Nothing here' })).toBeVisible()
  await expect(page).toHaveTitle('Not found — Fanout')
  await page.getByRole('main').getByRole('link', { name: 'playground' }).click()
  await expect(page).toHaveURL(/\/play$/)
  await page.goto('/nowhere/else')
  await page.getByRole('main').getByRole('link', { name: 'home' }).click()
  await expect(page).toHaveURL(/\/$/)
})

test('every page sets its own document title', async ({ page }) => {
  const titles = new Set<string>()
  for (const path of ['/', '/play/intents', '/performance', '/bench', '/nowhere']) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toBeAttached()
    await expect(page).toHaveTitle(/ Fanout|^Fanout/)
    titles.add(await page.title())
  }
  expect(titles.size).toBe(5)
})

test('/playground, the address people guess, opens the playground too', async ({ page }) => {
  await page.goto('/playground/sharded-bot')
  await expect(page).toHaveTitle('Sharded bot · Playground · Fanout')
  await expect(
    page.getByTestId('subscription-graph').locator('.react-flow__node').first(),
  ).toBeVisible()
})
