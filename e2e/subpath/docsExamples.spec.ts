import type { Locator, Page } from '@playwright/test'
import { DOC_PAGES } from '../../src/docs/pageList'
import { readEditor } from '../editorText'
import { expect, test } from '../fixtures'

// The live examples' editors on the build served under /fanout/ (paths below are relative to it).

const BACKENDS = DOC_PAGES.filter((p) => p.section === 'Backends')
const rel = (path: string) => path.replace(/^\//, '')

async function openDoc(page: Page, path: string) {
  await page.goto(rel(path))
  // The page's own MDX chunk has arrived when its first section heading is there.
  await expect(page.locator('.docs-article h2').first()).toBeVisible()
}

/** Each backend page's snippet, edited: another event (or key), and a line printed. */
const EDITS: Record<string, { code: string; outcome: string; printed: string }> = {
  guild: {
    code: "const r = dispatcher.dispatch('guild', '20971520', 'GUILD_EMOJIS_UPDATE', { guild_id: '20971520', emojis: [] })\nconsole.log('edited', r.delivered.length)",
    outcome: 'GUILD_EMOJIS_UPDATE on guild:20971520',
    printed: 'edited 2',
  },
  member: {
    code: "const r = dispatcher.dispatch('member', ['20971520', '10'], 'GUILD_DELETE', { id: '20971520', unavailable: true })\nconsole.log('edited', r.delivered.length)",
    outcome: 'GUILD_DELETE on member:20971520:10',
    printed: 'edited 1',
  },
  channel: {
    code: "const r = dispatcher.dispatch('channel', '100', 'TYPING_START', { channel_id: '100', guild_id: '20971520', user_id: '10', timestamp: 1 })\nconsole.log('edited', r.delivered.length)",
    outcome: 'TYPING_START on channel:100',
    printed: 'edited 2',
  },
  user: {
    code: "const r = dispatcher.dispatch('user', '11', 'USER_UPDATE', { id: '11', username: 'bobby' })\nconsole.log('edited', r.delivered.length)",
    outcome: 'USER_UPDATE on user:11',
    printed: 'edited 1',
  },
  friend: {
    code: "const r = dispatcher.dispatch('friend', '10', 'PRESENCE_UPDATE', { user: { id: '10' }, status: 'online', activities: [] })\nconsole.log('edited', r.delivered.length)",
    outcome: 'PRESENCE_UPDATE on friend:10',
    printed: 'edited 3',
  },
  lazy_guild: {
    code: "gateway.requestMemberList(states.userStates('12')[0].sessionId, '20971520', { '100': [[0, 99]] })\nconsole.log('edited', dispatcher.subscribers('lazy_guild', '20971520').length)",
    outcome: 'GUILD_MEMBER_LIST_UPDATE',
    printed: 'edited 3',
  },
}

const strip = (t: string) => t.replace(/^[ \t]+/gm, '')

/** The code in the example's editor: the textarea's, or Monaco's. */
const readCode = (example: Locator) => readEditor(example)

/** Replaces the example's code as a reader would: Monaco on a desktop (pointing at it loads it). */
async function writeCode(example: Locator, code: string) {
  const page = example.page()
  if ((page.viewportSize()?.width ?? 1280) <= 760) {
    await example.getByRole('textbox', { name: /Code of the example/ }).fill(code)
    return
  }
  await example.locator('.editor-slot').hover()
  const lines = example.locator('.monaco-editor .view-lines')
  await expect(lines).toBeVisible({ timeout: 60_000 })
  await expect(example.locator('textarea.fallback-editor__text')).toHaveCount(0)
  await expect(async () => {
    await lines.click()
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.insertText(code)
    expect(strip(await readCode(example))).toBe(strip(code))
  }).toPass({ timeout: 20_000 })
}

async function liveExample(page: Page) {
  const example = page.getByTestId('live-example')
  await example.scrollIntoViewIfNeeded()
  await expect(example).toHaveAttribute('data-state', 'live')
  await expect(example.locator('.react-flow__node').first()).toBeVisible()
  return example
}

test('every backend page’s snippet can be edited and run in place, and opened in the playground with the edit', async ({
  page,
}) => {
  test.setTimeout(300_000)
  for (const p of BACKENDS) {
    await test.step(p.path, async () => {
      const edit = EDITS[p.title]
      if (!edit) throw new Error(`no edit for ${p.title}`)
      await openDoc(page, p.path)
      const example = await liveExample(page)
      const id = await example.getAttribute('aria-labelledby')
      await writeCode(example, edit.code)
      await example.getByRole('button', { name: 'Run', exact: true }).click()
      await expect(example.locator('.dispatch-token').first()).toBeAttached()
      await expect(example.getByTestId('example-outcome')).toContainText(edit.outcome)
      const consoleLog = example.getByRole('log', { name: 'Console' })
      await expect(consoleLog).toContainText(edit.printed)
      await expect(consoleLog).toContainText('1 call changed the engine')
      // Run again: the same result from the same world, not a second step on top of the first.
      await page.keyboard.press('ControlOrMeta+Enter')
      await expect(consoleLog).toContainText('1 call changed the engine, added as step')
      await expect(example.getByTestId('example-outcome')).toContainText(edit.outcome)

      await example.getByRole('link', { name: /Open in playground/ }).click()
      const scenarioId = id?.replace(/^example-/, '') ?? ''
      await expect(page).toHaveURL(new RegExp(`/fanout/play/${scenarioId}#run=`))
      await expect(
        page.getByTestId('subscription-graph').locator('.react-flow__node').first(),
      ).toBeVisible()
      await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue(scenarioId)
      const code = page.getByRole('region', { name: 'Code' })
      const inPlayground = await readEditor(code)
      expect(strip(inPlayground)).toBe(strip(edit.code))
      // The link's code has not run: the Console is as a fresh playground's.
      await expect(page.getByRole('region', { name: 'Console' })).toContainText(
        'console.log output and run results appear here.',
      )
      // The link opened (no notice), with the reader's run on the timeline.
      await expect(page.getByText('This link could not be opened')).toHaveCount(0)
      await expect(page.getByRole('main')).toContainText(edit.outcome.split(' ')[0] ?? '')
    })
  }
})

test('an error in a snippet shows its line and changes nothing; Reset and Restore code', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await page.goto('docs/backends/guild')
  const example = await liveExample(page)
  await example.getByRole('group', { name: 'Try it' }).getByRole('button').first().click()
  const outcome = example.getByTestId('example-outcome')
  await expect(outcome).toContainText('GUILD_UPDATE on guild:20971520')
  const before = await outcome.textContent()
  await writeCode(
    example,
    "dispatcher.dispatch('guild', '20971520', 'GUILD_EMOJIS_UPDATE', { guild_id: '20971520', emojis: [] })\nconst x: any = null\nx.boom()",
  )
  await example.getByRole('button', { name: 'Run', exact: true }).click()
  const consoleLog = example.getByRole('log', { name: 'Console' })
  await expect(consoleLog).toContainText('TypeError')
  await expect(consoleLog).toContainText('(line 3)')
  await expect(consoleLog).toContainText('Nothing from this run was applied.')
  await expect(outcome).toHaveText(before ?? '')
  // Reset: the world as it starts, the reader's code kept; Restore code: the example's code back.
  await example.getByRole('button', { name: 'Reset' }).click()
  await expect(example.getByRole('button', { name: 'Reset' })).toBeDisabled()
  expect(await readCode(example)).toContain('x.boom()')
  await example.getByRole('button', { name: 'Restore code' }).click()
  await expect.poll(() => readCode(example)).toContain("const guild = '20971520'")
  await expect(example.getByRole('button', { name: 'Restore code' })).toBeDisabled()
})

