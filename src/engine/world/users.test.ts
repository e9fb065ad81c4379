import { describe, expect, it } from 'vitest'
import { createWorld } from './createWorld.ts'
import { expectRefused, testContext, testWorld } from './testWorld.ts'

describe('users', () => {
  it('creates users with Discord field names, generated ids and defaults', () => {
    const ctx = testContext()
    const world = createWorld(ctx)
    const user = world.createUser({ username: 'alice' })
    expect(user).toEqual({
      id: '1000000',
      username: 'alice',
      discriminator: '0',
      global_name: null,
      avatar: null,
      bot: false,
    })
    expect(world.createUser({ username: 'robot', bot: true }).id).toBe('1000001')
    expect(world.user('1000001')?.bot).toBe(true)
  })

  it('accepts ids as bigints and numbers and returns them as decimal strings', () => {
    const { world } = testWorld()
    expect(world.createUser({ id: 123n, username: 'x' }).id).toBe('123')
    expect(world.createUser({ id: 456, username: 'y' }).id).toBe('456')
    expect(world.user(123n)?.username).toBe('x')
    expect(world.user(456)?.username).toBe('y')
  })

  it('lists users in creation order', () => {
    const { world } = testWorld()
    world.createUser({ id: '5', username: 'early id, late user' })
    expect(world.users().map((u) => u.id)).toEqual(['10', '20', '30', '40', '5'])
  })

  it('hands out frozen records that cannot change the world', () => {
    const { world } = testWorld()
    const alice = world.user('10')!
    expect(Object.isFrozen(alice)).toBe(true)
    expect(() => ((alice as { username: string }).username = 'mallory')).toThrow(TypeError)
    world.users().pop()
    expect(world.users()).toHaveLength(4)
  })

  it('renames a user and changes its avatar, keeping the rest', () => {
    const { world } = testWorld()
    const bob = world.updateUser('20', { username: 'robert', avatar: 'a1b2' })
    expect(bob).toMatchObject({ id: '20', username: 'robert', avatar: 'a1b2', bot: false })
    expect(world.updateUser('20', { avatar: null }).avatar).toBeNull()
    expect(world.user('20')?.username).toBe('robert')
  })

  it('refuses bad users and changes nothing', () => {
    const { world, ctx } = testWorld()
    expectRefused(world, ctx, () => world.createUser({ username: '' }), 'INVALID_INPUT', /username/)
    expectRefused(world, ctx, () => world.createUser({ username: '   ' }), 'INVALID_INPUT')
    expectRefused(world, ctx, () => world.createUser({ username: 'x'.repeat(33) }), 'INVALID_INPUT')
    expectRefused(world, ctx, () => world.createUser({ username: 7 as never }), 'INVALID_INPUT')
    expectRefused(
      world,
      ctx,
      () => world.createUser({ username: 'b', bot: 1 as never }),
      'INVALID_INPUT',
    )
    expectRefused(world, ctx, () => world.createUser(null as never), 'INVALID_INPUT')
    expectRefused(world, ctx, () => world.createUser({ id: '010', username: 'z' }), 'INVALID_ID')
    expectRefused(world, ctx, () => world.createUser({ id: -1, username: 'z' }), 'INVALID_ID')
    expectRefused(
      world,
      ctx,
      () => world.createUser({ id: '10', username: 'z' }),
      'DUPLICATE_ID',
      /10/,
    )
    expectRefused(world, ctx, () => world.updateUser('99', { username: 'z' }), 'UNKNOWN_USER')
    expectRefused(world, ctx, () => world.updateUser('20', { username: '' }), 'INVALID_INPUT')
    expectRefused(world, ctx, () => world.updateUser('20', { avatar: 5 as never }), 'INVALID_INPUT')
  })

  it('refuses a generated id that an explicit one already took', () => {
    const { world, ctx } = testWorld()
    world.createUser({ id: ctx.peek(), username: 'squatter' })
    expect(() => world.createUser({ username: 'late' })).toThrow(/already used/)
  })
})

