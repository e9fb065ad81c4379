import { expect, test } from './fixtures'
import { PlaygroundPage } from './PlaygroundPage'

test('the key’s placeholder follows the backend, and an empty key is refused at the field', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('intents')
  const steps = await play.timeline.getAttribute('max')
  await play.tab('Dispatch')
  const composer = page.getByRole('form', { name: 'Dispatch composer' })
  const backend = composer.getByRole('combobox', { name: 'Backend' })
  const key = composer.getByLabel(/^Key/)
  // alice is user 10, logbot 30, bob 40; the guild is 20971520, #general 1001.
  const examples: [string, RegExp][] = [
    ['guild', /^e\.g\. 20971520$/],
    ['user', /^e\.g\. (10|30|40)$/],
    ['friend', /^e\.g\. (10|30|40)$/],
    ['member', /^e\.g\. 20971520:(10|30|40)$/],
    ['channel', /^e\.g\. 1001$/],
  ]
  for (const [name, example] of examples) {
    await backend.selectOption(name)
    await expect(key).toHaveAttribute('placeholder', example)
  }
  await backend.selectOption('user')
  await composer.getByRole('button', { name: 'Dispatch', exact: true }).click()
  await expect(key).toHaveAttribute('aria-invalid', 'true')
  await expect(composer.getByRole('alert')).toHaveText(
    /^Type a key, e\.g\. \d+: the grey text is only an example\.$/,
  )
  await expect(play.timeline).toHaveAttribute('max', steps ?? '')
  await expect(play.log.locator('tbody tr', { hasText: 'user:' })).toHaveCount(0)

  await key.fill('40')
  await composer.getByRole('button', { name: 'Dispatch', exact: true }).click()
  await expect(play.log.locator('tbody tr').last()).toContainText('user:40')
  await expect(key).not.toHaveAttribute('aria-invalid', 'true')
})

test('every form refuses an empty required field with a message at that field', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('guild-basics')
  const steps = await play.timeline.getAttribute('max')
  const refused = async (form: string, field: string, message: string | RegExp) => {
    const f = page.getByRole('form', { name: form })
    await f.getByRole('button').last().click()
    await expect(f.getByLabel(field)).toHaveAttribute('aria-invalid', 'true')
    await expect(f.getByLabel(field)).toBeFocused()
    await expect(f.getByRole('alert')).toHaveText(message)
    await expect(play.timeline).toHaveAttribute('max', steps ?? '')
  }

  await page.getByRole('tab', { name: 'World' }).click()
  await refused('Add a user', 'Username', 'Username is required: “erin” is only an example.')
  await page.getByRole('form', { name: 'Add a guild' }).getByLabel('Name').fill('   ')
  await refused('Add a guild', 'Name', 'Name is required: “Book club” is only an example.')

  await page.getByRole('tab', { name: 'Actions' }).click()
  await refused('Send a message', 'Content', /^Content is required/)

  await page.getByRole('tab', { name: 'Sessions' }).click()
  await page.getByRole('form', { name: 'IDENTIFY a session' }).getByLabel('Shard id').fill('')
  await refused('IDENTIFY a session', 'Shard id', 'Shard id is required: type a number.')
  await page.getByRole('form', { name: 'Advance the clock' }).getByLabel('Seconds').fill('-5')
  await refused('Advance the clock', 'Seconds', 'Seconds must be 0 or more.')

  // Fixed, it goes through and the message goes away.
  const clock = page.getByRole('form', { name: 'Advance the clock' })
  await clock.getByLabel('Seconds').fill('5')
  await clock.getByRole('button', { name: 'Advance' }).click()
  await expect(play.timeline).toHaveAttribute('max', String(Number(steps) + 1))
  await expect(clock.getByRole('alert')).toHaveCount(0)
})

test('a search that stands for a long select refuses a name it does not know, at the field', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('large-guild')
  const steps = await play.timeline.getAttribute('max')
  await page.getByRole('tab', { name: 'Sessions' }).click()
  const presence = page.getByRole('form', { name: 'Change presence (op 3)' })
  const session = presence.getByRole('combobox', { name: 'Session' })
  await presence.getByRole('button', { name: 'Update presence' }).click()
  await expect(presence.getByRole('alert')).toHaveText(
    'Session is required: type a name or id and pick one.',
  )
  await expect(session).toBeFocused()
  await session.fill('nobody')
  await presence.getByRole('button', { name: 'Update presence' }).click()
  await expect(presence.getByRole('alert')).toHaveText('No session is called "nobody".')
  await expect(session).toHaveAttribute('aria-invalid', 'true')
  await expect(play.timeline).toHaveAttribute('max', steps ?? '')
})
