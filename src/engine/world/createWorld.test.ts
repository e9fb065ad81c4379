import { describe, expect, it } from 'vitest'
import { createWorld, type WorldChange } from './createWorld.ts'
import { testContext, testWorld } from './testWorld.ts'

describe('createWorld', () => {
  it('runs the documented example', () => {
    const world = createWorld(testContext())
    const alice = world.createUser({ username: 'alice' })
    const guild = world.createGuild({ name: 'Fanout', ownerId: alice.id })
    const general = world.createChannel({ guildId: guild.id, name: 'general' })
    expect(world.canView(alice.id, general.id)).toBe(true)
  })

  it('reports one change per successful mutation, naming the entity it was about', () => {
    const { world } = testWorld()
    const changes: WorldChange[] = []
    world.onChange((c) => changes.push(c))
    world.createUser({ id: '50', username: 'eve' })
    world.updateUser('50', { username: 'Eve' })
    world.createGuild({ id: '900', name: 'H', ownerId: '50' })
    world.createRole('900', { id: '2900', name: 'r' })
    world.updateRole('900', '2900', { hoist: true })
    world.addMember('900', '20')
    world.setNick('900', '20', 'b')
    world.setMemberRoles('900', '20', ['2900'])
    world.removeMember('900', '20')
    world.deleteRole('900', '2900')
    world.createChannel({ id: '901', guildId: '900' })
    world.updateChannel('901', { name: 'x' })
    world.addMessage('901', '50', 'hi', { id: '7' })
    world.editMessage('901', '7', 'hey')
    world.deleteMessage('901', '7')
    world.deleteChannel('901')
    const dm = world.createChannel({ id: '902', type: 1, recipients: ['50', '20'] })
    world.addMessage(dm.id, '20', 'psst', { id: '8' })
    world.addFriendship('50', '20')
    world.removeFriendship('20', '50')
    world.setPresence('50', { status: 'online' })
    expect(changes).toEqual([
      { entity: 'user', op: 'create', id: '50' },
      { entity: 'user', op: 'update', id: '50' },
      { entity: 'guild', op: 'create', id: '900' },
      { entity: 'role', op: 'create', id: '2900', guildId: '900' },
      { entity: 'role', op: 'update', id: '2900', guildId: '900' },
      { entity: 'member', op: 'create', id: '20', guildId: '900' },
      { entity: 'member', op: 'update', id: '20', guildId: '900' },
      { entity: 'member', op: 'update', id: '20', guildId: '900' },
      { entity: 'member', op: 'delete', id: '20', guildId: '900' },
      { entity: 'role', op: 'delete', id: '2900', guildId: '900' },
      { entity: 'channel', op: 'create', id: '901', guildId: '900' },
      { entity: 'channel', op: 'update', id: '901', guildId: '900' },
      { entity: 'message', op: 'create', id: '7', channelId: '901', guildId: '900' },
      { entity: 'message', op: 'update', id: '7', channelId: '901', guildId: '900' },
      { entity: 'message', op: 'delete', id: '7', channelId: '901', guildId: '900' },
      { entity: 'channel', op: 'delete', id: '901', guildId: '900' },
      { entity: 'channel', op: 'create', id: '902' },
      { entity: 'message', op: 'create', id: '8', channelId: '902' },
      { entity: 'friendship', op: 'create', id: '20:50' },
      { entity: 'friendship', op: 'delete', id: '20:50' },
      { entity: 'presence', op: 'update', id: '50' },
    ])
    expect(changes.every((c) => Object.isFrozen(c))).toBe(true)
  })

  it('reports changes after they are applied, so listeners read the new world', () => {
    const { world } = testWorld()
    const seen: (string | undefined)[] = []
    world.onChange(() => seen.push(world.member('1000', '40')?.user_id))
    world.addMember('1000', '40')
    expect(seen).toEqual(['40'])
  })

  it('stops reporting to a listener once unsubscribed, even from inside a report', () => {
    const { world } = testWorld()
    const calls: string[] = []
    const stopFirst = world.onChange(() => {
      calls.push('first')
      stopFirst()
    })
    world.onChange(() => calls.push('second'))
    world.createUser({ username: 'a' })
    world.createUser({ username: 'b' })
    expect(calls).toEqual(['first', 'second', 'second'])
  })

  it('keeps reads from exposing anything mutable', () => {
    const { world } = testWorld()
    world.createRole('1000', { id: '2001', name: 'r' })
    world.setMemberRoles('1000', '20', ['2001'])
    world.updateChannel('100', { overwrites: [{ id: '2001', type: 0, allow: 1024 }] })
    const records = [
      world.guild('1000'),
      world.member('1000', '20'),
      world.member('1000', '20')?.roles,
      world.role('1000', '2001'),
      world.channel('100'),
      world.channel('100')?.permission_overwrites[0],
      world.presence('20'),
    ]
    for (const record of records) expect(Object.isFrozen(record)).toBe(true)
    world.members('1000').length = 0
    world.roles('1000').length = 0
    world.guildChannels('1000').length = 0
    ;(world.userGuildIds('20') as string[]).length = 0
    expect(world.memberCount('1000')).toBe(3)
    expect(world.roles('1000')).toHaveLength(2)
    expect(world.guildChannels('1000')).toHaveLength(1)
    expect(world.userGuildIds('20')).toEqual(['1000'])
  })

  it('finds nothing, without throwing, for unknown or malformed ids', () => {
    const { world } = testWorld()
    expect(world.user('x')).toBeUndefined()
    expect(world.guild(-5)).toBeUndefined()
    expect(world.member('1000', '99')).toBeUndefined()
    expect(world.members('x')).toEqual([])
    expect(world.roles('404')).toEqual([])
    expect(world.role('1000', '404')).toBeUndefined()
    expect(world.everyoneRole('404')).toBeUndefined()
    expect([...world.guildMemberIds('404')]).toEqual([])
    expect(world.memberCount('404')).toBe(0)
    expect(world.message('100', '404')).toBeUndefined()
    expect(world.messages('404')).toEqual([])
    expect(world.findDm('x', '10')).toBeUndefined()
    expect(world.areFriends('10', 'x')).toBe(false)
  })
})
