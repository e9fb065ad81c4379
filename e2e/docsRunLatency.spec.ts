import { expect, test } from './fixtures'

/**
 * A docs live example's first Run: the time from pressing Run to its Console's answer, measured in the
 * page (a click, then a MutationObserver on the Console). Like the playground, the example keeps the
 * next run's worker ready once it is shown (src/sandbox/README.md), so its first Run pays only for its
 * own code rather than for a frame, a worker and the worker's engine. Median of three fresh page loads
 * (load 10 to 13 on two cores): 406 and 476 ms cold, before the worker was warmed; 139 ms warm. The
 * bound sits between them, with room for a loaded machine.
 */
test('a docs live example’s first Run answers fast: its worker is warmed while the reader reads', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const times: number[] = []
  for (let i = 0; i < 3; i++) {
    await page.goto('/docs/backends/guild')
    const example = page.getByTestId('live-example')
    await example.scrollIntoViewIfNeeded()
    const run = example.getByRole('button', { name: 'Run', exact: true })
    await expect(run).toBeEnabled()
    // Reading first, as a person would: the worker is made meanwhile.
    await page.waitForTimeout(2_000)
    const ms = await run.evaluate(
      (button) =>
        new Promise<number>((resolve) => {
          // The example's Console appears with its first line.
          const example = button.closest('[data-testid="live-example"]')!
          const answered = () =>
            /changed the engine|Ran in/.test(
              example.querySelector('[role="log"]')?.textContent ?? '',
            )
          const started = performance.now()
          const observer = new MutationObserver(() => {
            if (answered()) {
              observer.disconnect()
              resolve(performance.now() - started)
            }
          })
          observer.observe(example, { childList: true, subtree: true, characterData: true })
          ;(button as HTMLButtonElement).click()
        }),
    )
    times.push(ms)
  }
  const median = [...times].sort((a, b) => a - b)[1]!
  console.warn(
    `docs example, first Run → Console (ms): ${times.map(Math.round).join(', ')}; median ${Math.round(median)}`,
  )
  expect(median).toBeLessThan(300)
})