describe('friendships', () => {
  it('links two users both ways, in the order friendships were made', () => {
    const { world } = testWorld()
    world.addFriendship('10', '30')
    world.addFriendship('20', '10')
    expect([...world.friendsOf('10')]).toEqual(['30', '20'])
    expect([...world.friendsOf('30')]).toEqual(['10'])
    expect(world.areFriends('30', '10')).toBe(true)
    expect(world.areFriends('20', '30')).toBe(false)
  })

  it('treats adding an existing friendship and removing an absent one as no-ops', () => {
    const { world } = testWorld()
    const changes: string[] = []
    world.onChange((c) => changes.push(`${c.entity}:${c.op}:${c.id}`))
    world.addFriendship('20', '10')
    world.addFriendship('10', '20')
    world.removeFriendship('10', '30')
    expect(changes).toEqual(['friendship:create:10:20'])
    world.removeFriendship('10', '20')
    world.removeFriendship('20', '10')
    expect(world.areFriends('10', '20')).toBe(false)
    expect([...world.friendsOf('20')]).toEqual([])
    expect(changes).toEqual(['friendship:create:10:20', 'friendship:delete:10:20'])
  })

  it('hands out a copy of the friend set', () => {
    const { world } = testWorld()
    world.addFriendship('10', '20')
    ;(world.friendsOf('10') as Set<string>).add('30')
    expect(world.areFriends('10', '30')).toBe(false)
  })

  it('refuses self-friendship and unknown users, changing nothing', () => {
    const { world, ctx } = testWorld()
    expectRefused(world, ctx, () => world.addFriendship('10', '10'), 'SELF_FRIENDSHIP')
    expectRefused(world, ctx, () => world.addFriendship('10', '99'), 'UNKNOWN_USER', /99/)
    expectRefused(world, ctx, () => world.removeFriendship('99', '10'), 'UNKNOWN_USER')
    expectRefused(world, ctx, () => world.addFriendship('10', 'x'), 'INVALID_ID')
  })
})

describe('presence', () => {
  it('is offline with no activities until one is set', () => {
    const { world } = testWorld()
    expect(world.presence('20')).toEqual({ status: 'offline', activities: [] })
    expect(world.presence('unknown')).toEqual({ status: 'offline', activities: [] })
  })

  it('keeps the last presence set, with a frozen copy of its activities', () => {
    const { world } = testWorld()
    const activities = [{ name: 'Chess', type: 0 }]
    world.setPresence('20', { status: 'dnd', activities })
    activities[0]!.name = 'changed by the caller'
    const presence = world.presence('20')
    expect(presence).toEqual({ status: 'dnd', activities: [{ name: 'Chess', type: 0 }] })
    expect(Object.isFrozen(presence.activities[0])).toBe(true)
    world.setPresence('20', { status: 'idle' })
    expect(world.presence('20')).toEqual({ status: 'idle', activities: [] })
  })

  it('reports nothing when the same presence is set again', () => {
    const { world } = testWorld()
    const changes: string[] = []
    world.onChange((c) => changes.push(`${c.entity}:${c.id}`))
    world.setPresence('20', { status: 'offline' })
    world.setPresence('20', { status: 'online', activities: [{ name: 'a' }] })
    world.setPresence('20', { status: 'online', activities: [{ name: 'a' }] })
    expect(changes).toEqual(['presence:20'])
  })

  it('refuses unknown statuses, non-JSON activities and unknown users, changing nothing', () => {
    const { world, ctx } = testWorld()
    world.setPresence('20', { status: 'online' })
    expectRefused(
      world,
      ctx,
      () => world.setPresence('20', { status: 'away' as never }),
      'INVALID_INPUT',
    )
    expectRefused(
      world,
      ctx,
      () => world.setPresence('20', { status: 'idle', activities: 'x' as never }),
      'INVALID_INPUT',
    )
    expectRefused(
      world,
      ctx,
      () => world.setPresence('20', { status: 'idle', activities: [{ at: new Map() }] }),
      'INVALID_INPUT',
      /activities\[0\]\.at/,
    )
    expectRefused(world, ctx, () => world.setPresence('99', { status: 'idle' }), 'UNKNOWN_USER')
  })
})
