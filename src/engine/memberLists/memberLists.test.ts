import { describe, expect, it } from 'vitest'
import { fixtureL, L, L_LIST } from '../testing/fixtureL.ts'
import type { Frame, GatewayState } from '../types.ts'
import { Permissions } from '../world/permissions.ts'

interface Update {
  id: string
  guild_id: string
  member_count: number
  online_count: number
  groups: { id: string; count: number }[]
  ops: { op: string; index?: number; range?: [number, number]; items?: unknown[]; item?: unknown }[]
}

const updates = (state: GatewayState, since = 0) =>
  state.frames
    .slice(since)
    .filter((f: Frame) => f.t === 'GUILD_MEMBER_LIST_UPDATE')
    .map((f) => f.d as Update)

/** A SYNC's items as short labels: `H<group>` for headers, the username for members. */
function labels(items: unknown[]): string[] {
  return items.map((item) => {
    const i = item as { group?: { id: string }; member?: { user: { username: string } } }
    return i.group ? `H${i.group.id}` : (i.member?.user.username ?? '?')
  })
}

describe('member lists (op 14)', () => {
  it('answers with one SYNC per range: groups, then online, then offline (litecord-notes example 9)', () => {
    const { sim, V } = fixtureL()
    const mark = V.frames.length
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 99]] })
    const [update] = updates(V, mark)
    expect(update).toMatchObject({
      id: 'everyone',
      guild_id: L.guild,
      member_count: 5,
      online_count: 4,
      groups: [
        { id: L.admins, count: 1 },
        { id: L.mods, count: 1 },
        { id: 'online', count: 2 },
        { id: 'offline', count: 1 },
      ],
    })
    expect(update?.ops).toHaveLength(1)
    expect(update?.ops[0]?.op).toBe('SYNC')
    expect(update?.ops[0]?.range).toEqual([0, 99])
    expect(labels(update?.ops[0]?.items ?? [])).toEqual([...L_LIST])
  })

  it('gives a channel hidden from @everyone its murmur3 list, with only those who can view it', () => {
    const { sim, B } = fixtureL()
    const mark = B.frames.length
    sim.gateway.requestMemberList(B.sessionId, L.guild, { [L.modsOnly]: [[0, 99]] })
    const [update] = updates(B, mark)
    expect(update?.id).toBe('3991150528') // allow:2002,deny:1000
    expect(labels(update?.ops[0]?.items ?? [])).toEqual([
      `H${L.admins}`,
      'alice',
      `H${L.mods}`,
      'Bob',
      'Hoffline',
      'dave',
    ])
    expect(update?.member_count).toBe(3)
  })

  it('presence in place: UPDATE to range holders, PRESENCE_UPDATE to the other sessions (example 11)', () => {
    const { sim, V, B, E, C } = fixtureL()
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 99]] })
    const marks = [V, B, E, C].map((s) => s.frames.length)
    sim.gateway.updatePresence(C.sessionId, { status: 'dnd' })
    const [update] = updates(V, marks[0])
    expect(update?.ops.map((o) => [o.op, o.index])).toEqual([['UPDATE', 5]])
    expect(V.frames.slice(marks[0]).map((f) => f.t)).toEqual(['GUILD_MEMBER_LIST_UPDATE'])
    expect(B.frames.slice(marks[1]).map((f) => f.t)).toEqual(['PRESENCE_UPDATE'])
    expect(E.frames.slice(marks[2]).map((f) => f.t)).toEqual(['PRESENCE_UPDATE'])
    expect(C.frames.slice(marks[3]).map((f) => f.t)).toEqual([]) // never to the user's own sessions
  })

  it('a move is DELETE, header UPDATE, INSERT, header UPDATE in client-apply order (example 11)', () => {
    const { sim, V, C } = fixtureL()
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 99]] })
    sim.gateway.updatePresence(C.sessionId, { status: 'dnd' })
    const mark = V.frames.length
    sim.gateway.updatePresence(C.sessionId, { status: 'offline' })
    const [update] = updates(V, mark)
    expect(update?.ops.map((o) => [o.op, o.index])).toEqual([
      ['DELETE', 5],
      ['UPDATE', 4],
      ['INSERT', 7],
      ['UPDATE', 6],
    ])
    expect(update?.online_count).toBe(3)
  })

  it('sends nothing to a session whose ranges end before the change', () => {
    const { sim, V, C } = fixtureL()
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 3]] })
    const mark = V.frames.length
    const skips: unknown[] = []
    sim.inspect((e) => {
      if (e.type === 'dispatch' && e.backend === 'lazy_guild') skips.push(...e.result.skipped)
    })
    sim.gateway.updatePresence(C.sessionId, { status: 'dnd' })
    expect(updates(V, mark)).toEqual([])
    expect(skips).toEqual([{ sessionId: V.sessionId, reason: 'range' }])
  })

  it('a new request replaces the old ranges: INVALIDATE what is dropped, then SYNC (example 10)', () => {
    const { sim, V } = fixtureL()
    sim.gateway.requestMemberList(V.sessionId, L.guild, {
      [L.general]: [
        [0, 3],
        [4, 6],
      ],
    })
    const first = updates(V).at(-1)
    expect(first?.ops.map((o) => [o.op, o.range, o.items?.length])).toEqual([
      ['SYNC', [0, 3], 4],
      ['SYNC', [4, 6], 3],
    ])
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 99]] })
    const second = updates(V).at(-1)
    expect(second?.ops.map((o) => [o.op, o.range])).toEqual([
      ['INVALIDATE', [0, 3]],
      ['INVALIDATE', [4, 6]],
      ['SYNC', [0, 99]],
    ])
  })

  it('refuses reversed, oversized or negative ranges whole, changing nothing', () => {
    const { sim, V } = fixtureL()
    const seq = V.seq
    for (const bad of [
      [
        [0, 3],
        [5, 2],
      ],
      [[0, 100]],
      [[-1, 5]],
    ] as [number, number][][]) {
      expect(() =>
        sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: bad }),
      ).toThrow(expect.objectContaining({ code: 'INVALID_RANGE' }))
    }
    expect(V.seq).toBe(seq)
    expect(sim.dispatcher.subscribers('lazy_guild', L.guild)).toEqual([])
  })

  it('skips a channel the user cannot read and serves the rest (litecord stopped, bug 15)', () => {
    const { sim, C } = fixtureL()
    const mark = C.frames.length
    sim.gateway.requestMemberList(C.sessionId, L.guild, {
      [L.modsOnly]: [[0, 99]],
      [L.general]: [[0, 99]],
    })
    const got = updates(C, mark)
    expect(got.map((u) => u.id)).toEqual(['everyone'])
  })

  it('refuses unknown guilds and channels and guilds the user is not in', () => {
    const { sim, V } = fixtureL()
    sim.world.createUser({ id: '99', username: 'stranger' })
    const stranger = sim.gateway.identify({ userId: '99' })
    expect(() => sim.gateway.requestMemberList(V.sessionId, '777', {})).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_GUILD' }),
    )
    expect(() => sim.gateway.requestMemberList(V.sessionId, L.guild, { '777': [[0, 9]] })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_CHANNEL' }),
    )
    expect(() =>
      sim.gateway.requestMemberList(stranger.sessionId, L.guild, { [L.general]: [[0, 9]] }),
    ).toThrow(expect.objectContaining({ code: 'NOT_A_MEMBER' }))
  })

  it('lazy_guild through the raw API: subscribers are the range holders; sub is refused with USE_OP_14', () => {
    const { sim, V, B } = fixtureL()
    sim.gateway.requestMemberList(B.sessionId, L.guild, { [L.modsOnly]: [[0, 99]] })
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 99]] })
    expect(sim.dispatcher.subscribers('lazy_guild', L.guild)).toEqual([B.sessionId, V.sessionId])
    expect(sim.dispatcher.dispatch('lazy_guild', L.guild, 'X', {}).delivered).toEqual([
      B.sessionId,
      V.sessionId,
    ])
    expect(() => sim.dispatcher.sub('lazy_guild', L.guild, V.sessionId)).toThrow(
      expect.objectContaining({ code: 'USE_OP_14' }),
    )
    sim.gateway.invalidate(V.sessionId)
    expect(sim.dispatcher.subscribers('lazy_guild', L.guild)).toEqual([B.sessionId])
  })

  it('an overwrite change that gives the channel another list id: INVALIDATE old, SYNC new', () => {
    const { sim, V } = fixtureL()
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 99]] })
    const mark = V.frames.length
    sim.actions.updateChannel(L.general, {
      overwrites: [
        { id: L.guild, type: 0, deny: Permissions.VIEW_CHANNEL },
        { id: L.mods, type: 0, allow: Permissions.VIEW_CHANNEL },
      ],
    })
    const got = updates(V, mark)
    expect(got.map((u) => [u.id, u.ops.map((o) => o.op)])).toEqual([
      ['everyone', ['INVALIDATE']],
      ['3991150528', ['SYNC']],
    ])
  })

  it('joins, leaves, nick and role changes update the lists', () => {
    const { sim, V } = fixtureL()
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 99]] })
    sim.world.createUser({ id: '60', username: 'aaron' })
    const joined = sim.actions.joinGuild(L.guild, '60')
    expect(joined.at(-1)?.type).toBe('GUILD_MEMBER_LIST_UPDATE')
    expect(
      updates(V)
        .at(-1)
        ?.ops.map((o) => o.op),
    ).toEqual(['INSERT', 'UPDATE'])
    sim.actions.setNick(L.guild, L.carl, 'zed')
    expect(updates(V).at(-1)?.member_count).toBe(6)
    sim.actions.setMemberRoles(L.guild, L.carl, [L.mods])
    expect(
      updates(V)
        .at(-1)
        ?.groups.find((g) => g.id === L.mods)?.count,
    ).toBe(2)
    sim.actions.leaveGuild(L.guild, '60')
    expect(updates(V).at(-1)?.member_count).toBe(5)
  })
})

