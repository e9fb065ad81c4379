import { describe, expect, it } from 'vitest'
import { expectRefused, testWorld } from './testWorld.ts'

describe('messages', () => {
  it('stores a message with its guild, author, mentions and the simulation time', () => {
    const { world } = testWorld()
    const message = world.addMessage('100', '20', 'hello <@30>', { mentions: ['30', 30n] })
    expect(message).toEqual({
      id: '1000000',
      channel_id: '100',
      guild_id: '1000',
      author_id: '20',
      content: 'hello <@30>',
      mentions: ['30'],
      timestamp: '2023-11-14T22:13:20.000Z',
      edited_timestamp: null,
    })
    expect(world.message('100', message.id)).toBe(message)
  })

  it('keeps messages per channel in creation order', () => {
    const { world } = testWorld()
    world.createChannel({ id: '101', guildId: '1000' })
    world.addMessage('100', '20', 'a', { id: '9' })
    world.addMessage('101', '20', 'b', { id: '5' })
    world.addMessage('100', '30', 'c', { id: '7' })
    expect(world.messages('100').map((m) => m.id)).toEqual(['9', '7'])
    expect(world.message('101', '9')).toBeUndefined()
  })

  it('edits a message and stamps the edit time', () => {
    const { world, ctx } = testWorld()
    world.addMessage('100', '20', 'typo', { id: '9' })
    ctx.advance(60_000)
    expect(world.editMessage('100', '9', 'fixed')).toMatchObject({
      content: 'fixed',
      timestamp: '2023-11-14T22:13:20.000Z',
      edited_timestamp: '2023-11-14T22:14:20.000Z',
    })
  })

  it('deletes a message', () => {
    const { world } = testWorld()
    world.addMessage('100', '20', 'bye', { id: '9' })
    expect(world.deleteMessage('100', '9').content).toBe('bye')
    expect(world.messages('100')).toEqual([])
  })

  it('lets DM recipients write in their DM', () => {
    const { world } = testWorld()
    const dm = world.createChannel({ type: 1, recipients: ['10', '40'] })
    expect(world.addMessage(dm.id, '40', 'hi').guild_id).toBeNull()
  })

  it('refuses bad messages, unknown ids and outsiders, changing nothing', () => {
    const { world, ctx } = testWorld()
    world.addMessage('100', '20', 'x', { id: '9' })
    const dm = world.createChannel({ type: 1, recipients: ['10', '20'] })
    const r = (act: () => unknown, code: string, message?: RegExp) =>
      expectRefused(world, ctx, act, code, message)
    r(() => world.addMessage('999', '20', 'x'), 'UNKNOWN_CHANNEL')
    r(() => world.addMessage('100', '99', 'x'), 'UNKNOWN_USER')
    r(() => world.addMessage('100', '40', 'x'), 'UNKNOWN_MEMBER', /not a member/)
    r(() => world.addMessage(dm.id, '30', 'x'), 'UNKNOWN_MEMBER', /recipient/)
    r(() => world.addMessage('100', '20', 5 as never), 'INVALID_INPUT')
    r(() => world.addMessage('100', '20', 'x'.repeat(2001)), 'INVALID_INPUT')
    r(
      () => world.addMessage('100', '20', 'x', { mentions: ['99'] }),
      'UNKNOWN_USER',
      /mentions\[0\]/,
    )
    r(() => world.addMessage('100', '20', 'x', { id: '9' }), 'DUPLICATE_ID')
    r(() => world.editMessage('100', '8', 'x'), 'UNKNOWN_MESSAGE')
    r(() => world.editMessage(dm.id, '9', 'x'), 'UNKNOWN_MESSAGE', /channel/)
    r(() => world.editMessage('100', '9', null as never), 'INVALID_INPUT')
    r(() => world.deleteMessage('100', '8'), 'UNKNOWN_MESSAGE')
    r(() => world.deleteMessage('100', 'x'), 'INVALID_ID')
  })
})
