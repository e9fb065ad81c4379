import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'
import { PlaygroundPage } from './PlaygroundPage'

/** The markers Monaco shows for the editor's model, by owner ('typescript' or 'run'). */
function markers(play: PlaygroundPage, owner?: string) {
  return play.page.evaluate((o) => {
    type Marker = { owner: string; message: string; startLineNumber: number }
    const m = (globalThis as { __monaco?: { editor: { getModelMarkers(f: object): Marker[] } } })
      .__monaco
    return (m?.editor.getModelMarkers(o ? { owner: o } : {}) ?? []).map(
      (x) => `${x.startLineNumber}: ${x.message}`,
    )
  }, owner)
}

test('an endless loop is stopped within 5 s with a message, and the page keeps responding', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('intents')
  const steps = await play.timeline.getAttribute('max')
  await play.writeCode('let n = 0\nwhile (true) n++')
  const started = Date.now()
  await play.run.click()
  // The page is not frozen while the worker spins: the timeline still moves.
  await play.stepBack.click()
  await expect(play.timeline).toHaveValue(String(Number(steps) - 1))
  await expect(play.console).toContainText('Stopped after 2 s', { timeout: 5_000 })
  expect(Date.now() - started).toBeLessThan(5_000)
  await expect(play.console).toContainText('Nothing from this run was applied.')
  await expect(play.timeline).toHaveAttribute('max', steps ?? '')
  // A new sandbox took its place: the next run works.
  await play.writeCode(`console.log('alive', states.all().length)`)
  await play.run.click()
  await expect(play.console).toContainText('alive 2') // run where the timeline stands: one step back
})

test('syntax and runtime errors are reported with their line, and the line is marked', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('intents')
  await play.writeCode('const a = 1\n\nconsole.log(;')
  await play.run.click()
  await expect(play.console).toContainText('The code does not parse')
  await expect(play.console).toContainText('(line 3)')
  await expect.poll(() => markers(play, 'run')).toEqual([expect.stringMatching(/^3: SyntaxError/)])

  await play.writeCode('const guild = world.guilds()[0]\nconst nothing: any = null\nnothing.id')
  await play.run.click()
  await expect(play.console).toContainText('TypeError')
  await expect(play.console).toContainText('(line 3)')
  await expect.poll(() => markers(play, 'run')).toEqual([expect.stringMatching(/^3: TypeError/)])
})

test('code has no network: fetch fails with a clear message and nothing leaves the page', async ({
  page,
  blockedRequests,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('intents')
  await play.writeCode(
    `const g = globalThis as any\nconsole.log(typeof g.fetch, typeof g.XMLHttpRequest, typeof g.WebSocket, typeof g.importScripts)\nfetch('http://example.com')`,
  )
  await play.run.click()
  await expect(play.console).toContainText('undefined undefined undefined undefined')
  await expect(play.console).toContainText(
    'fetch is not available: code in the playground runs without network',
  )
  await expect(play.console).toContainText('(line 3)')
  expect(blockedRequests).toEqual([])
})

test('the editor knows the engine’s types: a wrong backend is underlined before running', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('intents')
  await play.writeCode(`dispatcher.dispatch('guilds', '1', 'GUILD_UPDATE', {})`)
  await expect
    .poll(() => markers(play, 'typescript'), { timeout: 30_000 })
    .toEqual([
      expect.stringContaining(`'"guilds"' is not assignable to parameter of type 'BackendName'`),
    ])
  // Autocomplete offers the engine's methods.
  await play.writeCode('dispatcher.')
  await page.keyboard.press('End')
  await page.keyboard.press('ControlOrMeta+Space')
  await expect(
    page.locator('.suggest-widget .monaco-list-row', { hasText: 'dispatchManyFilterList' }),
  ).toBeVisible({ timeout: 30_000 })
})

/** The engine's own words: the first line of a method's TSDoc and the backend names, from its source. */
function engineSource() {
  const dispatcher = readFileSync('src/engine/dispatcher.ts', 'utf8')
  const doc = /\/\*\*\s*\n\s*\* ([^\n]+)\n(?:\s*\*[^\n]*\n)*?\s*\*\/\s*\n\s*dispatchMany\(/.exec(
    dispatcher,
  )
  const types = readFileSync('src/engine/types.ts', 'utf8')
  const union = /export type BackendName =([^\n]+)/.exec(types)?.[1] ?? ''
  return {
    dispatchManyDoc: doc?.[1]?.trim() ?? '',
    backends: [...union.matchAll(/'([a-z_]+)'/g)].map((m) => m[1] ?? ''),
  }
}

test("hover shows the engine’s TSDoc, and completion inside dispatch(' lists the backends", async ({
  page,
}) => {
  const { dispatchManyDoc, backends } = engineSource()
  expect(dispatchManyDoc).toContain('dispatch per key')
  expect(backends).toEqual(['guild', 'member', 'channel', 'user', 'friend', 'lazy_guild'])
  const play = new PlaygroundPage(page)
  await play.open('intents')
  await play.writeCode(`dispatcher.dispatchMany('channel', [], 'CHANNEL_PINS_UPDATE', {})`)
  const lines = await play.monaco()
  const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content')
  await expect(async () => {
    await lines.getByText('dispatchMany').hover()
    await expect(hover).toContainText(dispatchManyDoc, { timeout: 3_000 })
  }).toPass({ timeout: 30_000 })
  await expect(hover).toContainText('keys: Key[]')
  await page.mouse.move(0, 0) // the hover closes, uncovering the lines
  await expect(hover).toHaveCount(0)

  await play.writeCode(`dispatcher.dispatch('')`)
  // The cursor goes inside the quotes, where a backend name is asked for.
  await page.keyboard.press('End')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ControlOrMeta+Space')
  const names = page.locator('.suggest-widget .monaco-list-row .label-name')
  await expect(names.first()).toBeVisible({ timeout: 30_000 })
  await expect
    .poll(async () => (await names.allTextContents()).map((t) => t.trim()).sort())
    .toEqual([...backends].sort())
})
