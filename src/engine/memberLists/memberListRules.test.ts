import { describe, expect, it } from 'vitest'
import { createSimulation } from '../simulation.ts'
import { fixtureL, L, L_LIST } from '../testing/fixtureL.ts'
import { Permissions } from '../world/permissions.ts'
import { murmur3 } from '../lazyGuild/index.ts'
import { clientCopy, label, syncLabels, updates } from '../testing/memberListFrames.ts'

/**
 * docs/design/semantics.md §6 and §10 "Member lists", rule by rule, through the public API. The
 * pure core has its own tests (../ops.test.ts, ../memberList.test.ts, ../listId.test.ts); these pin
 * what the engine decides around it: list ids from the world, groups from roles and permissions,
 * sort keys from nicks and usernames, and how requests and overwrite changes move ranges.
 */

describe('§6 list ids', () => {
  it('is "everyone" only when @everyone has VIEW_CHANNEL and no overwrite of the channel denies it', () => {
    const { sim, V } = fixtureL()
    // A member overwrite that denies VIEW_CHANNEL to one user is enough to leave the shared list.
    sim.world.createChannel({
      id: '1003',
      guildId: L.guild,
      overwrites: [{ id: L.carl, type: 1, deny: Permissions.VIEW_CHANNEL }],
    })
    // An overwrite that does not touch VIEW_CHANNEL keeps it.
    sim.world.createChannel({
      id: '1004',
      guildId: L.guild,
      overwrites: [{ id: L.mods, type: 0, deny: Permissions.SEND_MESSAGES }],
    })
    expect(syncLabels(sim, V, L.guild, '1003').update?.id).toBe(String(murmur3('deny:30')))
    expect(syncLabels(sim, V, L.guild, '1004').update?.id).toBe('everyone')
    expect(syncLabels(sim, V, L.guild, L.modsOnly).update?.id).toBe('3991150528') // allow:2002,deny:1000
  })

  it('hashes the overwrites when @everyone lacks VIEW_CHANNEL in the guild itself', () => {
    const sim = createSimulation()
    sim.world.createUser({ id: '10', username: 'owner' })
    sim.world.createGuild({ id: '1000', name: 'closed', ownerId: '10' })
    sim.actions.updateRole('1000', '1000', { permissions: '0' })
    sim.world.createChannel({ id: '1001', guildId: '1000' })
    sim.world.createChannel({
      id: '1002',
      guildId: '1000',
      overwrites: [{ id: '10', type: 1, allow: Permissions.VIEW_CHANNEL }],
    })
    const owner = sim.gateway.identify({ userId: '10' })
    expect(syncLabels(sim, owner, '1000', '1001').update?.id).toBe('0') // murmur3('') = 0
    expect(syncLabels(sim, owner, '1000', '1002').update?.id).toBe(String(murmur3('allow:10')))
  })
})

describe('§6 groups', () => {
  it('leaves out a hoisted role that cannot view the channel; its members go to their next group', () => {
    const { sim, V } = fixtureL()
    // Guests: hoisted, highest, but a member holding only @everyone and Guests cannot view #mods.
    sim.world.createRole(L.guild, { id: '2004', name: 'Guests', position: 5, hoist: true })
    sim.world.updateMember(L.guild, L.bob, { roles: [L.mods, '2004'] })
    expect(syncLabels(sim, V, L.guild, L.general).labels).toEqual([
      'H2004',
      'Bob',
      `H${L.admins}`,
      'alice',
      'Honline',
      'carl',
      'Eve',
      'Hoffline',
      'dave',
    ])
    const mods = syncLabels(sim, V, L.guild, L.modsOnly)
    expect(mods.labels).toEqual([`H${L.admins}`, 'alice', `H${L.mods}`, 'Bob', 'Hoffline', 'dave'])
    expect(mods.update?.groups.map((g) => g.id)).toEqual([L.admins, L.mods, 'offline'])
  })

  it('orders hoisted roles of equal position by role id; a member holding both goes to the lower id', () => {
    const { sim, V } = fixtureL()
    // Created in the other order, so creation order cannot pass for id order.
    sim.world.createRole(L.guild, { id: '2010', name: 'Ten', position: 7, hoist: true })
    sim.world.createRole(L.guild, { id: '2009', name: 'Nine', position: 7, hoist: true })
    sim.world.updateMember(L.guild, L.bob, { roles: [L.mods, '2010', '2009'] })
    sim.world.updateMember(L.guild, L.carl, { roles: ['2010'] })
    expect(syncLabels(sim, V, L.guild, L.general).labels).toEqual([
      'H2009',
      'Bob',
      'H2010',
      'carl',
      `H${L.admins}`,
      'alice',
      'Honline',
      'Eve',
      'Hoffline',
      'dave',
    ])
  })

  it('puts offline members in offline whatever their roles, and idle and dnd ones in their groups', () => {
    const { sim, V, B } = fixtureL()
    sim.gateway.updatePresence(B.sessionId, { status: 'dnd' })
    const { labels, update } = syncLabels(sim, V, L.guild, L.general)
    // Bob (Mods, dnd) stays under Mods; dave (Mods, offline) is under offline; Eve (idle) is online.
    expect(labels).toEqual([...L_LIST])
    expect([update?.member_count, update?.online_count]).toEqual([5, 4])
  })
})

