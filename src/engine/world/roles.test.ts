import { describe, expect, it } from 'vitest'
import { Permissions } from './permissions.ts'
import { expectRefused, testWorld } from './testWorld.ts'

describe('roles', () => {
  it('places a new role above the highest, with hoist false and no permissions by default', () => {
    const { world } = testWorld()
    const a = world.createRole('1000', { name: 'a' })
    expect(a).toEqual({
      id: '1000000',
      guild_id: '1000',
      name: 'a',
      position: 1,
      hoist: false,
      permissions: '0',
    })
    world.createRole('1000', { name: 'b', position: 7 })
    expect(world.createRole('1000', { name: 'c' }).position).toBe(8)
  })

  it('stores permissions as a decimal string, from a bigint, number or string', () => {
    const { world } = testWorld()
    const kick = Permissions.KICK_MEMBERS | Permissions.SEND_POLLS
    expect(world.createRole('1000', { name: 'a', permissions: kick }).permissions).toBe(
      String(kick),
    )
    expect(world.createRole('1000', { name: 'b', permissions: 1024 }).permissions).toBe('1024')
    expect(world.createRole('1000', { name: 'c', permissions: '8' }).permissions).toBe('8')
  })

  it('orders roles by position, then by id among equal positions, @everyone first', () => {
    const { world } = testWorld()
    world.createRole('1000', { id: '3000', name: 'x', position: 2 })
    world.createRole('1000', { id: '2500', name: 'y', position: 2 })
    world.createRole('1000', { id: '99999', name: 'z', position: 1 })
    world.createRole('1000', { id: '100000', name: 'w', position: 1 })
    expect(world.roles('1000').map((r) => r.id)).toEqual([
      '1000',
      '99999',
      '100000',
      '2500',
      '3000',
    ])
  })

  it('updates a role and keeps what the patch leaves out', () => {
    const { world } = testWorld()
    world.createRole('1000', { id: '2001', name: 'mods', position: 3 })
    const role = world.updateRole('1000', '2001', {
      hoist: true,
      permissions: Permissions.VIEW_CHANNEL,
    })
    expect(role).toMatchObject({ name: 'mods', position: 3, hoist: true, permissions: '1024' })
    expect(world.role('1000', '2001')).toBe(role)
  })

  it('lets @everyone change only its permissions', () => {
    const { world, ctx } = testWorld()
    expect(world.updateRole('1000', '1000', { permissions: 0 }).permissions).toBe('0')
    expect(world.updateRole('1000', '1000', { position: 0, name: '@everyone' }).position).toBe(0)
    expectRefused(
      world,
      ctx,
      () => world.updateRole('1000', '1000', { position: 1 }),
      'INVALID_INPUT',
    )
    expectRefused(
      world,
      ctx,
      () => world.updateRole('1000', '1000', { name: 'all' }),
      'INVALID_INPUT',
    )
    expectRefused(
      world,
      ctx,
      () => world.updateRole('1000', '1000', { hoist: true }),
      'INVALID_INPUT',
    )
  })

  it('deletes a role from the guild, from its members and from overwrites', () => {
    const { world } = testWorld()
    world.createRole('1000', { id: '2001', name: 'a' })
    world.createRole('1000', { id: '2002', name: 'b' })
    world.setMemberRoles('1000', '20', ['2001', '2002'])
    world.updateChannel('100', {
      overwrites: [
        { id: '2001', type: 0, allow: 1024 },
        { id: '20', type: 1, deny: 2048 },
      ],
    })
    expect(world.deleteRole('1000', '2001').id).toBe('2001')
    expect(world.role('1000', '2001')).toBeUndefined()
    expect(world.member('1000', '20')?.roles).toEqual(['2002'])
    expect(world.channel('100')?.permission_overwrites).toEqual([
      { id: '20', type: 1, allow: '0', deny: '2048' },
    ])
    // The id is free again once the role is gone.
    expect(world.createRole('1000', { id: '2001', name: 'again' }).id).toBe('2001')
  })

  it('refuses bad roles and changes nothing', () => {
    const { world, ctx } = testWorld()
    world.createRole('1000', { id: '2001', name: 'a' })
    world.createGuild({ id: '900', name: 'H', ownerId: '40' })
    const r = (act: () => unknown, code: string, message?: RegExp) =>
      expectRefused(world, ctx, act, code, message)
    r(() => world.createRole('999', { name: 'x' }), 'UNKNOWN_GUILD')
    r(() => world.createRole('1000', { name: '' }), 'INVALID_INPUT')
    r(() => world.createRole('1000', { name: 'x', position: 1.5 }), 'INVALID_INPUT', /integer/)
    r(() => world.createRole('1000', { name: 'x', position: 0 }), 'INVALID_INPUT', /@everyone/)
    r(() => world.createRole('1000', { name: 'x', hoist: 'yes' as never }), 'INVALID_INPUT')
    r(() => world.createRole('1000', { name: 'x', permissions: -1 }), 'INVALID_INPUT', /bitfield/)
    r(() => world.createRole('1000', { name: 'x', permissions: '1.5' }), 'INVALID_INPUT')
    r(() => world.createRole('900', { id: '2001', name: 'x' }), 'DUPLICATE_ID')
    r(() => world.createRole('1000', { id: '900', name: 'x' }), 'DUPLICATE_ID')
    r(() => world.updateRole('900', '2001', { name: 'x' }), 'UNKNOWN_ROLE')
    r(() => world.updateRole('1000', '2001', { position: -3 }), 'INVALID_INPUT')
    r(() => world.deleteRole('1000', '1000'), 'CANNOT_DELETE_EVERYONE')
    r(() => world.deleteRole('1000', '2999'), 'UNKNOWN_ROLE')
  })
})
