import { describe, expect, it } from 'vitest'
import { ChannelType } from './channelType.ts'
import { Permissions } from './permissions.ts'
import { expectRefused, testWorld } from './testWorld.ts'

describe('channels', () => {
  it("uses Discord's channel type numbers", () => {
    expect(ChannelType).toEqual({
      GUILD_TEXT: 0,
      DM: 1,
      GUILD_VOICE: 2,
      GROUP_DM: 3,
      GUILD_CATEGORY: 4,
    })
  })

  it('creates a text channel by default, with no overwrites and no recipients', () => {
    const { world } = testWorld()
    expect(world.createChannel({ guildId: '1000' })).toEqual({
      id: '1000000',
      type: ChannelType.GUILD_TEXT,
      guild_id: '1000',
      name: 'general',
      position: 1,
      permission_overwrites: [],
      recipients: [],
      owner_id: null,
    })
    expect(world.createChannel({ guildId: '1000', type: 2 }).name).toBe('General')
    expect(world.createChannel({ guildId: '1000', type: 4, name: 'Info' }).type).toBe(4)
  })

  it('stores overwrites as decimal strings with allow and deny defaulting to 0', () => {
    const { world } = testWorld()
    world.createRole('1000', { id: '2001', name: 'mods' })
    const channel = world.createChannel({
      guildId: 1000n,
      overwrites: [
        { id: 1000n, type: 0, deny: Permissions.VIEW_CHANNEL },
        { id: '2001', type: 0, allow: 1024 },
        { id: 40, type: 1, allow: '2048', deny: '1024' },
      ],
    })
    expect(channel.permission_overwrites).toEqual([
      { id: '1000', type: 0, allow: '0', deny: '1024' },
      { id: '2001', type: 0, allow: '1024', deny: '0' },
      { id: '40', type: 1, allow: '2048', deny: '1024' },
    ])
    expect(Object.isFrozen(channel.permission_overwrites[0])).toBe(true)
  })

  it('lists a guild channels and all channels in creation order', () => {
    const { world } = testWorld()
    world.createChannel({ id: '50', guildId: '1000', name: 'b' })
    world.createChannel({ id: '60', type: 1, recipients: ['10', '20'] })
    expect(world.guildChannels('1000').map((c) => c.id)).toEqual(['100', '50'])
    expect(world.channels().map((c) => c.id)).toEqual(['100', '50', '60'])
  })

  it('creates DMs between two users and finds them from either side', () => {
    const { world } = testWorld()
    const dm = world.createChannel({ type: ChannelType.DM, recipients: ['20', '10'] })
    expect(dm).toMatchObject({
      guild_id: null,
      name: null,
      recipients: ['20', '10'],
      owner_id: null,
    })
    expect(world.findDm('10', '20')).toBe(dm)
    expect(world.findDm(20n, 10)).toBe(dm)
    expect(world.findDm('10', '30')).toBeUndefined()
  })

  it('creates group DMs owned by their first recipient', () => {
    const { world } = testWorld()
    const group = world.createChannel({ type: 3, recipients: ['30', '10', '20'], name: 'trio' })
    expect(group).toMatchObject({
      type: 3,
      name: 'trio',
      owner_id: '30',
      recipients: ['30', '10', '20'],
    })
    expect(world.createChannel({ type: 3, recipients: ['40'] }).name).toBeNull()
  })

  it("lists a user's DMs and group DMs in creation order", () => {
    const { world } = testWorld()
    const a = world.createChannel({ type: 3, recipients: ['10', '20', '30'] })
    const b = world.createChannel({ type: 1, recipients: ['30', '40'] })
    const c = world.createChannel({ type: 1, recipients: ['10', '30'] })
    expect(world.privateChannels('30')).toEqual([a, b, c])
    expect(world.privateChannels('40')).toEqual([b])
    expect(world.privateChannels('99')).toEqual([])
  })

  it('renames channels and replaces their overwrites', () => {
    const { world } = testWorld()
    const renamed = world.updateChannel('100', { name: 'lobby' })
    expect(renamed).toMatchObject({ name: 'lobby', permission_overwrites: [] })
    const locked = world.updateChannel('100', { overwrites: [{ id: '1000', type: 0, deny: 1024 }] })
    expect(locked).toMatchObject({
      name: 'lobby',
      permission_overwrites: [{ id: '1000', deny: '1024' }],
    })
    expect(world.updateChannel('100', { overwrites: [] }).permission_overwrites).toEqual([])
    const group = world.createChannel({ type: 3, recipients: ['10'], name: 'g' })
    expect(world.updateChannel(group.id, { name: null }).name).toBeNull()
  })

  it('deletes channels with their messages and forgets DMs', () => {
    const { world } = testWorld()
    const dm = world.createChannel({ type: 1, recipients: ['10', '20'] })
    world.addMessage(dm.id, '10', 'hi', { id: '7' })
    expect(world.deleteChannel(dm.id)).toBe(dm)
    expect(world.channel(dm.id)).toBeUndefined()
    expect(world.findDm('10', '20')).toBeUndefined()
    expect(world.privateChannels('10')).toEqual([])
    expect(world.message(dm.id, '7')).toBeUndefined()
    world.deleteChannel('100')
    expect(world.guildChannels('1000')).toEqual([])
    // A new DM between the same users can be made once the old one is gone.
    expect(world.createChannel({ type: 1, recipients: ['20', '10'] }).type).toBe(1)
  })

  it('refuses channels that break the type and recipient rules, changing nothing', () => {
    const { world, ctx } = testWorld()
    world.createChannel({ id: '60', type: 1, recipients: ['10', '20'] })
    const r = (act: () => unknown, code: string, message?: RegExp) =>
      expectRefused(world, ctx, act, code, message)
    r(() => world.createChannel({ guildId: '1000', type: 5 }), 'INVALID_CHANNEL', /GUILD_TEXT/)
    r(() => world.createChannel({ guildId: '1000', type: '0' as never }), 'INVALID_CHANNEL')
    r(() => world.createChannel({ name: 'orphan' }), 'INVALID_CHANNEL', /guildId/)
    r(() => world.createChannel({ guildId: '999' }), 'UNKNOWN_GUILD')
    r(() => world.createChannel({ guildId: '1000', recipients: ['10'] }), 'INVALID_CHANNEL')
    r(() => world.createChannel({ type: 1, recipients: ['10'] }), 'INVALID_CHANNEL', /exactly 2/)
    r(
      () => world.createChannel({ type: 1, recipients: ['30', '30'] }),
      'INVALID_CHANNEL',
      /repeated/,
    )
    r(() => world.createChannel({ type: 1, recipients: ['30', '99'] }), 'UNKNOWN_USER')
    r(() => world.createChannel({ type: 1, recipients: ['30', 'x'] }), 'INVALID_ID')
    r(() => world.createChannel({ type: 1, recipients: ['20', '10'] }), 'INVALID_CHANNEL', /60/)
    r(
      () => world.createChannel({ type: 1, recipients: ['30', '40'], name: 'n' }),
      'INVALID_CHANNEL',
    )
    r(
      () => world.createChannel({ type: 1, guildId: '1000', recipients: ['30', '40'] }),
      'INVALID_CHANNEL',
    )
    r(() => world.createChannel({ type: 3, recipients: [] }), 'INVALID_CHANNEL', /1 to 10/)
    r(() => world.createChannel({ type: 3 }), 'INVALID_CHANNEL')
    r(
      () =>
        world.createChannel({ type: 3, recipients: ['10'], overwrites: [{ id: '10', type: 1 }] }),
      'INVALID_CHANNEL',
    )
    r(() => world.createChannel({ id: '100', guildId: '1000' }), 'DUPLICATE_ID')
    r(() => world.createChannel({ guildId: '1000', name: '' }), 'INVALID_INPUT')
  })

  it('refuses a group DM of more than 10 recipients', () => {
    const { world, ctx } = testWorld()
    const eleven = Array.from({ length: 11 }, (_, i) => world.createUser({ username: `u${i}` }).id)
    expectRefused(
      world,
      ctx,
      () => world.createChannel({ type: 3, recipients: eleven }),
      'INVALID_CHANNEL',
      /1 to 10/,
    )
    expect(world.createChannel({ type: 3, recipients: eleven.slice(1) }).recipients).toHaveLength(
      10,
    )
  })

  it('refuses bad overwrites, changing nothing', () => {
    const { world, ctx } = testWorld()
    world.createGuild({ id: '900', name: 'H', ownerId: '40' })
    const r = (overwrites: unknown, code: string, message?: RegExp) =>
      expectRefused(
        world,
        ctx,
        () => world.updateChannel('100', { overwrites: overwrites as never }),
        code,
        message,
      )
    r('none', 'INVALID_INPUT')
    r([{ id: 'x', type: 0 }], 'INVALID_ID', /overwrites\[0\]\.id/)
    r([{ id: '1000', type: 2 }], 'INVALID_INPUT', /0 \(role\) or 1 \(member\)/)
    r([{ id: '900', type: 0 }], 'UNKNOWN_ROLE', /900/)
    r([{ id: '99', type: 1 }], 'UNKNOWN_USER')
    r([{ id: '1000', type: 0, allow: -1 }], 'INVALID_INPUT', /allow/)
    r([{ id: '1000', type: 0, deny: 'all' }], 'INVALID_INPUT', /deny/)
    r(
      [
        { id: '20', type: 1 },
        { id: '20', type: 1, allow: 1 },
      ],
      'INVALID_INPUT',
      /repeats/,
    )
    const dm = world.createChannel({ type: 1, recipients: ['10', '20'] })
    expectRefused(
      world,
      ctx,
      () => world.updateChannel(dm.id, { overwrites: [] }),
      'INVALID_CHANNEL',
    )
    expectRefused(world, ctx, () => world.updateChannel(dm.id, { name: 'x' }), 'INVALID_CHANNEL')
    expectRefused(world, ctx, () => world.updateChannel('100', { name: null }), 'INVALID_INPUT')
    expectRefused(world, ctx, () => world.updateChannel('999', { name: 'x' }), 'UNKNOWN_CHANNEL')
    expectRefused(world, ctx, () => world.deleteChannel('999'), 'UNKNOWN_CHANNEL')
  })
})