describe('§6/§10 order within a group', () => {
  it('sorts by display name (nick, else username) lower-cased by UTF-16 code units, then by user id', () => {
    const sim = createSimulation()
    const people: [string, string][] = [
      ['1', '_owner'],
      ['3', 'é'], // U+00E9 sorts after every ASCII letter by code unit (localeCompare puts it near e)
      ['4', 'Z'], // lower-cased to z: after b, before é
      ['5', 'aaa'], // nick zz below
      ['9', 'b'],
      ['10', 'B'], // ties with 9 once lower-cased: 9 first, as numbers (as text "10" < "9")
    ]
    for (const [id, username] of people) sim.world.createUser({ id, username })
    sim.world.createGuild({ id: '1000', name: 'g', ownerId: '1' })
    for (const [id] of people.slice(1))
      sim.world.addMember('1000', id, id === '5' ? { nick: 'zz' } : {})
    sim.world.createChannel({ id: '1001', guildId: '1000' })
    const sessions = people.map(([id]) => sim.gateway.identify({ userId: id, intents: 0 }))
    expect(syncLabels(sim, sessions[0]!, '1000', '1001').labels).toEqual([
      'Honline',
      '_owner',
      'b',
      'B',
      'Z',
      'aaa/zz',
      'é',
    ])
  })

  it('re-sorts a member whose nick changes, and falls back to the username when the nick is cleared', () => {
    const { sim, V } = fixtureL()
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 99]] })
    const mark = V.frames.length
    sim.actions.setNick(L.guild, L.carl, 'zed') // carl (5) now sorts after Eve (6)
    expect(updates(V, mark).flatMap((u) => u.ops.map((o) => o.op))).toEqual(['DELETE', 'INSERT'])
    expect(clientCopy(V).map(label)).toEqual([
      `H${L.admins}`,
      'alice',
      `H${L.mods}`,
      'Bob',
      'Honline',
      'Eve',
      'carl/zed',
      'Hoffline',
      'dave',
    ])
    sim.actions.setNick(L.guild, L.carl, null)
    expect(clientCopy(V).map(label)).toEqual([...L_LIST])
  })
})

describe('§6 items and payloads', () => {
  it('lists member items as { member: { user, nick, roles, joined_at, deaf, mute, presence } }', () => {
    const { sim, V } = fixtureL()
    const { update } = syncLabels(sim, V, L.guild, L.general)
    const sync = update?.ops[0] as unknown as { items: { member?: Record<string, unknown> }[] }
    const eve = sync.items[6]?.member
    expect(Object.keys(eve ?? {}).sort()).toEqual([
      'deaf',
      'joined_at',
      'mute',
      'nick',
      'presence',
      'roles',
      'user',
    ])
    expect(eve).toMatchObject({
      user: { id: L.eve, username: 'Eve' },
      nick: null,
      roles: [L.plain],
      presence: { user: { id: L.eve }, status: 'idle', activities: [] },
    })
  })

  it('carries id, guild_id, member_count, online_count and the non-empty groups in every update', () => {
    const { sim, B } = fixtureL()
    sim.gateway.requestMemberList(B.sessionId, L.guild, { [L.modsOnly]: [[0, 99]] })
    const mark = B.frames.length
    sim.gateway.updatePresence(B.sessionId, { status: 'offline' }) // Bob: Mods → offline, Mods empties
    const [update] = updates(B, mark)
    expect(Object.keys(update ?? {})).toEqual([
      'id',
      'guild_id',
      'member_count',
      'online_count',
      'groups',
      'ops',
    ])
    expect(update).toMatchObject({
      id: '3991150528',
      guild_id: L.guild,
      member_count: 3, // who can view #mods: alice, Bob, dave; carl and Eve cannot
      online_count: 1,
      groups: [
        { id: L.admins, count: 1 },
        { id: 'offline', count: 2 },
      ],
    })
  })
})

