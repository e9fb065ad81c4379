import { expect, test } from './fixtures'
import { PlaygroundPage } from './PlaygroundPage'

test('a RESUME after the window is answered INVALID_SESSION, in the log, the Delivery panel and bob’s frames', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('disconnect-and-resume')
  await play.suggest(/Advance the clock 60 s/)
  await expect(play.session('bob')).toHaveCount(0)
  await play.suggest(/bob RESUMEs/)

  const row = play.log.locator('tbody tr').last()
  await expect(row).toContainText('RESUME')
  await expect(row).toContainText('INVALID_SESSION')
  await expect(row).toHaveAttribute('aria-selected', 'true')
  await expect(play.ledger).toContainText('bob’s session is closed')
  await expect(play.ledger).toContainText('the server answered INVALID_SESSION (d: false)')
  await expect(play.ledger).toContainText('bob must IDENTIFY again')
  await expect(play.narration).toContainText('INVALID_SESSION')

  // bob's session left the graph; the Delivery panel opens it, with the op 9 frame last.
  await play.ledger.getByRole('button', { name: /bob #1/ }).click()
  const frames = play.inspector.getByRole('list', { name: /Frames/ })
  await expect(frames.getByRole('listitem').first()).toContainText('INVALID_SESSION')
  await expect(frames.getByRole('listitem').first()).toContainText('op 9')

  // It is a step like any other: back and forth, the row is still there.
  await play.stepBack.click()
  await expect(play.log.locator('tbody tr', { hasText: 'INVALID_SESSION' })).toHaveCount(0)
  await play.stepForward.click()
  await expect(play.log.locator('tbody tr', { hasText: 'INVALID_SESSION' })).toHaveCount(1)
})

test('a call the engine refuses gets a log row and the reason in the Delivery panel, and no step', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('disconnect-and-resume')
  const steps = await play.timeline.getAttribute('max')
  await page.getByRole('tab', { name: 'Sessions' }).click()

  // op 14 from bob's session while it is disconnected: the engine refuses it (NOT_CONNECTED).
  const op14 = page.getByRole('form', { name: 'Request a member list (op 14)' })
  await op14.getByLabel('Session').selectOption({ label: 'bob #1' })
  await op14.getByRole('button', { name: 'Request list' }).click()
  const refused = play.log.locator('tbody tr.event-row--refused')
  await expect(refused).toHaveCount(1)
  await expect(refused).toContainText('op 14')
  await expect(refused).toContainText('refused: NOT_CONNECTED')
  await expect(refused).toHaveAttribute('aria-selected', 'true')
  await expect(play.ledger).toContainText('not connected')
  await expect(play.ledger.getByRole('alert')).toContainText('not on the timeline')
  await expect(play.narration).toContainText('op 14 member list from bob #1 → refused')
  await expect(play.timeline).toHaveAttribute('max', steps ?? '')

  // IDENTIFY on a shard that does not exist: the gateway's close code, and no session.
  const identify = page.getByRole('form', { name: 'IDENTIFY a session' })
  await identify.getByLabel('Shard id').fill('3')
  await identify.getByLabel('of', { exact: true }).fill('2')
  await identify.getByRole('button', { name: 'IDENTIFY' }).click()
  // The row is replaced, never piled up.
  await expect(refused).toHaveCount(1)
  await expect(refused).toContainText('IDENTIFY')
  await expect(play.ledger).toContainText('4010')
  await expect(play.timeline).toHaveAttribute('max', steps ?? '')

  // The next change that goes through clears it.
  await play.suggest(/welcome back/)
  await expect(refused).toHaveCount(0)
})
