import { expect, test } from './fixtures'
import { PlaygroundPage } from './PlaygroundPage'

test('comparing with a marked step lights up new subscriptions and lists every change', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('intents')
  await play.stepBack.click()
  await play.stepBack.click()
  await expect(play.timeline).toHaveValue('2')
  const changes = page.getByRole('region', { name: 'Changes' })
  await changes.getByRole('button', { name: 'Mark step 2' }).click()
  await expect(changes).toContainText('Comparing with step 2, this one')
  await expect(page.locator('.timeline__mark')).toHaveAttribute('title', 'Compared with step 2')

  await play.stepForward.click()
  await play.stepForward.click()
  await expect(play.timeline).toHaveValue('4')
  const list = changes.getByRole('list', { name: 'Changes against step 2' })
  await expect(list.getByRole('listitem')).toHaveText([
    '+ Fanout HQ ← bob #1',
    '+ Fanout HQ ← logbot #1',
    '+ #general ← bob #1',
    '+ #general ← logbot #1',
    '+ session bob #1',
    '+ session logbot #1',
  ])
  await expect(play.graph.locator('.dispatch-edge.is-added')).toHaveCount(4)

  // Backwards past the mark, the same changes read the other way round.
  await play.timeline.fill('1')
  await expect(changes).toContainText('Step 1 against step 2')
  await expect(list.getByRole('listitem').first()).toHaveText('− Fanout HQ ← alice #1')

  await changes.getByRole('button', { name: 'Stop comparing' }).click()
  await expect(changes.getByRole('button', { name: 'Mark step 1' })).toBeVisible()
  await expect(play.graph.locator('.dispatch-edge.is-added')).toHaveCount(0)
  await expect(page.locator('.timeline__mark')).toHaveCount(0)
})
