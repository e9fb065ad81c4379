import { describe, expect, it } from 'vitest'
import { createSimulation } from '../simulation.ts'
import { updates } from '../testing/memberListFrames.ts'
import { Permissions } from '../world/permissions.ts'

/**
 * A range named more than once for one list (through several channels that show it, or twice in one
 * channel) is held once (memberLists README): its SYNC and its later ops go out once, exactly as if it
 * had been named once. 100 channels naming the same 16 ranges used to get 1,600 SYNCs (48 MB of JSON
 * at 10,000 members) and keep 1,600 ranges for every later change.
 */
const G = '20971520'
const RANGES: [number, number][] = [
  [0, 2],
  [3, 5],
  [10, 12],
]

function world(channels: number) {
  const sim = createSimulation()
  for (let i = 1; i <= 12; i++) sim.world.createUser({ id: String(i * 10), username: `u${i}` })
  sim.world.createGuild({ id: G, name: 'G', ownerId: '10' })
  for (let i = 2; i <= 12; i++) sim.world.addMember(G, String(i * 10))
  const ids = Array.from(
    { length: channels },
    (_, i) => sim.world.createChannel({ id: String(100 + i), guildId: G, name: `c${i}` }).id,
  )
  const many = sim.gateway.identify({ userId: '10' })
  const once = sim.gateway.identify({ userId: '10' })
  const mover = sim.gateway.identify({ userId: '20' })
  return { sim, ids, many, once, mover }
}

describe('a range named more than once for one list is held once', () => {
  it('answers 100 channels × the same ranges exactly as the ranges named once, then and later', () => {
    const { sim, ids, many, once, mover } = world(100)
    sim.gateway.requestMemberList(
      many.sessionId,
      G,
      Object.fromEntries(ids.map((c) => [c, [...RANGES, ...RANGES]])),
    )
    sim.gateway.requestMemberList(once.sessionId, G, { [ids[0]!]: RANGES })
    expect(updates(many)).toEqual(updates(once))
    expect(updates(many)[0]!.ops.map((o) => o.op)).toEqual(['SYNC', 'SYNC', 'SYNC'])
    expect(sim.memberLists(G)[0]!.holders[0]!.ranges).toEqual(RANGES)
    // A change at the top of the list (u2 comes online) reaches both alike.
    const marks = [many.frames.length, once.frames.length]
    sim.gateway.updatePresence(mover.sessionId, { status: 'idle' })
    expect(updates(many, marks[0])).toEqual(updates(once, marks[1]))
    expect(updates(many, marks[0])).toHaveLength(1)
  })

  it('sends no second SYNC when a channel moves into a list where the session holds the same ranges', () => {
    const { sim, ids, many } = world(2)
    const [a, b] = ids as [string, string]
    const hidden = [{ id: G, type: 0 as const, deny: Permissions.VIEW_CHANNEL }]
    sim.actions.updateChannel(b, { overwrites: hidden })
    // Through a: the everyone list; through b: b's own list. Both with the same ranges.
    sim.gateway.requestMemberList(many.sessionId, G, { [a]: RANGES, [b]: RANGES })
    const mark = many.frames.length
    sim.actions.updateChannel(b, { overwrites: [] })
    // b's list is let go of (its INVALIDATEs); b's ranges join a's in "everyone", held already: its
    // update carries the counts and no SYNC.
    expect(updates(many, mark).map((u) => [u.id, u.ops.map((o) => o.op)])).toEqual([
      [expect.not.stringMatching(/^everyone$/), ['INVALIDATE', 'INVALIDATE', 'INVALIDATE']],
      ['everyone', []],
    ])
    const everyone = sim.memberLists(G).find((l) => l.id === 'everyone')!
    expect(everyone.holders[0]!.ranges).toEqual(RANGES)
    expect(everyone.holders[0]!.channels).toEqual([a, b])
  })
})
