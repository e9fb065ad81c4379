import { describe, expect, it } from 'vitest'
import { createWorld } from './createWorld.ts'
import { DEFAULT_EVERYONE_PERMISSIONS } from './permissions.ts'
import { expectRefused, testContext, testWorld } from './testWorld.ts'

describe('guilds', () => {
  it('creates a guild whose owner is a member and whose @everyone role has the guild id', () => {
    const ctx = testContext()
    const world = createWorld(ctx)
    world.createUser({ id: '10', username: 'alice' })
    const guild = world.createGuild({ name: 'Fanout', ownerId: 10n })
    expect(guild).toEqual({ id: '1000000', name: 'Fanout', owner_id: '10' })
    expect(world.members(guild.id)).toEqual([
      {
        guild_id: guild.id,
        user_id: '10',
        nick: null,
        roles: [],
        joined_at: '2023-11-14T22:13:20.000Z',
      },
    ])
    expect(world.everyoneRole(guild.id)).toEqual({
      id: guild.id,
      guild_id: guild.id,
      name: '@everyone',
      position: 0,
      hoist: false,
      permissions: DEFAULT_EVERYONE_PERMISSIONS,
    })
    expect(world.userGuildIds('10')).toEqual([guild.id])
  })

  it('lists guilds in creation order', () => {
    const { world } = testWorld()
    world.createGuild({ id: '5', name: 'B', ownerId: '20' })
    expect(world.guilds().map((g) => g.id)).toEqual(['1000', '5'])
  })

  it('refuses bad guilds and changes nothing', () => {
    const { world, ctx } = testWorld()
    expectRefused(world, ctx, () => world.createGuild({ name: 'X', ownerId: '99' }), 'UNKNOWN_USER')
    expectRefused(world, ctx, () => world.createGuild({ name: '', ownerId: '10' }), 'INVALID_INPUT')
    expectRefused(world, ctx, () => world.createGuild({ name: 'X', ownerId: 'ten' }), 'INVALID_ID')
    expectRefused(
      world,
      ctx,
      () => world.createGuild({ id: '1000', name: 'X', ownerId: '10' }),
      'DUPLICATE_ID',
    )
    // A role id is taken too: the new guild's @everyone would reuse it.
    const role = world.createRole('1000', { id: '2000', name: 'r' })
    expectRefused(
      world,
      ctx,
      () => world.createGuild({ id: role.id, name: 'X', ownerId: '10' }),
      'DUPLICATE_ID',
    )
  })
})

describe('members', () => {
  it('adds members with roles and a nick, stamped with the simulation time', () => {
    const { world, ctx } = testWorld()
    world.createRole('1000', { id: '2001', name: 'mods' })
    ctx.advance(1000)
    const dave = world.addMember('1000', '40', { roles: ['2001'], nick: 'D' })
    expect(dave).toEqual({
      guild_id: '1000',
      user_id: '40',
      nick: 'D',
      roles: ['2001'],
      joined_at: '2023-11-14T22:13:21.000Z',
    })
    expect(world.member('1000', 40n)).toBe(dave)
    expect(world.memberCount('1000')).toBe(4)
  })

  it('lists members and a user guilds in join order', () => {
    const { world } = testWorld()
    world.createGuild({ id: '900', name: 'H', ownerId: '40' })
    world.addMember('900', '20')
    expect(world.members('1000').map((m) => m.user_id)).toEqual(['10', '20', '30'])
    expect([...world.guildMemberIds('1000')]).toEqual(['10', '20', '30'])
    expect(world.userGuildIds('20')).toEqual(['1000', '900'])
    world.removeMember('1000', '20')
    world.addMember('1000', '20')
    expect(world.userGuildIds('20')).toEqual(['900', '1000'])
    expect([...world.guildMemberIds('1000')]).toEqual(['10', '30', '20'])
  })

  it('updates roles and nick separately or together', () => {
    const { world } = testWorld()
    world.createRole('1000', { id: '2001', name: 'a' })
    world.createRole('1000', { id: '2002', name: 'b' })
    expect(world.setMemberRoles('1000', '20', ['2002', '2001', '2002']).roles).toEqual([
      '2002',
      '2001',
    ])
    expect(world.setNick('1000', '20', 'Bobby')).toMatchObject({
      nick: 'Bobby',
      roles: ['2002', '2001'],
    })
    expect(world.setNick('1000', '20', null).nick).toBeNull()
    expect(world.updateMember('1000', '20', { nick: '' }).nick).toBeNull()
    expect(world.updateMember('1000', '20', { roles: [], nick: 'B' })).toMatchObject({
      roles: [],
      nick: 'B',
    })
  })

  it('removes members, but never the owner', () => {
    const { world, ctx } = testWorld()
    expect(world.removeMember('1000', '20').user_id).toBe('20')
    expect(world.member('1000', '20')).toBeUndefined()
    expect(world.userGuildIds('20')).toEqual([])
    expectRefused(world, ctx, () => world.removeMember('1000', '10'), 'OWNER_CANNOT_LEAVE')
  })

  it('refuses bad member input and changes nothing', () => {
    const { world, ctx } = testWorld()
    world.createGuild({ id: '900', name: 'H', ownerId: '40' })
    world.createRole('900', { id: '2900', name: 'elsewhere' })
    const r = (act: () => unknown, code: string, message?: RegExp) =>
      expectRefused(world, ctx, act, code, message)
    r(() => world.addMember('1000', '20'), 'ALREADY_MEMBER')
    r(() => world.addMember('999', '40'), 'UNKNOWN_GUILD')
    r(() => world.addMember('1000', '99'), 'UNKNOWN_USER')
    r(() => world.addMember('1000', '40', { roles: ['2900'] }), 'UNKNOWN_ROLE', /2900/)
    r(() => world.addMember('1000', '40', { roles: ['1000'] }), 'INVALID_INPUT', /@everyone/)
    r(() => world.addMember('1000', '40', { roles: 'x' as never }), 'INVALID_INPUT')
    r(() => world.addMember('1000', '40', { roles: ['x'] }), 'INVALID_ID')
    r(() => world.addMember('1000', '40', { nick: 5 as never }), 'INVALID_INPUT', /nick/)
    r(() => world.addMember('1000', '40', { nick: 'n'.repeat(33) }), 'INVALID_INPUT')
    r(() => world.updateMember('1000', '40', { nick: 'x' }), 'UNKNOWN_MEMBER')
    r(() => world.setMemberRoles('1000', '20', undefined as never), 'INVALID_INPUT')
    r(() => world.setNick('1000', '20', undefined as never), 'INVALID_INPUT')
    r(() => world.removeMember('1000', '40'), 'UNKNOWN_MEMBER')
    r(() => world.removeMember('01000', '20'), 'INVALID_ID')
  })
})
