import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { PlaygroundPage } from './PlaygroundPage'

/** Rows of the event log drawn entirely inside its scrolling box. */
async function rowsInView(play: PlaygroundPage): Promise<number> {
  return play.page.locator('.event-log__scroll').evaluate((scroller) => {
    const box = scroller.getBoundingClientRect()
    const head = scroller.querySelector('thead')?.getBoundingClientRect().bottom ?? box.top
    return [...scroller.querySelectorAll('tbody tr.event-row')].filter((row) => {
      const r = row.getBoundingClientRect()
      return r.top >= head - 1 && r.bottom <= box.bottom + 1 && r.height > 0
    }).length
  })
}

async function inViewport(page: Page, locator: Locator) {
  const box = await locator.boundingBox()
  const size = page.viewportSize()
  expect(box, 'drawn').not.toBeNull()
  if (!box || !size) return
  expect(box.x).toBeGreaterThanOrEqual(0)
  expect(box.y).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width).toBeLessThanOrEqual(size.width + 1)
  expect(box.y + box.height).toBeLessThanOrEqual(size.height + 1)
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth > window.innerWidth,
  )
  expect(overflow, 'no horizontal page scroll').toBe(false)
}

test.describe('at 1280×720', () => {
  test('the dock shows at least eight rows, every column, under a solid header', async ({
    page,
  }) => {
    const play = new PlaygroundPage(page)
    await play.open('intents')
    await play.suggest(/GUILD_UPDATE to guild/)
    await expect(play.log.locator('tbody tr.event-row')).not.toHaveCount(0)
    expect(await play.log.locator('tbody tr.event-row').count()).toBeGreaterThanOrEqual(9)
    await expect.poll(() => rowsInView(play)).toBeGreaterThanOrEqual(8)
    for (const column of ['Step', 'Event', 'Topic', 'Outcome']) {
      await inViewport(page, play.log.getByRole('columnheader', { name: column }))
    }
    // The outcome of the newest row is whole on screen, skip reason included.
    const row = play.log.locator('tbody tr', { hasText: 'GUILD_UPDATE' })
    await inViewport(page, row.getByText('1 intents'))
    // The sticky header is opaque: rows never show through it.
    const background = await play.log
      .getByRole('columnheader', { name: 'Step' })
      .evaluate((th) => getComputedStyle(th).backgroundColor)
    expect(background).not.toMatch(/rgba\(.*, 0\)|transparent/)
    await noSidewaysScroll(page)
  })

  test('the log’s counts and the step’s label are whole, never cut', async ({ page }) => {
    const play = new PlaygroundPage(page)
    /** Text cut by its box: wider or taller than the box shows. */
    const cut = (locator: Locator) =>
      locator.evaluate((e) => e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight)
    for (const scenario of ['guild-basics', 'large-guild']) {
      await play.open(scenario)
      // The longest label of guild-basics is its last step's; large-guild opens on its last step.
      const counts = page.locator('.event-log__counts')
      await expect(counts).toContainText(/\d+ rows?:/)
      expect(await cut(counts), `${scenario}: the log's counts are cut`).toBe(false)
      const label = page.locator('.timeline__label')
      expect(await cut(label), `${scenario}: the step's label is cut`).toBe(false)
      await inViewport(page, label)
    }
  })

  test('the zoom buttons cover no node or label', async ({ page }) => {
    const play = new PlaygroundPage(page)
    for (const scenario of ['guild-basics', 'large-guild']) {
      await play.open(scenario)
      // The buttons sit in a gutter beside the canvas, which clips what it draws: no node or label,
      // however the view is fitted or panned, can lie under them.
      await expect(play.graph.locator('.react-flow__controls')).toBeVisible()
      const canvas = await play.graph.evaluate((graph) => {
        const box = graph.querySelector('.react-flow__controls')!.getBoundingClientRect()
        const flow = graph.querySelector('.react-flow')!
        const r = flow.getBoundingClientRect()
        return {
          clips: getComputedStyle(flow).overflow === 'hidden',
          under:
            r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top,
        }
      })
      expect(canvas, `${scenario}: the canvas and the zoom buttons`).toEqual({
        clips: true,
        under: false,
      })
    }
  })

  test('a tab of ways to make a change shows its form at once, without scrolling', async ({
    page,
  }) => {
    const play = new PlaygroundPage(page)
    await play.open('guild-basics')
    for (const [tab, field] of [
      ['Dispatch', 'Backend'],
      ['Actions', 'Channel'],
      ['Sessions', 'User'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click()
      const panel = page.getByRole('tabpanel', { name: tab })
      await inViewport(page, panel.getByLabel(field).first())
    }
    await page.getByRole('tab', { name: 'Scenario' }).click()
    await inViewport(page, page.getByRole('button', { name: /GUILD_UPDATE to guild/ }))
  })

  test('the log filters by event type and outcome, and sorts by a column', async ({ page }) => {
    const play = new PlaygroundPage(page)
    await play.open('intents')
    await play.suggest(/GUILD_UPDATE to guild/)
    const rows = play.log.locator('tbody tr.event-row')
    const all = await rows.count()
    await page.getByLabel('Filter the log by event').selectOption('GUILD_UPDATE')
    await expect(rows).toHaveCount(1)
    await page.getByLabel('Filter the log by event').selectOption('')
    await page.getByLabel('Filter the log by outcome').selectOption('skipped')
    await expect(rows).not.toHaveCount(all)
    for (const text of await rows.allTextContents()) expect(text).toMatch(/✕/)
    await page.getByLabel('Filter the log by outcome').selectOption('all')
    await expect(rows).toHaveCount(all)
    // Newest first, then by event name.
    await play.log.getByRole('button', { name: 'Step' }).click()
    await expect(play.log.getByRole('columnheader', { name: 'Step' })).toHaveAttribute(
      'aria-sort',
      'descending',
    )
    await expect(rows.first()).toContainText('GUILD_UPDATE')
    await play.log.getByRole('button', { name: 'Event' }).click()
    const events = await rows.locator('td:nth-child(2)').allTextContents()
    expect(events).toEqual([...events].sort((a, b) => a.localeCompare(b, 'en')))
  })

  test('panes resize from the keyboard and keep their sizes across a reload', async ({ page }) => {
    const play = new PlaygroundPage(page)
    await play.open('guild-basics')
    const width = async () => (await play.code.boundingBox())?.width ?? 0
    const before = await width()
    await page.getByRole('separator', { name: 'Resize the code and the graph' }).focus()
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft')
    await expect.poll(width).toBeLessThan(before - 20)
    const resized = await width()
    await page.reload()
    await expect(play.graph.locator('.react-flow__node').first()).toBeVisible()
    await expect.poll(width).toBeCloseTo(resized, -1)
  })
})

test.describe('at 1024×768', () => {
  test.use({ viewport: { width: 1024, height: 768 } })

  test('one pane at a time: Graph with Try it under it, Explain, Code, Log', async ({ page }) => {
    const play = new PlaygroundPage(page)
    await play.open('intents')
    const tabs = page.getByRole('tablist', { name: 'Playground panes' })
    await expect(tabs.getByRole('tab')).toHaveText(['Graph', 'Explain', 'Code', 'Log'])
    const graph = await play.graph.boundingBox()
    expect(graph?.width).toBeGreaterThan(1000)
    expect(graph?.height).toBeGreaterThan(360)
    const tryIt = page.getByRole('button', { name: /GUILD_UPDATE to guild/ })
    await inViewport(page, tryIt)
    await tryIt.click()
    await expect(play.narration).toContainText('skipped: intents')
    await expect(play.ledger).toBeHidden()
    await tabs.getByRole('tab', { name: 'Explain' }).click()
    await expect(play.graph).toBeHidden()
    // Nothing of the hidden graph shows through (React Flow makes each node visible inline).
    await expect(play.graph.locator('.react-flow__node').first()).toBeHidden()
    await expect(play.ledger.getByRole('listitem').filter({ hasText: 'logbot' })).toContainText(
      'skipped: intents',
    )
    await inViewport(page, page.getByRole('heading', { name: 'Delivery' }))
    await tabs.getByRole('tab', { name: 'Log' }).click()
    await expect(play.log.locator('tbody tr', { hasText: 'GUILD_UPDATE' })).toBeVisible()
    await tabs.getByRole('tab', { name: 'Code' }).click()
    await expect(play.run).toBeVisible()
    // The timeline stays under every pane.
    await inViewport(page, play.stepBack)
    await noSidewaysScroll(page)
  })
})

test.describe('at 390×844', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  test('the header keeps one row, Try it is near the top, nothing scrolls sideways', async ({
    page,
  }) => {
    const play = new PlaygroundPage(page)
    await play.open('intents')
    const header = page.locator('header.site-header')
    expect((await header.boundingBox())?.height).toBeLessThanOrEqual(56)
    await expect(play.scenario).toBeVisible()
    await inViewport(page, page.getByRole('button', { name: /GUILD_UPDATE to guild/ }))
    await page.getByRole('button', { name: 'Menu' }).click()
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Docs' }).click()
    await expect(page).toHaveURL(/\/docs/)
    await page.goBack()
    await page.getByRole('tab', { name: 'Log' }).click()
    await expect(play.log).toBeVisible()
    await noSidewaysScroll(page)
  })
})
