import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/** The committed run the page charts: its goals and cost cliffs set what the page must show. */
const committed = JSON.parse(readFileSync('bench/results/latest.json', 'utf8')) as {
  verdicts: unknown[]
  cliffs: { id: string }[]
  ui: { verdicts: unknown[] }
  timing: { lean: { impl: string }[] }
}

/** Every chart's value axis labels each tick distinctly: a small decade never reads "0.00". */
async function expectReadableTicks(page: Page) {
  const charts = await page.locator('figure.chart svg').all()
  expect(charts.length).toBeGreaterThan(0)
  for (const chart of charts) {
    const ticks = await chart.locator('text.chart__tick[text-anchor="end"]').allTextContents()
    expect(ticks).not.toContain('0.00')
    expect(new Set(ticks).size, ticks.join(' ')).toBe(ticks.length)
  }
}

test('the Performance page charts the committed benchmark run and its goals', async ({ page }) => {
  await page.goto('/')
  await page
    .getByRole('navigation', { name: 'Site' })
    .getByRole('link', { name: 'Performance' })
    .click()
  await expect(page).toHaveTitle(/Performance/)
  await expect(page.getByRole('heading', { level: 1, name: 'Performance' })).toBeVisible()
  await expect(
    page.getByText('guild fan-out to 100,000 sessions, engine / eventemitter3', { exact: true }),
  ).toBeVisible()
  await expect(page.getByRole('region', { name: 'Goals' }).locator('.verdict')).toHaveCount(
    committed.verdicts.length,
  )
  // The playground's own goals at 100,000 sessions (npm run bench:ui).
  const scale = page.getByRole('region', { name: 'The playground at Discord scale' })
  await expect(scale.locator('.verdict')).toHaveCount(committed.ui.verdicts.length)
  await expect(scale).toContainText('longest main-thread task while the scenario builds')
  await expect(
    page.getByRole('table', { name: 'Engine ratios', exact: true }).getByRole('row'),
  ).toHaveCount(7)
  await expect(
    page.getByRole('table', { name: 'Engine ratios, lean' }).getByRole('row'),
  ).toHaveCount(committed.timing.lean.filter((r) => r.impl === 'engine').length + 1)
  await expect(page.getByRole('img', { name: /Nanoseconds per recipient/ })).toBeVisible()
  // W2, the lean fan-out, and W8, the cost cliffs: a chart and a table row per cliff.
  await expect(page.getByRole('img', { name: /Lean fan-out/ })).toBeVisible()
  const cliffs = page.getByRole('region', { name: 'Costs proportional to the change' })
  const cliffIds = new Set(committed.cliffs.map((c) => c.id))
  await expect(cliffs.getByRole('img')).toHaveCount(cliffIds.size)
  await expect(page.getByRole('table', { name: 'Cost cliffs' }).getByRole('row')).toHaveCount(
    cliffIds.size + 1,
  )
  await expect(cliffs.getByRole('img', { name: /IDENTIFY, N sessions of one user/ })).toBeVisible()
  await expectReadableTicks(page)
})

test('the Bench page runs the timing suite in a worker and shows the ratios', async ({ page }) => {
  await page.goto('/bench?preset=smoke')
  await expect(page).toHaveTitle(/Bench/)
  await page.getByRole('button', { name: 'Run the benchmark' }).click()
  await expect(page.getByRole('status')).toContainText('Done in', { timeout: 60_000 })
  const ratios = page.getByRole('table', { name: 'Engine ratios' })
  await expect(ratios.getByRole('row')).toHaveCount(3)
  await expect(ratios).toContainText('×')
  await expect(page.getByRole('img', { name: /Fan-out: nanoseconds per recipient/ })).toBeVisible()
  await expectReadableTicks(page)
})

test('the Bench page offers Quick and Full, and a run can be cancelled', async ({ page }) => {
  await page.goto('/bench')
  await expect(page.getByRole('radio')).toHaveCount(2)
  await page.getByRole('radio', { name: /Full/ }).check()
  await page.getByRole('button', { name: 'Run the benchmark' }).click()
  await expect(page.getByRole('status')).toContainText('Running')
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('button', { name: 'Run the benchmark' })).toBeVisible()
})
