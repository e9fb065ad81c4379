import { expect, test } from './fixtures'
import { PlaygroundPage } from './PlaygroundPage'

test('every dispatcher helper is in the Dispatch tab: dispatchMany, dispatchFilter, dispatchManyFilterList', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('helpers')
  await play.tab('Dispatch')
  const composer = page.getByRole('form', { name: 'Dispatch composer' })
  const call = composer.getByRole('combobox', { name: 'Call' })
  await expect(call.locator('option')).toHaveText([
    'dispatch',
    'dispatchMany',
    'dispatchFilter',
    'dispatchManyFilterList',
  ])
  await call.selectOption('dispatchMany')
  await composer.getByRole('combobox', { name: 'Backend' }).selectOption('channel')
  await composer.getByLabel(/^Keys/).fill('1001, 1002')
  await composer.getByLabel('Event type').fill('TYPING_START')
  await composer.getByRole('button', { name: 'Dispatch', exact: true }).click()
  const rows = play.log.locator('tbody tr', { hasText: 'TYPING_START' })
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(0)).toContainText('channel:1001')
  await expect(rows.nth(1)).toContainText('channel:1002')

  await call.selectOption('dispatchFilter')
  await composer.getByRole('combobox', { name: 'Backend' }).selectOption('guild')
  await composer.getByLabel(/^Key/).fill('20971520')
  await composer.getByRole('group', { name: 'Only these sessions' }).getByLabel('bob #1').check()
  await composer.getByLabel('Event type').fill('GUILD_UPDATE')
  await composer.getByRole('button', { name: 'Dispatch', exact: true }).click()
  await expect(play.narration).toContainText('GUILD_UPDATE on guild:20971520 → 1 delivered')
  await expect(play.narration).toContainText('skipped: filter')

  await call.selectOption('dispatchManyFilterList')
  await composer.getByRole('combobox', { name: 'Backend' }).selectOption('channel')
  await composer.getByLabel(/^Keys/).fill('1001, 1002')
  await composer.getByLabel('Event type').fill('MESSAGE_CREATE')
  await composer.getByRole('button', { name: 'Dispatch', exact: true }).click()
  await expect(play.log.locator('tbody tr').last()).toContainText('1 filter')
})

test('the Helpers scenario: dispatchMany reaches alice twice, dispatchManyFilterList once', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('helpers')
  const alice = async () => {
    const nav = play.ledger.getByRole('navigation', { name: /Rows of step/ })
    await expect(nav).toContainText('2 of 2')
    const reached: string[] = []
    for (const i of [0, 1]) {
      await nav.getByRole('button', { name: i === 0 ? /Previous row/ : /Next row/ }).click()
      const item = play.ledger.getByRole('listitem').filter({ hasText: 'alice #1' })
      reached.push((await item.locator('.ledger__what').innerText()).trim())
    }
    return reached
  }
  await play.suggest(/dispatchMany to #general and #news/)
  expect(await alice()).toEqual(['delivered', 'delivered'])
  await play.suggest(/dispatchManyFilterList to #general and #news/)
  expect(await alice()).toEqual(['delivered', 'skipped: filter'])
})
