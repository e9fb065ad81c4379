import { expect, test } from './fixtures'

test('the home page loads offline with a title and a heading', async ({ page }) => {
  await page.goto('/')
  await expect(page).toHaveTitle(/Fanout/)
  await expect(page.getByRole('heading', { level: 1, name: 'Fanout' })).toBeVisible()
})
