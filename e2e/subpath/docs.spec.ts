import type { Page } from '@playwright/test'
import { DOC_PAGES, type DocPageInfo } from '../../src/docs/pageList'
import { expect, test } from '../fixtures'

// The docs, on the build served under /fanout/ (baseURL ends in /fanout/: paths below are relative).

const rel = (path: string) => path.replace(/^\//, '')
const titleOf = (p: DocPageInfo) =>
  `${p.section === 'Backends' ? `${p.title} backend` : p.title} · Docs · Fanout`
const BACKENDS = DOC_PAGES.filter((p) => p.section === 'Backends')

async function openDoc(page: Page, p: DocPageInfo) {
  await page.goto(rel(p.path))
  await expect(page).toHaveTitle(titleOf(p))
  // The page's own MDX chunk has arrived when its first section heading is there.
  await expect(page.locator('.docs-article h2').first()).toBeVisible()
}

test('every docs page loads with its title, heading, sidebar and previous/next', async ({
  page,
}) => {
  test.setTimeout(120_000)
  for (const p of DOC_PAGES) {
    await test.step(p.path, async () => {
      await openDoc(page, p)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      const sidebar = page.getByRole('navigation', { name: 'Documentation' })
      await expect(sidebar.locator('[aria-current="page"]')).toHaveText(p.title)
      await expect(page.getByRole('navigation', { name: 'Previous and next page' })).toBeVisible()
    })
  }
})

test('the first load of a docs page carries no Monaco, React Flow or layout engine', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const scripts: { url: string; body: Promise<string> }[] = []
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push({ url: r.url(), body: r.text() })
  })
  for (const p of DOC_PAGES) {
    await test.step(p.path, async () => {
      scripts.length = 0
      await openDoc(page, p)
      await page.waitForLoadState('networkidle')
      for (const s of scripts) {
        const body = await s.body
        // Markers of each part's own code (a class name, the graph's label), not the whole body.
        expect(body.includes('react-flow__pane'), `${s.url} holds React Flow`).toBe(false)
        expect(body.includes('Subscription graph: topic keys'), `${s.url} holds the graph`).toBe(
          false,
        )
        expect(body.includes('monaco-editor'), `${s.url} holds Monaco`).toBe(false)
      }
    })
  }
})

test('every backend page has a live example that loads when reached, runs and animates', async ({
  page,
}) => {
  test.setTimeout(120_000)
  for (const p of BACKENDS) {
    await test.step(p.path, async () => {
      await openDoc(page, p)
      const example = page.getByTestId('live-example')
      await expect(example).toHaveAttribute('data-state', 'waiting')
      // Before it is live: the code, read only, and a plain link to the same world in the playground.
      await expect(example.locator('pre code')).toContainText('dispatch')
      const id = (await example.getAttribute('aria-labelledby'))?.replace(/^example-/, '')
      await expect(example.getByRole('link', { name: /Open in playground/ })).toHaveAttribute(
        'href',
        `/fanout/play/${id}`,
      )
      await example.scrollIntoViewIfNeeded()
      await expect(example).toHaveAttribute('data-state', 'live')
      await expect(example.locator('.react-flow__node').first()).toBeVisible()
      await example.getByRole('group', { name: 'Try it' }).getByRole('button').first().click()
      await expect(example.locator('.dispatch-token').first()).toBeAttached()
      await expect(example.getByTestId('example-outcome')).toContainText(/delivered|buffered/)
    })
  }
})

