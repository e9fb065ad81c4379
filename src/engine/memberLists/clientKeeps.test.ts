import { describe, expect, it } from 'vitest'
import { createSimulation, restoreSimulation, type Simulation } from '../simulation.ts'
import type { GatewayState } from '../types.ts'
import { Permissions } from '../world/permissions.ts'
import { clientCopies, label, updates } from '../testing/memberListFrames.ts'

/**
 * docs/design/semantics.md §10 (review decisions): a client keeps the items it was sent until an op
 * removes or replaces them, including items an INSERT pushed past the end of its range and items of
 * a range it released. After a release and a new request, or a list id that changes and changes
 * back, the ops must still leave its copy exact for its ranges.
 */
function world() {
  const sim = createSimulation()
  sim.world.createUser({ id: '10', username: 'owner' })
  for (let i = 1; i <= 6; i++) sim.world.createUser({ id: String(10 + i), username: `m${i}` })
  sim.world.createUser({ id: '30', username: 'aaa' })
  sim.world.createGuild({ id: '1000', name: 'g', ownerId: '10' })
  for (let i = 1; i <= 6; i++) sim.world.addMember('1000', String(10 + i))
  sim.world.createChannel({ id: '1001', guildId: '1000' })
  const S = sim.gateway.identify({ userId: '10' })
  return { sim, S }
}

/** What the client's copy of the "everyone" list shows in `range`, `-` for an empty slot. */
function shownIn(session: GatewayState, [start, end]: [number, number]): string[] {
  const copy = clientCopies(session).get('everyone') ?? []
  return Array.from({ length: end - start + 1 }, (_, i) => label(copy[start + i]))
}

/** The server's list as labels, from a fresh session's first SYNC of [0, 99]. */
function serverList(sim: Simulation) {
  const probe = sim.gateway.identify({ userId: '10', presence: { status: 'online' } })
  sim.gateway.requestMemberList(probe.sessionId, '1000', { '1001': [[0, 99]] })
  const [update] = updates(probe)
  const sync = update?.ops.find((o) => o.op === 'SYNC')
  const labels = sync?.op === 'SYNC' ? sync.items.map(label) : []
  sim.gateway.invalidate(probe.sessionId)
  return { id: update?.id, labels }
}

/** The server's list once m5, m6 and m1 have left: seven items, so [0, 7] ends on an empty slot. */
const AFTER_LEAVES = ['Honline', 'owner', 'Hoffline', 'aaa', 'm2', 'm3', 'm4']

describe('a client keeps what it was sent', () => {
  it('after a release and a new request, later DELETEs slide no stale member into the range', () => {
    const { sim, S } = world()
    sim.gateway.requestMemberList(S.sessionId, '1000', { '1001': [[0, 7]] })
    sim.actions.joinGuild('1000', '30') // an INSERT pushes m6 out of the range
    sim.gateway.requestMemberList(S.sessionId, '1000', { '1001': [] }) // release
    sim.gateway.requestMemberList(S.sessionId, '1000', { '1001': [[0, 7]] }) // request again
    sim.actions.leaveGuild('1000', '15')
    sim.actions.leaveGuild('1000', '16')
    sim.actions.leaveGuild('1000', '11')
    // The range [0, 7] shows the server's 7 items, then nothing: m5 has left.
    expect(shownIn(S, [0, 7])).toEqual([...AFTER_LEAVES, '-'])
    expect(serverList(sim).labels).toEqual(AFTER_LEAVES)
  })

  it('a restored snapshot still knows the copy a session let go of', () => {
    const { sim, S } = world()
    sim.gateway.requestMemberList(S.sessionId, '1000', { '1001': [[0, 7]] })
    sim.actions.joinGuild('1000', '30')
    sim.gateway.requestMemberList(S.sessionId, '1000', { '1001': [] })
    const restored = restoreSimulation(sim.snapshot())
    const R = restored.states.fetchRaw(S.sessionId)!
    restored.gateway.requestMemberList(R.sessionId, '1000', { '1001': [[0, 7]] })
    for (const id of ['15', '16', '11']) restored.actions.leaveGuild('1000', id)
    expect(shownIn(R, [0, 7])).toEqual([...AFTER_LEAVES, '-'])
  })

  it('after a list id changes and changes back, the old copy is still accounted for', () => {
    const { sim, S } = world()
    sim.gateway.requestMemberList(S.sessionId, '1000', { '1001': [[0, 7]] })
    sim.actions.joinGuild('1000', '30') // m6 pushed past the range, still in the copy
    const hidden = [{ id: '16', type: 1 as const, deny: Permissions.VIEW_CHANNEL }]
    sim.actions.updateChannel('1001', { overwrites: hidden }) // another list id: INVALIDATE, SYNC
    sim.actions.updateChannel('1001', { overwrites: [] }) // back to "everyone": INVALIDATE, SYNC
    sim.actions.leaveGuild('1000', '15')
    sim.actions.leaveGuild('1000', '16')
    sim.actions.leaveGuild('1000', '11')
    expect(shownIn(S, [0, 7])).toEqual([...serverList(sim).labels, '-'])
  })
})
