import { describe, expect, it } from 'vitest'
import { Intents } from './gateway/intents.ts'
import { DISCORD_EPOCH, LAST_SNOWFLAKE_TIME, parseSnowflake } from './ids.ts'
import { createSimulation } from './simulation.ts'
import { fixtureF, G, GENERAL } from './testing/fixtures.ts'

/**
 * docs/design/semantics.md §10 (review decisions): the smaller findings of the engine review, one
 * rule each.
 */
describe('op 3 on a session that is not connected', () => {
  it('is refused with NOT_CONNECTED, as op 14 is, and fans nothing out', () => {
    const { sim, A, C } = fixtureF()
    sim.gateway.disconnect(C.sessionId)
    const frames = A.frames.length
    for (const call of [
      () => sim.gateway.updatePresence(C.sessionId, { status: 'dnd' }),
      () => sim.gateway.requestMemberList(C.sessionId, G, { [GENERAL]: [[0, 9]] }),
    ]) {
      expect(call).toThrow(expect.objectContaining({ code: 'NOT_CONNECTED' }))
    }
    expect(A.frames).toHaveLength(frames)
  })
})

describe('startTime and the snowflakes it leads to', () => {
  it('refuses a startTime before the Discord epoch or after the last ms a snowflake can hold', () => {
    for (const startTime of [0, DISCORD_EPOCH - 1, LAST_SNOWFLAKE_TIME + 1, 2 ** 53 - 1]) {
      expect(() => createSimulation({ startTime })).toThrow(
        expect.objectContaining({ code: 'INVALID_OPTIONS' }),
      )
    }
    expect(createSimulation({ startTime: DISCORD_EPOCH }).clock.now()).toBe(DISCORD_EPOCH)
  })

  it('never generates an id above 2^64 − 1: the clock stops at the last ms, ids run out cleanly', () => {
    const sim = createSimulation({ startTime: LAST_SNOWFLAKE_TIME - 1 })
    expect(() => sim.clock.advance(2)).toThrow(expect.objectContaining({ code: 'INVALID_TIME' }))
    sim.clock.advance(1)
    let last = ''
    for (let i = 0; i < 4096; i++) last = sim.world.createUser({ username: `u${i}` }).id
    // The last ms, increment 4095 (the worker and process bits stay 0): within 2^64 − 1.
    expect(parseSnowflake(last)).toBe(((((1n << 42n) - 1n) << 22n) | 4095n).toString())
    const users = sim.world.users().length
    expect(() => sim.world.createUser({ username: 'one too many' })).toThrow(
      expect.objectContaining({ code: 'ID_SPACE_EXHAUSTED' }),
    )
    expect(sim.world.users()).toHaveLength(users)
    // The last user is usable: it can identify.
    expect(sim.gateway.identify({ userId: last }).userId).toBe(last)
  })
})

describe('MESSAGE_CONTENT redaction decided from the world', () => {
  function world() {
    const sim = createSimulation()
    sim.world.createUser({ id: '10', username: 'author' })
    sim.world.createUser({ id: '20', username: 'reader' })
    sim.world.createGuild({ id: G, name: 'g', ownerId: '10' })
    sim.world.addMember(G, '20')
    sim.world.createChannel({ id: GENERAL, guildId: G })
    const dm = sim.world.createChannel({ type: 1, recipients: ['10', '20'] })
    const noContent = Intents.ALL & ~Intents.MESSAGE_CONTENT
    const author = sim.gateway.identify({ userId: '10', intents: noContent })
    const reader = sim.gateway.identify({ userId: '20', intents: noContent })
    return { sim, dm, author, reader }
  }
  const message = { id: '900', channel_id: GENERAL, content: 'secret', embeds: [{ title: 't' }] }

  it('redacts a guild message whose payload gives guild_id and author.id as numbers', () => {
    const { sim, author, reader } = world()
    sim.dispatcher.dispatch('guild', G, 'MESSAGE_CREATE', {
      ...message,
      guild_id: Number(G),
      author: { id: 10 },
    })
    expect(reader.frames.at(-1)?.d).toMatchObject({ content: '', embeds: [] })
    expect(author.frames.at(-1)?.d).toMatchObject({ content: 'secret' })
  })

  it('redacts a guild channel message whose payload has no guild_id at all', () => {
    const { sim, reader } = world()
    sim.dispatcher.dispatch('channel', GENERAL, 'MESSAGE_CREATE', {
      ...message,
      author: { id: '10' },
    })
    expect(reader.frames.at(-1)?.d).toMatchObject({ content: '' })
  })

  it('leaves a DM alone even when its payload claims a guild_id', () => {
    const { sim, dm, reader } = world()
    sim.dispatcher.dispatch('channel', dm.id, 'MESSAGE_CREATE', {
      ...message,
      channel_id: dm.id,
      guild_id: G,
      author: { id: '10' },
    })
    expect(reader.frames.at(-1)?.d).toMatchObject({ content: 'secret' })
  })

  it('takes the author of a stored message from the world, whatever the payload says', () => {
    const { sim, author, reader } = world()
    sim.actions.sendMessage(GENERAL, '10', 'secret')
    const id = (author.frames.at(-1)?.d as { id: string }).id
    sim.dispatcher.dispatch('channel', GENERAL, 'MESSAGE_UPDATE', {
      id,
      channel_id: GENERAL,
      guild_id: G,
      content: 'edited',
      author: { id: '20' }, // a payload that lies about its author
    })
    expect(author.frames.at(-1)?.d).toMatchObject({ content: 'edited' })
    expect(reader.frames.at(-1)?.d).toMatchObject({ content: '' })
  })
})