test('a crawl from the home page finds no broken internal link or anchor', async ({ page }) => {
  test.setTimeout(240_000)
  const seen = new Set<string>()
  const queue = ['/fanout/']
  const anchors: [string, string][] = []
  while (queue.length > 0) {
    const path = queue.shift() as string
    if (seen.has(path)) continue
    seen.add(path)
    await page.goto(path.replace(/^\/fanout\//, ''))
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
    await expect(page, `${path} is a page`).not.toHaveTitle(/Not found/)
    if (path.startsWith('/fanout/docs'))
      await expect(page.locator('.docs-article h2').first()).toBeVisible()
    // Crawl the site's own pages; the playground's links go to other scenarios, already listed on home.
    if (path.startsWith('/fanout/play')) continue
    const hrefs = await page
      .locator('a[href^="/fanout/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
    for (const href of hrefs) {
      const [target = '', hash] = href.split('#')
      if (hash) anchors.push([target, hash])
      if (!seen.has(target)) queue.push(target)
    }
  }
  expect(seen.size).toBeGreaterThan(DOC_PAGES.length)
  for (const p of DOC_PAGES) expect(seen, p.path).toContain(`/fanout${p.path}`)
  const unique = [...new Set(anchors.map((a) => a.join('#')))].map((a) => a.split('#'))
  for (const [target = '', hash = ''] of unique) {
    await page.goto(target.replace(/^\/fanout\//, ''))
    await expect(page.locator('.docs-article h2').first()).toBeVisible()
    await expect(page.locator(`[id="${hash}"]`), `${target}#${hash}`).toHaveCount(1)
  }
})

test('a reload on a deep docs link with an anchor comes back to that section', async ({ page }) => {
  await page.goto('docs/backends/lazy-guild#who-receives-and-why-not')
  await expect(page).toHaveTitle('lazy_guild backend · Docs · Fanout')
  const section = page.getByRole('heading', { name: 'Who receives, and why not' })
  await expect(section).toBeInViewport()
  await page.reload()
  await expect(section).toBeInViewport()
})

test('the header links to the docs; sidebar and next/previous navigate in place', async ({
  page,
}) => {
  await page.goto('')
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Docs' }).click()
  await expect(page).toHaveURL(/\/fanout\/docs$/)
  await expect(page).toHaveTitle('Overview · Docs · Fanout')
  await page.getByRole('link', { name: /Next.*Events and frames/ }).click()
  await expect(page).toHaveTitle('Events and frames · Docs · Fanout')
  await page
    .getByRole('navigation', { name: 'Documentation' })
    .getByRole('link', { name: 'lazy_guild' })
    .click()
  await expect(page).toHaveURL(/\/fanout\/docs\/backends\/lazy-guild$/)
  await page.goBack()
  await expect(page).toHaveTitle('Events and frames · Docs · Fanout')
})

test('the sharding calculator gives the formula’s examples, in BigInt', async ({ page }) => {
  await page.goto('docs/sharding')
  const calc = page.getByRole('region', { name: 'Which shard serves this guild?' })
  const id = calc.getByRole('textbox', { name: 'Guild id' })
  const shards = calc.getByRole('textbox', { name: 'Shards' })
  const cases: [string, string, string][] = [
    ['20971520', '2', 'Shard 1 of 2'],
    ['16777216', '2', 'Shard 0 of 2'],
    ['41771983423143937', '2', 'Shard 0 of 2'],
    ['41771983423143937', '3', 'Shard 0 of 3'],
    ['41771983423143937', '16', 'Shard 6 of 16'],
  ]
  for (const [guild, count, answer] of cases) {
    await id.fill(guild)
    await shards.fill(count)
    await expect(calc.getByTestId('shard-result')).toHaveText(answer)
  }
  await expect(calc).toContainText('41771983423143937 >> 22 = 9959216934')
  await id.fill('0123')
  await expect(calc.getByRole('alert')).toContainText('snowflake')
})

test('the intents calculator adds bits, marks the privileged ones and lists what gets through', async ({
  page,
}) => {
  await page.goto('docs/intents')
  const calc = page.getByRole('region', { name: 'Intents calculator' })
  await calc.getByRole('button', { name: 'None' }).click()
  await calc.getByRole('checkbox', { name: /^GUILDS\b/ }).check()
  await calc.getByRole('checkbox', { name: /^GUILD_MESSAGES\b/ }).check()
  await expect(calc.getByTestId('intents-value')).toHaveValue('513')
  await expect(calc.getByTestId('intents-expression')).toHaveText(
    'Intents.GUILDS | Intents.GUILD_MESSAGES',
  )
  const row = (event: string) =>
    calc.getByTestId('intent-events').getByRole('row').filter({ hasText: event }).first()
  await expect(row('MESSAGE_CREATE')).toContainText('✓ GUILD_MESSAGES')
  await expect(row('MESSAGE_CREATE')).toContainText('✕ DIRECT_MESSAGES')
  await expect(row('PRESENCE_UPDATE')).toContainText('✕ GUILD_PRESENCES')
  await expect(calc.getByRole('checkbox', { name: /GUILD_PRESENCES.*privileged/ })).toBeVisible()
  await calc.getByTestId('intents-value').fill('53608447')
  await expect(calc.getByTestId('intents-expression')).toHaveText('Intents.ALL')
  await calc.getByTestId('intents-value').fill(String(1 << 18))
  await expect(calc.getByRole('alert')).toContainText('4013')
})

test('on a phone the sidebar folds behind a Menu button', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('docs/sessions')
  const sidebar = page.getByRole('navigation', { name: 'Documentation' })
  await expect(sidebar).toBeHidden()
  // The docs' own menu (named after the page), not the site's header menu beside it.
  await page.getByRole('button', { name: 'Menu Sessions' }).click()
  await expect(sidebar).toBeVisible()
  await sidebar.getByRole('link', { name: 'Intents' }).click()
  await expect(page).toHaveTitle('Intents · Docs · Fanout')
  await expect(sidebar).toBeHidden()
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width, 'no sideways scrolling').toBeLessThanOrEqual(390)
})

test('search: / opens it anywhere, it finds each backend page by its name, Enter opens it', async ({
  page,
}) => {
  await page.goto('play/intents')
  await expect(page.getByTestId('subscription-graph')).toBeVisible()
  // Typed at once after /, while the dialog is still loading: no key is lost.
  await page.keyboard.press('/')
  await page.keyboard.type('lazy_g')
  const box = page.getByRole('combobox', { name: 'Search the site' })
  await expect(box).toBeFocused()
  await expect(box).toHaveValue('lazy_g')
  await page.keyboard.type('uild')
  await expect(box).toHaveValue('lazy_guild')
  for (const p of BACKENDS) {
    await box.fill(p.title)
    const first = page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()
    await expect(first).toHaveAttribute('data-path', p.path)
  }
  await box.fill('lazy_guild')
  await box.press('Enter')
  await expect(page).toHaveURL(/\/fanout\/docs\/backends\/lazy-guild$/)
  await expect(page.getByRole('dialog', { name: 'Search the site' })).toBeHidden()
  // The header's button opens it too; Escape closes it; typing / in a field types a slash.
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(box).toBeFocused()
  await box.fill('a/b')
  await expect(box).toHaveValue('a/b')
  await page.keyboard.press('Escape')
  await expect(box).toBeHidden()
})

test('the API reference has an entry and an anchor for every exported name', async ({ page }) => {
  await page.goto('docs/api#EventDispatcher')
  await expect(page.getByRole('heading', { name: /EventDispatcher/ })).toBeInViewport()
  const index = page.getByRole('navigation', { name: 'Every exported name' })
  const names = await index.getByRole('link').allTextContents()
  for (const name of ['createSimulation', 'Intents', 'shardFor', 'EngineError', 'DispatchResult']) {
    expect(names).toContain(name)
  }
  for (const name of names) await expect(page.locator(`[id="${name}"]`), name).toHaveCount(1)
  await expect(page.locator('[id="EventDispatcher.dispatchManyFilterList"]')).toContainText(
    'dispatchManyFilterList(',
  )
})
