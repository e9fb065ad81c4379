import { expect, test } from './fixtures'
import { PlaygroundPage } from './PlaygroundPage'

test('disconnect buffers what a session misses; resume replays it, frames visible in the inspector', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('guild-basics')
  const bob = play.session('bob')
  await bob.click()
  await expect(play.inspector.getByRole('heading', { name: 'bob #1' })).toBeVisible()
  await play.inspector.getByRole('button', { name: 'Disconnect' }).click()
  await expect(bob).toContainText('disconnected')

  await play.suggest(/GUILD_UPDATE to guild/)
  await play.suggest(/MESSAGE_CREATE in #general/)
  const missed = play.log.locator('tbody tr', { hasText: /GUILD_UPDATE|MESSAGE_CREATE/ })
  await expect(missed).toHaveCount(2)
  for (const row of await missed.all()) await expect(row).toContainText('1 buffered')
  await expect(play.ledger.getByRole('listitem').filter({ hasText: 'bob' })).toContainText(
    'buffered',
  )

  await bob.click()
  const frames = play.inspector.getByRole('list', { name: /Frames/ })
  const before = await frames.getByRole('listitem').count()
  const resume = play.inspector.getByRole('button', { name: /Resume from s \d+/ })
  await resume.click()
  await expect(frames.getByRole('listitem')).toHaveCount(before + 3)
  await expect(frames.getByRole('listitem').nth(0)).toContainText('RESUMED')
  await expect(frames.getByRole('listitem').nth(1)).toContainText('MESSAGE_CREATE')
  await expect(frames.getByRole('listitem').nth(1)).toContainText('replayed')
  await expect(frames.getByRole('listitem').nth(2)).toContainText('GUILD_UPDATE')
  await expect(play.log.locator('tbody tr', { hasText: 'RESUMED' })).toContainText('2 replayed')
  await expect(bob).not.toContainText('disconnected')
})

test('a failing socket skips with send-failed; the clock closes sessions after the resume window', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('disconnect-and-resume')
  const carol = play.session('carol')
  await carol.click()
  await play.inspector.getByRole('button', { name: 'Fail socket' }).click()
  await expect(carol).toContainText('socket failing')
  await play.suggest(/welcome back/)
  await expect(play.log.locator('tbody tr').last()).toContainText('1 send-failed')
  await expect(play.ledger.getByRole('listitem').filter({ hasText: 'carol' })).toContainText(
    'Its socket failed',
  )

  // bob is still disconnected in this scenario: 60 s later his window has passed.
  await play.session('bob').click()
  const frames = play.inspector.getByRole('list', { name: /Frames/ })
  await expect(frames.getByRole('listitem').first()).toBeVisible()
  const sent = await frames.getByRole('listitem').count()
  await play.suggest(/Advance the clock 60 s/)
  await expect(play.session('bob')).toHaveCount(0)
  // Closed, gone from the graph, and still readable: the inspector keeps what bob was sent.
  await expect(play.inspector).toContainText('closed (resume-window)')
  await expect(frames.getByRole('listitem')).toHaveCount(sent)
  await expect(play.inspector.getByRole('button', { name: 'Disconnect' })).toHaveCount(0)
})
