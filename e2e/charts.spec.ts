import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

// The Performance and Bench charts read on a phone and a desktop: text at least 11 px, a tooltip on
// every point, and one look per implementation, so engine, node:events and tseep are told apart.

async function expectReadableCharts(page: Page) {
  const charts = page.locator('figure.chart')
  await expect(charts.first()).toBeVisible()
  for (const chart of await charts.all()) {
    const facts = await chart.evaluate((figure) => {
      const svg = figure.querySelector('svg[role="img"]') as SVGSVGElement
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width
      const texts = [...svg.querySelectorAll('text')].map(
        (t) => parseFloat(getComputedStyle(t).fontSize) * scale,
      )
      const points = [...svg.querySelectorAll('.chart__point')]
      const colours = [...figure.querySelectorAll('.chart__legend li')].map(
        (li) => getComputedStyle(li).color,
      )
      return {
        smallestText: Math.min(...texts),
        points: points.length,
        titled: points.filter((p) => (p.querySelector('title')?.textContent ?? '') !== '').length,
        colours,
      }
    })
    expect(facts.smallestText).toBeGreaterThanOrEqual(11)
    expect(facts.points).toBeGreaterThan(0)
    expect(facts.titled, 'a tooltip on every point').toBe(facts.points)
    expect(new Set(facts.colours).size, 'one colour per implementation').toBe(facts.colours.length)
  }
}

for (const width of [390, 1440]) {
  test(`the Performance page’s charts read at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 })
    await page.goto('/performance')
    await expect(page.getByRole('heading', { level: 1, name: 'Performance' })).toBeVisible()
    await expectReadableCharts(page)
    const engine = page.locator('.chart__legend li', { hasText: /^engine$/ }).first()
    const tseep = page.locator('.chart__legend li', { hasText: /^tseep$/ }).first()
    const events = page.locator('.chart__legend li', { hasText: /^node:events$/ }).first()
    const colour = (l: typeof engine) => l.evaluate((li) => getComputedStyle(li).color)
    expect(new Set([await colour(engine), await colour(tseep), await colour(events)]).size).toBe(3)
  })
}

test('the Bench page shows its progress while it runs, and ends with what the run says', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  // A Full run takes minutes: its progress shows at once (then it is cancelled).
  await page.goto('/bench')
  await page.getByRole('radio', { name: /Full/ }).check()
  await page.getByRole('button', { name: 'Run the benchmark' }).click()
  const progress = page.getByTestId('bench-progress')
  await expect(progress.getByRole('progressbar')).toBeVisible()
  await expect(progress).toContainText(/Step \d+ of \d+ · \d+ s/)
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(progress).toBeHidden()
  // A run to its end says what it found.
  await page.goto('/bench?preset=smoke')
  await page.getByRole('button', { name: 'Run the benchmark' }).click()
  await expect(page.getByRole('status')).toContainText('Done in', { timeout: 60_000 })
  await expect(page.getByTestId('bench-headline')).toContainText(
    // The smoke run's batches are tiny: a baseline too fast for the timer is left out of the sentence.
    /At 100 recipients the engine spent [\d.,]+ ns per recipient: [\d.,]+× (plain loop|eventemitter3|tseep|node:events)/,
  )
  await expectReadableCharts(page)
})
