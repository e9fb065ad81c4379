import { describe, expect, it } from 'vitest'
import { Intents } from './gateway/intents.ts'
import { createSimulation } from './simulation.ts'
import type { GatewayState } from './types.ts'
import { updates } from './testing/memberListFrames.ts'

/**
 * docs/design/semantics.md §7 and §10 (review decisions): a session counts as having got a presence
 * change through a member list only when an op it received carries that member's item. An update
 * with empty `ops`, or one that only changes a group header's count, does not count: a session with
 * GUILD_PRESENCES then also gets PRESENCE_UPDATE.
 */
function eightyOnline() {
  const sim = createSimulation()
  const ids = Array.from({ length: 80 }, (_, i) => String(i + 1))
  for (const id of ids) sim.world.createUser({ id, username: `u${id.padStart(3, '0')}` })
  sim.world.createGuild({ id: '1000', name: 'g', ownerId: '1' })
  sim.world.createChannel({ id: '1001', guildId: '1000' })
  for (const id of ids.slice(1)) sim.world.addMember('1000', id)
  const owner = sim.gateway.identify({ userId: '1', intents: Intents.ALL })
  const members = new Map<string, GatewayState>()
  for (const id of ids.slice(1)) members.set(id, sim.gateway.identify({ userId: id, intents: 0 }))
  return { sim, owner, member: (id: string) => members.get(id)! }
}

const presenceUpdates = (state: GatewayState, since: number) =>
  state.frames.slice(since).filter((f) => f.t === 'PRESENCE_UPDATE')

describe('§7 presence through member lists', () => {
  it('an update with no ops for the member does not count: PRESENCE_UPDATE still goes out', () => {
    const { sim, owner, member } = eightyOnline()
    sim.gateway.requestMemberList(owner.sessionId, '1000', { '1001': [[60, 69]] })
    const mark = owner.frames.length
    sim.gateway.updatePresence(member('50').sessionId, { status: 'idle' }) // u050 sits at 50
    const [update] = updates(owner, mark)
    expect(update?.ops).toEqual([])
    expect(presenceUpdates(owner, mark).map((f) => f.d)).toEqual([
      expect.objectContaining({ user: { id: '50' }, status: 'idle', guild_id: '1000' }),
    ])
  })

  it('an update that only changes a group header count does not count either', () => {
    const { sim, owner, member } = eightyOnline()
    sim.gateway.requestMemberList(owner.sessionId, '1000', { '1001': [[0, 9]] })
    const mark = owner.frames.length
    sim.gateway.updatePresence(member('50').sessionId, { status: 'offline' })
    const [update] = updates(owner, mark)
    expect(update?.ops).toEqual([
      { op: 'UPDATE', index: 0, item: { group: { id: 'online', count: 79 } } },
    ])
    expect(presenceUpdates(owner, mark)).toHaveLength(1)
  })

  it('an op that carries the member with its new presence counts: no PRESENCE_UPDATE', () => {
    const { sim, owner, member } = eightyOnline()
    sim.gateway.requestMemberList(owner.sessionId, '1000', { '1001': [[40, 59]] })
    const mark = owner.frames.length
    sim.gateway.updatePresence(member('50').sessionId, { status: 'dnd' })
    const [update] = updates(owner, mark)
    expect(update?.ops).toEqual([
      expect.objectContaining({
        op: 'UPDATE',
        index: 50,
        item: {
          member: expect.objectContaining({ presence: expect.objectContaining({ status: 'dnd' }) }),
        },
      }),
    ])
    expect(presenceUpdates(owner, mark)).toEqual([])
  })
})
