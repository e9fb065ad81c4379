import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'

// Reading the docs, on the build served under /fanout/ (built as the Pages workflow builds it, with a
// source repository): search keeps the reader's place and shows why each result matched, code blocks
// keep their Copy button off the code, "On this page" follows the reader, each page links its source.

async function openDoc(page: Page, path: string) {
  await page.goto(path)
  await expect(page.locator('.docs-article h2').first()).toBeVisible()
}

const scrollY = (page: Page) => page.evaluate(() => window.scrollY)
const results = (page: Page) => page.getByRole('listbox', { name: 'Results' }).getByRole('option')

test('opening and closing search leaves the page where it was', async ({ page }) => {
  for (const path of ['docs', 'docs/dispatcher']) {
    await test.step(path, async () => {
      await openDoc(page, path)
      await page.evaluate(() => window.scrollTo(0, 1200))
      await expect.poll(() => scrollY(page)).toBe(1200)
      // The first search of a page load: `/` while the dialog's code is still loading.
      await page.keyboard.press('/')
      await page.keyboard.type('resume')
      await expect(page.getByRole('combobox', { name: 'Search the site' })).toHaveValue('resume')
      expect(await scrollY(page)).toBe(1200)
      await page.keyboard.press('Escape')
      await expect(page.getByRole('dialog', { name: 'Search the site' })).toBeHidden()
      expect(await scrollY(page)).toBe(1200)
      // Again, with the dialog's code loaded.
      await page.keyboard.press('/')
      await expect(page.getByRole('combobox', { name: 'Search the site' })).toBeFocused()
      expect(await scrollY(page)).toBe(1200)
      await page.keyboard.press('Escape')
      expect(await scrollY(page)).toBe(1200)
    })
  }
})

test('results: the first is selected, each has an excerpt with the query’s words marked, none twice', async ({
  page,
}) => {
  await openDoc(page, 'docs')
  await page.keyboard.press('/')
  const box = page.getByRole('combobox', { name: 'Search the site' })
  await box.fill('shard')
  await expect(results(page).first()).toHaveAttribute('aria-selected', 'true')
  await expect(results(page).first()).toHaveAttribute('data-path', /^\/docs\/sharding\b/)
  await expect(results(page).first().locator('mark').first()).toHaveText(/^shard/i)
  const titles = await results(page)
    .locator('.search-dialog__title')
    .evaluateAll((ts) => ts.map((t) => t.textContent ?? ''))
  expect(new Set(titles).size, 'no result twice').toBe(titles.length)
  expect(titles.some((t) => /shared/i.test(t))).toBe(false)
  // ↓ moves the selection, and the field says which result is active.
  await box.press('ArrowDown')
  await expect(results(page).nth(1)).toHaveAttribute('aria-selected', 'true')
  await expect(box).toHaveAttribute(
    'aria-activedescendant',
    (await results(page).nth(1).getAttribute('id')) ?? '',
  )
  await box.fill('4007')
  await expect(results(page).first()).toHaveAttribute('data-path', /^\/docs\/resume\b/)
  await box.fill('bug 8')
  await expect(results(page).first()).toHaveAttribute('data-path', '/docs/litecord#bug-8')
  await box.press('Enter')
  await expect(page).toHaveURL(/\/fanout\/docs\/litecord#bug-8$/)
  await expect(page.locator('#bug-8')).toBeInViewport()
})

for (const [width, theme] of [
  [1440, 'light'],
  [390, 'dark'],
] as const) {
  test(`the Copy button never covers code (${width} px, ${theme})`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 })
    await page.addInitScript((t) => localStorage.setItem('fanout-theme', t), theme)
    for (const path of ['docs', 'docs/dispatcher', 'docs/resume', 'docs/api']) {
      await openDoc(page, path)
      const overlaps = await page.locator('.code-block').evaluateAll((blocks) =>
        blocks.flatMap((block, i) => {
          const button = block.querySelector('.code-block__copy')?.getBoundingClientRect()
          const code = block.querySelector('pre code')?.getBoundingClientRect()
          if (!button || !code) return []
          const apart =
            button.bottom <= code.top ||
            button.top >= code.bottom ||
            button.right <= code.left ||
            button.left >= code.right
          return apart ? [] : [`block ${i}`]
        }),
      )
      expect(overlaps, path).toEqual([])
      await expect(page.locator('.code-block__copy').first()).toBeVisible()
    }
  })
}

test('inline code and identifiers in tables never break inside a word', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  for (const path of ['docs/dispatcher', 'docs/backends/guild', 'docs/sessions']) {
    await openDoc(page, path)
    // Each short inline code is on one line: its height is one line's.
    const broken = await page
      .locator('.docs-article code.code-nowrap')
      .evaluateAll((codes) =>
        codes.filter((c) => c.getClientRects().length > 1).map((c) => c.textContent ?? ''),
      )
    expect(broken, path).toEqual([])
  }
})

test('“On this page” marks the section being read', async ({ page }) => {
  await openDoc(page, 'docs/dispatcher')
  const toc = page.getByRole('navigation', { name: 'On this page' })
  await page
    .getByRole('heading', { name: 'dispatchFilter' })
    .evaluate((h) => h.scrollIntoView({ block: 'start' }))
  await expect(toc.locator('[aria-current="location"]')).toHaveText('dispatchFilter')
})

test('the API reference’s entries: a list to filter beside the page', async ({ page }) => {
  await openDoc(page, 'docs/api')
  const toc = page.getByRole('navigation', { name: 'On this page' })
  await toc.getByRole('searchbox', { name: 'Filter the entries' }).fill('dispatch')
  const names = await toc.locator('.on-this-page__entry').allTextContents()
  expect(names).toContain('EventDispatcher')
  expect(names).toContain('DispatchResult')
  expect(names).not.toContain('Intents')
  await toc.getByRole('link', { name: 'EventDispatcher' }).click()
  await expect(page.getByRole('heading', { name: /^EventDispatcher/ })).toBeInViewport()
})

test('every docs page links to its source: Edit this page and the repository', async ({ page }) => {
  const pages: [string, string][] = [
    ['docs', 'overview'],
    ['docs/backends/lazy-guild', 'backends/lazy-guild'],
  ]
  for (const [path, file] of pages) {
    await openDoc(page, path)
    await expect(page.getByRole('link', { name: 'Edit this page' })).toHaveAttribute(
      'href',
      `https://github.com/example/fanout/edit/main/src/docs/content/${file}.mdx`,
    )
    await expect(page.getByRole('link', { name: 'Source repository' })).toHaveAttribute(
      'href',
      'https://github.com/example/fanout/tree/main',
    )
  }
})
