import { readFile } from 'node:fs/promises'
import { expect, test } from './fixtures'
import { PlaygroundPage } from './PlaygroundPage'

test('a saved run opens again elsewhere: same steps, cursor and log; a bad file changes nothing', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('intents')
  await play.suggest(/GUILD_UPDATE to guild/)
  await play.suggest(/MESSAGE_CREATE in #general/)
  await play.stepBack.click()
  const saved = await play.snapshot()
  const steps = await play.timeline.getAttribute('max')

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save run' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('fanout-intents-step-5.json')
  const text = await readFile((await file.path()) ?? '', 'utf8')
  const run = JSON.parse(text) as {
    cursor: number
    steps: unknown[]
    trace: { eventType: string }[]
  }
  expect(run.cursor).toBe(5)
  expect(run.steps).toHaveLength(6)
  expect(run.trace.map((t) => t.eventType)).toContain('MESSAGE_CREATE')

  // Another scenario, then the file: the address, the timeline and the log come back.
  await play.open('lazy-member-list')
  await page.getByLabel('Run file to open').setInputFiles({
    name: 'run.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  })
  await expect(page).toHaveURL(/\/play\/intents/)
  await expect(play.timeline).toHaveAttribute('max', steps ?? '')
  await expect.poll(() => play.snapshot()).toEqual(saved)
  await play.stepForward.click()
  await expect(play.log.locator('tbody tr', { hasText: 'MESSAGE_CREATE' })).toHaveCount(1)

  // A file the engine refuses at step 7: the reason, and the timeline as it was.
  const before = await play.snapshot()
  const bad = JSON.parse(text) as { steps: unknown[] }
  bad.steps.push({
    calls: [{ target: 'dispatcher', method: 'dispatch', args: ['guilds', '1', 'X', {}] }],
  })
  await page.getByLabel('Run file to open').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  })
  await expect(page.getByRole('alert').filter({ hasText: 'Could not open the run' })).toContainText(
    'step 7 (dispatcher.dispatch) was refused',
  )
  await expect.poll(() => play.snapshot()).toEqual(before)
})

test('a run file dropped on the playground opens it', async ({ page }) => {
  const play = new PlaygroundPage(page)
  await play.open('intents')
  await play.suggest(/GUILD_UPDATE to guild/)
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save run' }).click()
  const text = await readFile((await (await download).path()) ?? '', 'utf8')

  await play.open('sharded-bot')
  const dataTransfer = await page.evaluateHandle((json) => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([json], 'run.json', { type: 'application/json' }))
    return transfer
  }, text)
  await page.dispatchEvent('main', 'dragenter', { dataTransfer })
  await expect(page.locator('.run-drop')).toContainText('Drop a run file to open it')
  await page.dispatchEvent('main', 'dragover', { dataTransfer })
  await page.dispatchEvent('main', 'drop', { dataTransfer })
  await expect(page.locator('.run-drop')).toHaveCount(0)
  await expect(page).toHaveURL(/\/play\/intents/)
  await expect(play.log.locator('tbody tr', { hasText: 'GUILD_UPDATE' })).toHaveCount(1)
})
