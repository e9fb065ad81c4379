import { describe, expect, it } from 'vitest'
import { createSimulation } from '../simulation.ts'
import { applyOps, type ClientCopy } from '../lazyGuild/index.ts'
import { updates } from '../testing/memberListFrames.ts'
import { Permissions } from '../world/permissions.ts'
import type { GatewayState } from '../types.ts'

/**
 * docs/design/semantics.md §6 and §10: a session holds ranges in a list through the channels its op
 * 14 named, each channel with its own ranges. When an overwrite change gives one channel another
 * list id, only that channel's ranges move (INVALIDATE in the old list, SYNC in the new one); the
 * ranges the session holds through its other channels stay where they are, and moving back adds the
 * ranges up again.
 */

const G = '20971520'
const OWN = [
  { id: G, type: 0 as const, deny: Permissions.VIEW_CHANNEL },
  { id: '10', type: 1 as const, allow: Permissions.VIEW_CHANNEL },
]

function world() {
  const sim = createSimulation()
  for (let i = 1; i <= 6; i++) sim.world.createUser({ id: String(i * 10), username: `u${i}` })
  sim.world.createGuild({ id: G, name: 'G', ownerId: '10' })
  for (let i = 2; i <= 6; i++) sim.world.addMember(G, String(i * 10))
  sim.world.createChannel({ id: '100', guildId: G, name: 'a' })
  sim.world.createChannel({ id: '101', guildId: G, name: 'b' })
  const A = sim.gateway.identify({ userId: '10' })
  return { sim, A }
}

const holdings = (sim: ReturnType<typeof createSimulation>) =>
  sim.memberLists(G).map((l) => [l.id, l.holders.map((h) => [h.ranges, h.channels])])

const opsOf = (state: GatewayState, since: number) =>
  updates(state, since).map((u) => [
    u.id,
    u.ops.map((o) => `${o.op} ${JSON.stringify('range' in o ? o.range : o.index)}`),
  ])

describe('a list id change moves only the ranges of the channel that changed (§10)', () => {
  it('keeps the ranges held through the other channel, and adds them up again on the way back', () => {
    const { sim, A } = world()
    sim.gateway.requestMemberList(A.sessionId, G, { '100': [[0, 1]], '101': [[4, 5]] })
    expect(holdings(sim)).toEqual([
      [
        'everyone',
        [
          [
            [
              [0, 1],
              [4, 5],
            ],
            ['100', '101'],
          ],
        ],
      ],
    ])

    let mark = A.frames.length
    sim.actions.updateChannel('101', { overwrites: OWN })
    const own = sim.memberLists(G)[1]!.id
    expect(opsOf(A, mark)).toEqual([
      ['everyone', ['INVALIDATE [4,5]']],
      [own, ['SYNC [4,5]']],
    ])
    expect(holdings(sim)).toEqual([
      ['everyone', [[[[0, 1]], ['100']]]],
      [own, [[[[4, 5]], ['101']]]],
    ])

    mark = A.frames.length
    sim.actions.updateChannel('101', { overwrites: [] })
    expect(opsOf(A, mark)).toEqual([
      [own, ['INVALIDATE [4,5]']],
      ['everyone', ['SYNC [4,5]']],
    ])
    expect(holdings(sim)).toEqual([
      [
        'everyone',
        [
          [
            [
              [0, 1],
              [4, 5],
            ],
            ['100', '101'],
          ],
        ],
      ],
    ])

    mark = A.frames.length
    sim.actions.updateChannel('101', { overwrites: OWN })
    expect(opsOf(A, mark)).toEqual([
      ['everyone', ['INVALIDATE [4,5]']],
      [own, ['SYNC [4,5]']],
    ])

    // u2 comes online: row 1 of channel 100's list changes, and A, still holding [0, 1] there, is told.
    mark = A.frames.length
    sim.gateway.identify({ userId: '20' })
    const everyone = updates(A, mark).filter((u) => u.id === 'everyone')
    expect(everyone).toHaveLength(1)
    const copies = new Map<string, ClientCopy>()
    for (const u of updates(A)) copies.set(u.id, applyOps(copies.get(u.id) ?? [], u.ops))
    const server = sim.memberLists(G)
    expect(server[0]!.onlineCount).toBe(2)
    const row1 = copies.get('everyone')![1] as { member: { user: { id: string } } }
    expect(row1.member.user.id).toBe('10')
    const header = copies.get('everyone')![0] as { group: { id: string; count: number } }
    expect(header.group).toEqual({ id: 'online', count: 2 })
  })

  it('INVALIDATEs only the ranges of a channel the session can no longer read, keeping the others', () => {
    const { sim } = world()
    const B = sim.gateway.identify({ userId: '20' })
    sim.gateway.requestMemberList(B.sessionId, G, { '100': [[0, 1]], '101': [[4, 5]] })
    const mark = B.frames.length
    sim.actions.updateChannel('101', {
      overwrites: [{ id: '20', type: 1, deny: Permissions.VIEW_CHANNEL }],
    })
    expect(opsOf(B, mark)).toEqual([['everyone', ['INVALIDATE [4,5]']]])
    expect(holdings(sim)).toEqual([['everyone', [[[[0, 1]], ['100']]]]])
  })
})