describe('sim.memberLists', () => {
  it('describes each list with its holders and reports holding as lazy_guild subscriptions', () => {
    const { sim, V, B } = fixtureL()
    const events: string[] = []
    sim.inspect((e) => {
      if ((e.type === 'subscribe' || e.type === 'unsubscribe') && e.backend === 'lazy_guild') {
        events.push(`${e.type} ${e.key} ${e.subscriber === V.sessionId ? 'V' : 'B'}`)
      }
    })
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 9]] })
    sim.gateway.requestMemberList(B.sessionId, L.guild, {
      [L.modsOnly]: [[0, 9]],
      [L.general]: [[10, 19]],
    })
    expect(
      sim.memberLists(L.guild).map((l) => [l.key, l.memberCount, l.holders.map((h) => h.ranges)]),
    ).toEqual([
      [`${L.guild}:everyone`, 5, [[[0, 9]], [[10, 19]]]],
      [`${L.guild}:3991150528`, 3, [[[0, 9]]]],
    ])
    sim.gateway.invalidate(V.sessionId)
    expect(events).toEqual([
      `subscribe ${L.guild}:everyone V`,
      // Channels are served in the request object's key order, which JavaScript makes numeric.
      `subscribe ${L.guild}:everyone B`,
      `subscribe ${L.guild}:3991150528 B`,
      `unsubscribe ${L.guild}:everyone V`,
    ])
  })
})