describe('§6/§10 requests and ranges', () => {
  it('replaces the ranges rather than adding to them: a change only a dropped range covered reaches nobody', () => {
    const { sim, V, C } = fixtureL()
    sim.gateway.requestMemberList(V.sessionId, L.guild, {
      [L.general]: [
        [0, 3],
        [4, 6],
      ],
    })
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 3]] })
    expect(
      updates(V)
        .at(-1)
        ?.ops.map((o) => [o.op, 'range' in o ? o.range : null]),
    ).toEqual([
      ['INVALIDATE', [4, 6]],
      ['SYNC', [0, 3]],
    ])
    expect(sim.memberLists(L.guild)[0]?.holders[0]?.ranges).toEqual([[0, 3]])
    const mark = V.frames.length
    sim.gateway.updatePresence(C.sessionId, { status: 'dnd' }) // carl is at 5
    expect(updates(V, mark)).toEqual([])
  })

  it('adds up the ranges of two channels of one request that show the same list: one update', () => {
    const { sim, V } = fixtureL()
    sim.world.createChannel({ id: '1003', guildId: L.guild, name: 'also-public' })
    const mark = V.frames.length
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 3]], '1003': [[4, 6]] })
    const got = updates(V, mark)
    expect(got.map((u) => [u.id, u.ops.map((o) => [o.op, 'range' in o ? o.range : null])])).toEqual(
      [
        [
          'everyone',
          [
            ['SYNC', [0, 3]],
            ['SYNC', [4, 6]],
          ],
        ],
      ],
    )
    expect(sim.memberLists(L.guild).map((l) => [l.id, l.holders.map((h) => h.ranges)])).toEqual([
      [
        'everyone',
        [
          [
            [0, 3],
            [4, 6],
          ],
        ],
      ],
    ])
  })

  it("replaces ranges per list: a request for another list leaves the first list's ranges alone", () => {
    const { sim, V } = fixtureL()
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 9]] })
    const mark = V.frames.length
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.modsOnly]: [[0, 9]] })
    expect(updates(V, mark).map((u) => [u.id, u.ops.map((o) => o.op)])).toEqual([
      ['3991150528', ['SYNC']],
    ])
    expect(sim.memberLists(L.guild).map((l) => [l.id, l.holders.map((h) => h.ranges)])).toEqual([
      ['everyone', [[[0, 9]]]],
      ['3991150528', [[[0, 9]]]],
    ])
  })

  it('refuses a request with one bad range in any channel whole: earlier ranges stay and keep working', () => {
    const { sim, V, C } = fixtureL()
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 9]] })
    const mark = V.frames.length
    expect(() =>
      sim.gateway.requestMemberList(V.sessionId, L.guild, {
        [L.general]: [[0, 3]],
        [L.modsOnly]: [[5, 2]],
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_RANGE' }))
    expect(V.frames.length).toBe(mark)
    expect(sim.memberLists(L.guild).map((l) => [l.id, l.holders.map((h) => h.ranges)])).toEqual([
      ['everyone', [[[0, 9]]]],
    ])
    // Whatever is not a [start, end] pair is refused the same way.
    for (const bad of [[5], [null], [[0]], [[0, 1, 2]], 'x']) {
      expect(() =>
        sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: bad as never }),
      ).toThrow(expect.objectContaining({ code: 'INVALID_RANGE' }))
    }
    expect(V.frames.length).toBe(mark)
    sim.gateway.updatePresence(C.sessionId, { status: 'dnd' })
    expect(updates(V, mark).map((u) => u.ops.map((o) => o.op))).toEqual([['UPDATE']])
  })

  it('SYNCs exactly end − start + 1 items of a long list (inclusive ranges of at most 100)', () => {
    const { sim, V } = fixtureL()
    for (let i = 0; i < 150; i++) {
      const id = String(5000 + i)
      sim.world.createUser({ id, username: `u${String(i).padStart(3, '0')}` })
      sim.world.addMember(L.guild, id)
    }
    sim.gateway.requestMemberList(V.sessionId, L.guild, {
      [L.general]: [
        [0, 99],
        [100, 199],
      ],
    })
    const [first, second] = updates(V).at(-1)?.ops as unknown as { items: unknown[] }[]
    expect([first?.items.length, second?.items.length]).toEqual([100, 59]) // 155 members and 4 headers: 159 items
  })
})
