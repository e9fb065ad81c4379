import { expect, test } from './fixtures'
import { PlaygroundPage } from './PlaygroundPage'

test('the backend reference opens from the Dispatch tab’s backend picker and from the Legend', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('intents')
  await play.tab('Dispatch')
  const composer = page.getByRole('form', { name: 'Dispatch composer' })
  await composer.getByRole('combobox', { name: 'Backend' }).selectOption('member')
  await composer.getByRole('button', { name: 'What does member do?' }).click()
  const dialog = page.getByRole('dialog', { name: 'Backends at a glance' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('article')).toHaveCount(6)
  const member = dialog.getByRole('article', { name: /member/ })
  await expect(member).toContainText('guildId:userId')
  await expect(member).toContainText('that user’s sessions that serve the guild’s shard')
  await expect(member).toBeInViewport()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  await page.getByText('Legend', { exact: true }).click()
  await page.getByRole('button', { name: 'Backends at a glance' }).click()
  const guild = page.getByRole('dialog', { name: 'Backends at a glance' }).getByRole('article', {
    name: /^guild guildId/,
  })
  await expect(guild).toContainText('shard, then intents')
  await page.getByRole('button', { name: 'Close the backend reference' }).last().click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
})

test('the playground’s words explain themselves on hover and on keyboard focus', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('disconnect-and-resume')
  // The step shown on opening: bob, disconnected, had the message buffered.
  const buffered = play.ledger.getByText('buffered', { exact: true })
  await buffered.hover()
  const tip = page.getByRole('tooltip')
  await expect(tip).toContainText('Kept for a disconnected session')
  await page.mouse.move(0, 0)
  await expect(tip).toHaveCount(0)

  // Keyboard: focus shows it, Escape hides it; the words are the terms' accessible descriptions.
  await buffered.focus()
  await expect(tip).toContainText('resume window')
  await expect(buffered).toHaveAccessibleDescription(/Kept for a disconnected session/)
  await page.keyboard.press('Escape')
  await expect(tip).toHaveCount(0)

  await play.session('bob').click()
  for (const [word, says] of [
    ['Shard', 'A slice of a bot’s guilds'],
    ['seq', 'sequence number'],
    ['Intents', 'A bit a session asks for at IDENTIFY'],
    ['Session', 'One identified gateway connection'],
  ] as const) {
    await expect(play.inspector.getByText(word, { exact: true })).toHaveAccessibleDescription(
      new RegExp(says),
    )
  }
  await play.tab('Sessions')
  for (const word of ['guilds', 'shard', 'resume window']) {
    await expect(page.getByText(word, { exact: true }).first()).toHaveAttribute('tabindex', '0')
  }
  // And all of them, listed in the Legend.
  await page.getByText('Legend', { exact: true }).click()
  const words = page.locator('.legend__words dt')
  await expect(words).toHaveText([
    'guild',
    'shard',
    'intent',
    'seq',
    'session',
    'topic',
    'buffered',
    'resume window',
  ])
})
