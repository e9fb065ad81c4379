import { expect, test } from './fixtures'
import { PlaygroundPage } from './PlaygroundPage'

const SCENARIOS = [
  ['guild-basics', 'Guild basics'],
  ['intents', 'Intents'],
  ['sharded-bot', 'Sharded bot'],
  ['dms-and-group-dms', 'DMs and group DMs'],
  ['friends-and-presence', 'Friends and presence'],
  ['lazy-member-list', 'Lazy member list'],
  ['disconnect-and-resume', 'Disconnect and resume'],
  ['helpers', 'Helpers'],
  ['large-guild', 'Large guild (1,000 sessions)'],
] as const
// And "Discord-scale guild (100,000 sessions)": it builds for a while, so discordScale.spec.ts has it.
const PICKER_OPTIONS = SCENARIOS.length + 1

test('every scenario loads from the picker, at its own address, and its first suggestion dispatches', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('guild-basics')
  await expect(play.scenario.locator('option')).toHaveCount(PICKER_OPTIONS)
  for (const [id, title] of SCENARIOS) {
    await test.step(title, async () => {
      await play.scenario.selectOption(id)
      await expect(page).toHaveURL(new RegExp(`/play/${id}$`))
      await expect(page).toHaveTitle(`${title} · Playground · Fanout`)
      await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible()
      await expect(play.graph.locator('.react-flow__node').first()).toBeVisible()
      const rows = await play.log.locator('tbody tr').count()
      await page
        .getByRole('region', { name: title, exact: true })
        .getByRole('listitem')
        .first()
        .getByRole('button')
        .click()
      await expect(play.timeline).toHaveAttribute('aria-valuetext', /Step \d+ of \d+/)
      await expect.poll(() => play.log.locator('tbody tr').count()).toBeGreaterThanOrEqual(rows)
    })
  }
})

test('a deep link opens its scenario; an unknown one says so and lists the scenarios', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('sharded-bot')
  await expect(play.scenario).toHaveValue('sharded-bot')
  await page.goto('/play/no-such-thing')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No such scenario')
  await expect(page.getByRole('main')).toContainText('There is no scenario called “no-such-thing”')
  await expect(page).toHaveURL(/\/play\/no-such-thing$/)
  await page.getByRole('link', { name: 'Sharded bot' }).click()
  await expect(play.scenario).toHaveValue('sharded-bot')
})