describe('an INVALIDATE carries the list as it is after the change (§6)', () => {
  function vip() {
    const sim = createSimulation()
    sim.world.createUser({ id: '10', username: 'a' })
    sim.world.createUser({ id: '20', username: 'b' })
    sim.world.createGuild({ id: G, name: 'G', ownerId: '10' })
    sim.world.addMember(G, '20')
    sim.world.createRole(G, { id: '500', name: 'vip' })
    sim.world.updateMember(G, '20', { roles: ['500'] })
    sim.world.createChannel({
      id: '101',
      guildId: G,
      name: 'vip',
      overwrites: [
        { id: G, type: 0, deny: Permissions.VIEW_CHANNEL },
        { id: '500', type: 0, allow: Permissions.VIEW_CHANNEL },
      ],
    })
    const B = sim.gateway.identify({ userId: '20' })
    sim.gateway.requestMemberList(B.sessionId, G, { '101': [[0, 9]] })
    return { sim, B }
  }

  it('to a holder who lost sight of the channel through its roles', () => {
    const { sim, B } = vip()
    const mark = B.frames.length
    sim.actions.setMemberRoles(G, '20', [])
    const [update, ...rest] = updates(B, mark)
    expect(rest).toEqual([])
    // Only the (offline) owner can view #vip now.
    expect(update).toMatchObject({
      member_count: 1,
      online_count: 0,
      groups: [{ id: 'offline', count: 1 }],
      ops: [{ op: 'INVALIDATE', range: [0, 9] }],
    })
  })

  it('to a holder who lost sight of the channel when its role lost VIEW_CHANNEL', () => {
    const sim = createSimulation()
    sim.world.createUser({ id: '10', username: 'a' })
    sim.world.createUser({ id: '20', username: 'b' })
    sim.world.createGuild({ id: G, name: 'G', ownerId: '10' })
    sim.world.addMember(G, '20')
    sim.actions.updateRole(G, G, { permissions: '0' })
    sim.world.createRole(G, { id: '500', name: 'vip', permissions: Permissions.VIEW_CHANNEL })
    sim.world.updateMember(G, '20', { roles: ['500'] })
    // No overwrites: the list id ('0') stays when the role changes, and so does the list.
    sim.world.createChannel({ id: '101', guildId: G, name: 'vip' })
    const B = sim.gateway.identify({ userId: '20' })
    sim.gateway.requestMemberList(B.sessionId, G, { '101': [[0, 9]] })
    const mark = B.frames.length
    sim.actions.updateRole(G, '500', { permissions: '0' })
    expect(updates(B, mark)).toEqual([
      {
        id: '0',
        guild_id: G,
        member_count: 1,
        online_count: 0,
        groups: [{ id: 'offline', count: 1 }],
        ops: [{ op: 'INVALIDATE', range: [0, 9] }],
      },
    ])
  })
})

describe('ranges that overlap across channels (§10: they add up)', () => {
  it('never INVALIDATE the slots a range the session keeps still covers', () => {
    const { sim, A } = world()
    sim.gateway.requestMemberList(A.sessionId, G, { '100': [[0, 4]], '101': [[3, 5]] })
    const mark = A.frames.length
    sim.actions.updateChannel('101', { overwrites: OWN })
    const own = sim.memberLists(G)[1]!.id
    expect(opsOf(A, mark)).toEqual([
      ['everyone', ['INVALIDATE [5,5]']],
      [own, ['SYNC [3,5]']],
    ])
    const copy = updates(A)
      .filter((u) => u.id === 'everyone')
      .reduce<ClientCopy>((c, u) => applyOps(c, u.ops), [])
    expect(copy.slice(0, 5).every((item) => item !== undefined)).toBe(true)
  })
})

describe('a channel named with no ranges', () => {
  it('holds nothing: its list id changing sends nothing', () => {
    const { sim, A } = world()
    sim.gateway.requestMemberList(A.sessionId, G, { '100': [[0, 1]], '101': [] })
    expect(sim.memberLists(G)[0]!.holders[0]!.channels).toEqual(['100'])
    const mark = A.frames.length
    sim.actions.updateChannel('101', { overwrites: OWN })
    expect(updates(A, mark)).toEqual([])
  })
})
