import { describe, expect, it } from 'vitest'
import { Intents } from './gateway/intents.ts'
import { fixtureL, L } from './testing/fixtureL.ts'
import type { DispatchResult, Frame, GatewayState } from './types.ts'

/**
 * docs/design/semantics.md §7 with member lists in play (fixture L of docs/design/litecord-notes.md
 * §6): which sessions get list ops, which get PRESENCE_UPDATE through `guild` or `friend`, and the
 * offline change of a user's last session closing. presence.test.ts covers the plain guild and
 * friend fan-out on fixture F.
 */

const since = (state: GatewayState, mark: number) => state.frames.slice(mark)
/** Frame types; a PRESENCE_UPDATE without `guild_id` (the friend one) is marked as such. */
const kinds = (frames: readonly Frame[]) =>
  frames.map((f) => {
    const friend = f.t === 'PRESENCE_UPDATE' && !(f.d as { guild_id?: string }).guild_id
    return friend ? 'PRESENCE_UPDATE (friend)' : f.t
  })

/** Every dispatch the engine makes while `run` runs, as `type via backend:key`. */
function dispatches(sim: ReturnType<typeof fixtureL>['sim'], run: () => void): DispatchResult[] {
  const results: DispatchResult[] = []
  const stop = sim.inspect((e) => {
    if (e.type === 'dispatch') results.push(e.result)
  })
  run()
  stop()
  return results
}

describe('§7 presence with member lists', () => {
  it('a holder whose ranges end before the user gets PRESENCE_UPDATE through guild, not list ops', () => {
    const { sim, V, C } = fixtureL()
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 3]] }) // carl is at 5
    const mark = V.frames.length
    sim.gateway.updatePresence(C.sessionId, { status: 'dnd' })
    expect(kinds(since(V, mark))).toEqual(['PRESENCE_UPDATE'])
    expect(since(V, mark)[0]?.d).toMatchObject({
      user: { id: L.carl },
      guild_id: L.guild,
      status: 'dnd',
    })
  })

  it('a holder whose ranges cover the user gets list ops alone, even for its own user', () => {
    const { sim, V, B } = fixtureL()
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 99]] })
    const [markV, markB] = [V.frames.length, B.frames.length]
    sim.gateway.updatePresence(V.sessionId, { status: 'idle' }) // alice, at 1
    expect(kinds(since(V, markV))).toEqual(['GUILD_MEMBER_LIST_UPDATE'])
    const update = since(V, markV)[0]?.d as {
      ops: { op: string; index: number }[]
      online_count: number
    }
    expect(update.ops.map((o) => [o.op, o.index])).toEqual([['UPDATE', 1]])
    expect(update.online_count).toBe(4) // idle still counts as online
    expect(kinds(since(B, markB))).toEqual(['PRESENCE_UPDATE'])
  })

  it('sends the list ops first, then PRESENCE_UPDATE through guild, then through friend', () => {
    const { sim, V, C } = fixtureL()
    sim.actions.addFriend(L.carl, L.bob)
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 99]] })
    const results = dispatches(sim, () =>
      sim.gateway.updatePresence(C.sessionId, { status: 'dnd' }),
    )
    expect(results.map((r) => `${r.type} via ${r.backend}:${r.key}`)).toEqual([
      `GUILD_MEMBER_LIST_UPDATE via lazy_guild:${L.guild}`,
      `PRESENCE_UPDATE via guild:${L.guild}`,
      `PRESENCE_UPDATE via friend:${L.carl}`,
    ])
    const [, guild] = results
    expect(guild?.skipped).toEqual([
      { sessionId: V.sessionId, reason: 'filter' }, // told through its list
      { sessionId: C.sessionId, reason: 'filter' }, // the user's own session
    ])
  })

  it('skips guild sessions without GUILD_PRESENCES, even when they hold no range', () => {
    const { sim, C } = fixtureL()
    const quiet = sim.gateway.identify({
      userId: L.dave,
      intents: Intents.GUILDS,
      presence: { status: 'offline' },
    })
    const mark = quiet.frames.length
    sim.gateway.updatePresence(C.sessionId, { status: 'dnd' })
    expect(since(quiet, mark)).toEqual([])
  })

  it('tells a session the presence once per guild: list ops in one, PRESENCE_UPDATE in another', () => {
    const { sim, C } = fixtureL()
    sim.world.createGuild({ id: '8000', name: 'second', ownerId: L.alice })
    sim.world.addMember('8000', L.carl)
    const V2 = sim.gateway.identify({ userId: L.alice })
    sim.gateway.requestMemberList(V2.sessionId, L.guild, { [L.general]: [[0, 99]] })
    const mark = V2.frames.length
    sim.gateway.updatePresence(C.sessionId, { status: 'dnd' })
    const got = since(V2, mark)
    expect(got.map((f) => [f.t, (f.d as { guild_id?: string }).guild_id])).toEqual([
      ['GUILD_MEMBER_LIST_UPDATE', L.guild],
      ['PRESENCE_UPDATE', '8000'],
    ])
  })

  it('sends the same presence again to nobody, and a change of activities alone to everyone', () => {
    const { sim, V, B, C } = fixtureL()
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 99]] })
    const marks = [V.frames.length, B.frames.length]
    sim.gateway.updatePresence(C.sessionId, { status: 'online', activities: [] })
    expect([V.frames.length, B.frames.length]).toEqual(marks)
    sim.gateway.updatePresence(C.sessionId, {
      status: 'online',
      activities: [{ name: 'chess', type: 0 }],
    })
    expect(kinds(since(V, marks[0]!))).toEqual(['GUILD_MEMBER_LIST_UPDATE'])
    expect(kinds(since(B, marks[1]!))).toEqual(['PRESENCE_UPDATE'])
    expect(since(B, marks[1]!)[0]?.d).toMatchObject({ activities: [{ name: 'chess', type: 0 }] })
  })
})

