import { expect, test } from './fixtures'
import { PlaygroundPage } from './PlaygroundPage'

test('the Actions tab sends a message through the server flow and the log shows it', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('guild-basics')
  await page.getByRole('tab', { name: 'Actions' }).click()
  const form = page.getByRole('form', { name: 'Send a message' })
  await form.getByLabel('Channel').selectOption({ label: '#general (Fanout HQ)' })
  await form.getByLabel('Author').selectOption({ label: 'alice' })
  await form.getByLabel('Content').fill('hello, gateway')
  await form.getByRole('button', { name: 'Send' }).click()

  const row = play.log.locator('tbody tr').last()
  await expect(row).toContainText('MESSAGE_CREATE')
  await expect(row).toContainText('channel:1001')
  await expect(play.narration).toContainText('MESSAGE_CREATE on channel:1001')
})

test('op 14 from the Sessions tab puts a member list on the graph; a bad range is refused whole', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('lazy-member-list')
  await page.getByRole('tab', { name: 'Sessions' }).click()
  const form = page.getByRole('form', { name: 'Request a member list (op 14)' })
  const steps = await play.timeline.getAttribute('max')
  const list = play.graph.locator('.react-flow__node', { hasText: 'lazy_guild:' })
  await expect(list).toContainText('2 subs')

  // A reversed range: the engine's reason is shown and nothing enters the timeline.
  await form.getByLabel('Session').selectOption({ label: 'carol #1' })
  await form.getByLabel('From').fill('20')
  await form.getByLabel('To').fill('10')
  await form.getByRole('button', { name: 'Request list' }).click()
  await expect(page.getByRole('alert').filter({ hasText: /range/i })).toBeVisible()
  await expect(play.timeline).toHaveAttribute('max', steps ?? '')

  await form.getByLabel('Session').selectOption({ label: 'carol #1' })
  await form.getByLabel('From').fill('0')
  await form.getByLabel('To').fill('4')
  await form.getByRole('button', { name: 'Request list' }).click()
  await expect(play.log.locator('tbody tr').last()).toContainText('GUILD_MEMBER_LIST_UPDATE')
  await expect(play.timeline).toHaveAttribute('max', String(Number(steps) + 1))
  await expect(list).toContainText('3 subs')
  await play.session('carol').click()
  const frames = play.inspector.getByRole('list', { name: /Frames/ })
  await expect(frames.getByRole('listitem').first()).toContainText('GUILD_MEMBER_LIST_UPDATE')
  await expect(frames.getByRole('listitem').first()).toContainText('SYNC')
})