test('on a phone the snippet is a textarea that runs; Monaco never loads on its own', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 390, height: 844 })
  const scripts: string[] = []
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push(r.url())
  })
  await page.goto('docs/backends/user')
  const example = await liveExample(page)
  const edit = EDITS.user
  if (!edit) throw new Error('no edit')
  await writeCode(example, edit.code)
  await example.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(example.getByTestId('example-outcome')).toContainText(edit.outcome)
  await expect(example.getByRole('log', { name: 'Console' })).toContainText(edit.printed)
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width, 'no sideways scrolling').toBeLessThanOrEqual(390)
  expect(scripts.filter((u) => /CodeEditor|monaco|editor\.api/i.test(u))).toEqual([])
})

test('a live example left alone on a desktop loads no Monaco until the editor is touched', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await page.goto('docs/backends/channel')
  const example = await liveExample(page)
  await page.mouse.move(0, 0)
  // Longer than the playground's idle upgrade (4 s): the docs never take it.
  await page.waitForTimeout(6_000)
  await expect(example.locator('textarea.fallback-editor__text')).toBeVisible()
  await expect(page.locator('.monaco-editor')).toHaveCount(0)
  await example.locator('.editor-slot').hover()
  await expect(example.locator('.monaco-editor')).toBeVisible({ timeout: 60_000 })
})