describe('§7 the last session closing', () => {
  it('takes the user offline the same way: list ops to holders, guild and friend PRESENCE_UPDATE', () => {
    const { sim, V, B, C } = fixtureL()
    sim.actions.addFriend(L.carl, L.bob)
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 99]] })
    const [markV, markB] = [V.frames.length, B.frames.length]
    sim.gateway.disconnect(C.sessionId)
    expect([V.frames.length, B.frames.length]).toEqual([markV, markB]) // a disconnect changes nothing
    sim.gateway.invalidate(C.sessionId)
    const update = since(V, markV)[0]?.d as { ops: { op: string; index: number }[] }
    expect(kinds(since(V, markV))).toEqual(['GUILD_MEMBER_LIST_UPDATE'])
    expect(update.ops.map((o) => [o.op, o.index])).toEqual([
      ['DELETE', 5],
      ['UPDATE', 4],
      ['INSERT', 7],
      ['UPDATE', 6],
    ])
    expect(kinds(since(B, markB))).toEqual(['PRESENCE_UPDATE', 'PRESENCE_UPDATE (friend)'])
    expect(since(B, markB).map((f) => (f.d as { status: string }).status)).toEqual([
      'offline',
      'offline',
    ])
  })

  it('sends nothing when the user was already offline', () => {
    const { sim, V, B } = fixtureL()
    const ghost = sim.gateway.identify({ userId: L.dave, presence: { status: 'offline' } })
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 99]] })
    const marks = [V.frames.length, B.frames.length]
    sim.gateway.invalidate(ghost.sessionId)
    expect([V.frames.length, B.frames.length]).toEqual(marks)
  })
})

describe('§3 the last session of a user who is already offline', () => {
  it('closes without a presence change, whatever activities the offline presence carried', () => {
    const { sim, V, C } = fixtureL()
    sim.gateway.updatePresence(C.sessionId, {
      status: 'offline',
      activities: [{ name: 'game', type: 0 }],
    })
    const mark = V.frames.length
    sim.gateway.invalidate(C.sessionId)
    expect(kinds(since(V, mark))).toEqual([])
  })
})
