import { readFile } from 'node:fs/promises'
import { expect, test } from './fixtures'
import { PlaygroundPage } from './PlaygroundPage'

test('the whole graph saves as a PNG at twice its size, offline', async ({ page }) => {
  const play = new PlaygroundPage(page)
  await play.open('lazy-member-list')
  await play.suggest(/dave joins Moderators/)
  await expect(play.graph).not.toHaveAttribute('data-animating', 'true', { timeout: 5000 })
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save the graph as an image' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('fanout-lazy-member-list-step-5.png')
  const png = await readFile((await file.path()) ?? '')
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  // IHDR: the image covers every node (two columns of sessions around the topics), at pixel ratio 2.
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)]
  expect(width).toBeGreaterThan(2 * 900)
  expect(height).toBeGreaterThan(2 * 250)
  expect(png.length).toBeGreaterThan(20_000)
})
