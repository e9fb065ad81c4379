import { describe, expect, it } from 'vitest'
import { fixtureL, L, L_LIST } from '../testing/fixtureL.ts'
import { Permissions } from '../world/permissions.ts'
import { clientCopy, label, type Update, updates } from '../testing/memberListFrames.ts'

/**
 * docs/design/semantics.md §6 and §10 "Member lists": how overwrite, role and channel changes move
 * the ranges sessions hold (INVALIDATE, then SYNC for those who still see the list). The other list
 * rules are in memberListRules.test.ts.
 */

describe('§6/§10 visibility changes', () => {
  it('an overwrite change that moves a channel to another list: INVALIDATE the same ranges, then SYNC them', () => {
    const { sim, V, B } = fixtureL()
    sim.world.createChannel({ id: '1003', guildId: L.guild, name: 'stays-public' })
    sim.gateway.requestMemberList(V.sessionId, L.guild, {
      [L.general]: [
        [0, 3],
        [4, 8],
      ],
    })
    sim.gateway.requestMemberList(B.sessionId, L.guild, { '1003': [[0, 99]] })
    const [markV, markB] = [V.frames.length, B.frames.length]
    sim.actions.updateChannel(L.general, {
      overwrites: [
        { id: L.guild, type: 0, deny: Permissions.VIEW_CHANNEL },
        { id: L.mods, type: 0, allow: Permissions.VIEW_CHANNEL },
      ],
    })
    const got = updates(V, markV)
    expect(got.map((u) => [u.id, u.ops.map((o) => [o.op, 'range' in o ? o.range : null])])).toEqual(
      [
        [
          'everyone',
          [
            ['INVALIDATE', [0, 3]],
            ['INVALIDATE', [4, 8]],
          ],
        ],
        [
          '3991150528',
          [
            ['SYNC', [0, 3]],
            ['SYNC', [4, 8]],
          ],
        ],
      ],
    )
    expect(clientCopy(V).map(label)).toEqual([
      `H${L.admins}`,
      'alice',
      `H${L.mods}`,
      'Bob',
      'Hoffline',
      'dave',
    ])
    // Bob holds the everyone list through a channel that still shows it: nothing changed for him.
    expect(updates(B, markB)).toEqual([])
    // And back: the channel shows the everyone list again.
    sim.actions.updateChannel(L.general, { overwrites: [] })
    expect(updates(V).at(-1)?.id).toBe('everyone')
    expect(clientCopy(V).map(label)).toEqual([...L_LIST])
  })

  it('a role change that moves a channel to another list: INVALIDATE, then SYNC for those who still see it', () => {
    const { sim, V, B } = fixtureL()
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 99]] })
    sim.gateway.requestMemberList(B.sessionId, L.guild, { [L.general]: [[0, 99]] })
    const [markV, markB] = [V.frames.length, B.frames.length]
    sim.actions.updateRole(L.guild, L.guild, { permissions: '0' }) // @everyone loses VIEW_CHANNEL
    const ops = (u: Update) => [u.id, u.ops.map((o) => [o.op, 'range' in o ? o.range : null])]
    expect(updates(V, markV).map(ops)).toEqual([
      ['everyone', [['INVALIDATE', [0, 99]]]],
      ['0', [['SYNC', [0, 99]]]], // no overwrites: murmur3('') = 0; only alice (ADMINISTRATOR) sees it
    ])
    expect(clientCopy(V).map(label)).toEqual([`H${L.admins}`, 'alice'])
    expect(updates(B, markB).map(ops)).toEqual([['everyone', [['INVALIDATE', [0, 99]]]]])
    expect(sim.dispatcher.subscribers('lazy_guild', L.guild)).toEqual([V.sessionId])
  })

  it('INVALIDATEs the ranges held through a deleted channel; holders through another channel keep theirs', () => {
    const { sim, V, B } = fixtureL()
    sim.world.createChannel({ id: '1003', guildId: L.guild, name: 'doomed' })
    sim.gateway.requestMemberList(V.sessionId, L.guild, { '1003': [[0, 9]] })
    sim.gateway.requestMemberList(B.sessionId, L.guild, { [L.general]: [[0, 9]] })
    const [markV, markB] = [V.frames.length, B.frames.length]
    sim.actions.deleteChannel('1003')
    expect(updates(V, markV).map((u) => [u.id, u.ops])).toEqual([
      ['everyone', [{ op: 'INVALIDATE', range: [0, 9] }]],
    ])
    expect(updates(B, markB)).toEqual([])
    expect(sim.dispatcher.subscribers('lazy_guild', L.guild)).toEqual([B.sessionId])
  })

  it('INVALIDATEs the ranges of a session that loses sight of the channel, and tells it nothing more', () => {
    const { sim, B, C } = fixtureL()
    sim.gateway.requestMemberList(B.sessionId, L.guild, { [L.modsOnly]: [[0, 9]] })
    const mark = B.frames.length
    sim.actions.setMemberRoles(L.guild, L.bob, [])
    expect(updates(B, mark).map((u) => [u.id, u.ops])).toEqual([
      ['3991150528', [{ op: 'INVALIDATE', range: [0, 9] }]],
    ])
    expect(sim.dispatcher.subscribers('lazy_guild', L.guild)).toEqual([])
    const after = B.frames.length
    sim.actions.setNick(L.guild, L.dave, 'aaa')
    sim.gateway.updatePresence(C.sessionId, { status: 'dnd' })
    expect(updates(B, after)).toEqual([])
  })

  it('keeps holders exact through roles created, updated and deleted', () => {
    const { sim, V } = fixtureL()
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 99]] })
    sim.actions.createRole(L.guild, { id: '2005', name: 'Stars', position: 9, hoist: true })
    sim.actions.setMemberRoles(L.guild, L.carl, ['2005'])
    expect(clientCopy(V).map(label)).toEqual([
      'H2005',
      'carl',
      `H${L.admins}`,
      'alice',
      `H${L.mods}`,
      'Bob',
      'Honline',
      'Eve',
      'Hoffline',
      'dave',
    ])
    sim.actions.updateRole(L.guild, '2005', { position: 1 }) // ties with Mods (1): 2002 < 2005
    expect(clientCopy(V).map(label)).toEqual([
      `H${L.admins}`,
      'alice',
      `H${L.mods}`,
      'Bob',
      'H2005',
      'carl',
      'Honline',
      'Eve',
      'Hoffline',
      'dave',
    ])
    const mark = V.frames.length
    sim.actions.deleteRole(L.guild, L.mods)
    expect(updates(V, mark).length).toBeGreaterThan(0)
    expect(clientCopy(V).map(label)).toEqual([
      `H${L.admins}`,
      'alice',
      'H2005',
      'carl',
      'Honline',
      'Bob',
      'Eve',
      'Hoffline',
      'dave',
    ])
    sim.actions.updateRole(L.guild, '2005', { hoist: false })
    expect(clientCopy(V).map(label)).toEqual([
      `H${L.admins}`,
      'alice',
      'Honline',
      'Bob',
      'carl',
      'Eve',
      'Hoffline',
      'dave',
    ])
  })
})
