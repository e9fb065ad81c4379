import { describe, expect, it } from 'vitest'
import { EngineError } from '../errors.ts'
import { createWorld, type WorldInternal, type WorldSnapshot } from './createWorld.ts'
import { Permissions } from './permissions.ts'
import { testContext, testWorld } from './testWorld.ts'

/** A world touching every kind of data and every ordering rule. */
function busyWorld() {
  const t = testWorld()
  const { world, ctx } = t
  world.createGuild({ id: '900', name: 'H', ownerId: '40' })
  world.addMember('900', '30')
  world.addMember('900', '20', { nick: 'B' })
  world.createRole('1000', { id: '2002', name: 'b', position: 1, hoist: true, permissions: 8 })
  world.createRole('1000', {
    id: '2001',
    name: 'a',
    position: 1,
    permissions: Permissions.VIEW_CHANNEL,
  })
  world.setMemberRoles('1000', '30', ['2002', '2001'])
  world.createChannel({
    id: '101',
    guildId: '1000',
    overwrites: [
      { id: '1000', type: 0, deny: Permissions.VIEW_CHANNEL },
      { id: '2001', type: 0, allow: Permissions.VIEW_CHANNEL },
    ],
  })
  world.createChannel({ type: 1, recipients: ['40', '10'] })
  world.createChannel({ type: 3, recipients: ['30', '20', '10'], name: 'g' })
  world.addFriendship('30', '10')
  world.addFriendship('10', '20')
  world.setPresence('20', { status: 'idle', activities: [{ name: 'x', nested: { a: [1] } }] })
  ctx.advance(5)
  world.addMessage('100', '20', 'hello', { mentions: ['30'] })
  world.addMessage('101', '30', 'secret')
  return t
}

/** Everything a caller can read, as plain data, in the orders the reads promise. */
function readAll(world: WorldInternal) {
  const users = world.users().map((u) => u.id)
  const channels = world.channels().map((c) => c.id)
  return {
    users: world.users(),
    guilds: world.guilds().map((g) => ({
      guild: g,
      roles: world.roles(g.id),
      members: world.members(g.id),
      memberIds: [...world.guildMemberIds(g.id)],
      lowest: world.lowestMemberIds(g.id, 250),
      count: world.memberCount(g.id),
      channels: world.guildChannels(g.id),
      everyone: world.everyoneRole(g.id),
    })),
    channels: world.channels(),
    perUser: users.map((u) => ({
      guilds: world.userGuildIds(u),
      privateChannels: world.privateChannels(u),
      friends: [...world.friendsOf(u)],
      presence: world.presence(u),
      access: channels.map((c) => [world.canView(u, c), String(world.permissions(u, c))]),
    })),
    messages: channels.map((c) => world.messages(c)),
    dm: world.findDm('10', '40')?.id,
  }
}

describe('snapshot and restore', () => {
  it('gives a new world that no read can tell apart from the original', () => {
    const { world } = busyWorld()
    const copy = createWorld(testContext(), world.snapshot())
    expect(readAll(copy)).toEqual(readAll(world))
    expect(JSON.stringify(readAll(copy))).toBe(JSON.stringify(readAll(world)))
  })

  it('makes the same ids and the same world afterwards, since ids come from the context', () => {
    const { world, ctx } = busyWorld()
    const snapshot = world.snapshot()
    const twinCtx = testContext(Number(ctx.peek()), ctx.now())
    const twin = createWorld(twinCtx, snapshot)
    for (const w of [world, twin]) {
      const user = w.createUser({ username: 'new' })
      w.addMember('1000', user.id)
      w.createChannel({ guildId: '1000' })
      w.addMessage('100', user.id, 'hi')
      w.removeMember('1000', '30')
    }
    expect(JSON.stringify(twin.snapshot())).toBe(JSON.stringify(world.snapshot()))
  })

  it('restores in place, keeping listeners and reporting nothing', () => {
    const { world } = busyWorld()
    const before = readAll(world)
    const snapshot = world.snapshot()
    const changes: string[] = []
    world.onChange((c) => changes.push(c.entity))
    world.removeMember('1000', '30')
    world.deleteRole('1000', '2001')
    world.deleteChannel('101')
    world.removeFriendship('10', '30')
    world.setPresence('20', { status: 'online' })
    world.restore(snapshot)
    expect(readAll(world)).toEqual(before)
    changes.length = 0
    world.createUser({ username: 'after' })
    expect(changes).toEqual(['user'])
  })

  it('is plain JSON data, and restores from its JSON form', () => {
    const { world } = busyWorld()
    const json = JSON.parse(JSON.stringify(world.snapshot())) as WorldSnapshot
    expect(readAll(createWorld(testContext(), json))).toEqual(readAll(world))
  })

  it('is frozen and unaffected by later changes to the world', () => {
    const { world } = busyWorld()
    const snapshot = world.snapshot()
    const frozen = JSON.stringify(snapshot)
    expect(Object.isFrozen(snapshot.users)).toBe(true)
    expect(Object.isFrozen(snapshot.guilds[0]!.members[0])).toBe(true)
    world.updateUser('10', { username: 'changed' })
    world.setMemberRoles('1000', '30', [])
    world.addFriendship('20', '30')
    expect(JSON.stringify(snapshot)).toBe(frozen)
  })

  it('does not let the snapshot a world came from change it later', () => {
    const { world } = busyWorld()
    const json = JSON.parse(JSON.stringify(world.snapshot())) as { users: { username: string }[] }
    const copy = createWorld(testContext(), json as unknown as WorldSnapshot)
    json.users[0]!.username = 'mutated'
    expect(copy.user('10')?.username).toBe('alice')
  })

  it('refuses something that is not a snapshot and leaves the world as it was', () => {
    const { world } = busyWorld()
    const before = readAll(world)
    expect(() => world.restore({ version: 2 } as never)).toThrow(EngineError)
    expect(() => world.restore(null as never)).toThrow(/version 1/)
    expect(readAll(world)).toEqual(before)
  })
})
