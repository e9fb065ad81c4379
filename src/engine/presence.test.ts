import { describe, expect, it } from 'vitest'
import { Intents } from './gateway/intents.ts'
import type { GatewayCloseError } from './errors.ts'
import { ALICE, BOB, fixtureF, G, lastFrame } from './testing/fixtures.ts'

const since = (frames: readonly { t: string | null }[], mark: number) =>
  frames.slice(mark).map((f) => f.t)

describe('presence (op 3)', () => {
  it('sends PRESENCE_UPDATE through guild to others with GUILD_PRESENCES, never to the user', () => {
    const f = fixtureF()
    const marks = [f.A, f.B1, f.B2, f.C].map((s) => s.frames.length)
    f.sim.gateway.updatePresence(f.B2.sessionId, {
      status: 'idle',
      activities: [{ name: 'chess', type: 0 }],
    })
    expect(since(f.A.frames, marks[0]!)).toEqual(['PRESENCE_UPDATE'])
    expect(since(f.B1.frames, marks[1]!)).toEqual([])
    expect(since(f.B2.frames, marks[2]!)).toEqual([])
    expect(lastFrame(f.C).d).toEqual({
      user: { id: BOB },
      guild_id: G,
      status: 'idle',
      activities: [{ name: 'chess', type: 0 }],
      client_status: { desktop: 'idle' },
    })
  })

  it('skips guild sessions without GUILD_PRESENCES with reason intents', () => {
    const f = fixtureF()
    const results: { reason: string; sessionId: string }[] = []
    f.sim.inspect((e) => {
      if (e.type === 'dispatch' && e.eventType === 'PRESENCE_UPDATE')
        results.push(...e.result.skipped)
    })
    f.sim.gateway.updatePresence(f.A.sessionId, { status: 'dnd' })
    expect(results).toContainEqual({ sessionId: f.B1.sessionId, reason: 'intents' })
    expect(results).toContainEqual({ sessionId: f.A.sessionId, reason: 'filter' })
  })

  it('setting the same status and activities again sends nothing', () => {
    const f = fixtureF()
    f.sim.gateway.updatePresence(f.B2.sessionId, { status: 'idle' })
    const mark = f.A.frames.length
    f.sim.gateway.updatePresence(f.B1.sessionId, { status: 'idle', activities: [] })
    expect(f.A.frames.length).toBe(mark)
  })

  it('reaches friends through friend, without guild_id', () => {
    const f = fixtureF()
    f.sim.actions.addFriend(BOB, '40')
    const mark = f.D.frames.length
    f.sim.gateway.updatePresence(f.B1.sessionId, { status: 'dnd' })
    expect(since(f.D.frames, mark)).toEqual(['PRESENCE_UPDATE'])
    expect(lastFrame(f.D).d).not.toHaveProperty('guild_id')
  })

  it('takes a user offline when the last session closes, not when it disconnects', () => {
    const f = fixtureF({ resumeWindowMs: 1000 })
    f.sim.gateway.disconnect(f.A.sessionId)
    const mark = f.C.frames.length
    expect(since(f.C.frames, mark)).toEqual([])
    f.sim.clock.advance(1000)
    expect(lastFrame(f.C).d).toMatchObject({ user: { id: ALICE }, status: 'offline' })
    // bob has two sessions: closing one keeps him online.
    const bobMark = f.C.frames.length
    f.sim.gateway.invalidate(f.B1.sessionId)
    expect(since(f.C.frames, bobMark)).toEqual([])
    f.sim.gateway.invalidate(f.B2.sessionId)
    expect(lastFrame(f.C).d).toMatchObject({ user: { id: BOB }, status: 'offline' })
  })

  it('refuses an unknown status with close code 4001, changing nothing', () => {
    const f = fixtureF()
    const mark = f.A.frames.length
    let code = 0
    try {
      f.sim.gateway.updatePresence(f.B2.sessionId, { status: 'away' as never })
    } catch (error) {
      code = (error as GatewayCloseError).code
    }
    expect(code).toBe(4001)
    expect(f.A.frames.length).toBe(mark)
  })

  it('IDENTIFY announces the new presence; offline identifies announce nothing (scale worlds)', () => {
    const f = fixtureF()
    f.sim.gateway.invalidate(f.C.sessionId)
    const mark = f.A.frames.length
    f.sim.gateway.identify({
      userId: '30',
      presence: { status: 'offline' },
      intents: Intents.GUILDS,
    })
    expect(since(f.A.frames, mark)).toEqual([])
    f.sim.gateway.identify({ userId: '30' })
    expect(since(f.A.frames, mark)).toEqual(['PRESENCE_UPDATE'])
  })

  it('IDENTIFY makes its friend links before it fans its presence out: a friend hears that "online" (§10)', () => {
    // dave had a session before he and alice became friends; alice's own IDENTIFY is the first to link
    // them, and her "online" must reach dave through that link.
    const f = fixtureF()
    f.sim.gateway.invalidate(f.A.sessionId)
    f.sim.world.addFriendship(ALICE, '40')
    const mark = f.D.frames.length
    f.sim.gateway.identify({ userId: ALICE })
    expect(f.D.frames.slice(mark)).toEqual([
      {
        op: 0,
        t: 'PRESENCE_UPDATE',
        s: mark + 1,
        d: {
          user: { id: ALICE },
          status: 'online',
          activities: [],
          client_status: { desktop: 'online' },
        },
      },
    ])
  })
})
