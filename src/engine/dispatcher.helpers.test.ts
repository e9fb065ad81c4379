import { describe, expect, it } from 'vitest'
import { ALICE, BOB, fixtureF, G, GENERAL, lastFrame, SECRET } from './testing/fixtures.ts'
import { refusal } from './testing/refusal.ts'
import type { GatewayState } from './types.ts'

const seqs = (...states: GatewayState[]) => states.map((s) => s.seq)

describe('subscriptions', () => {
  it('are idempotent; unsubscribing an absent id is a no-op', () => {
    const f = fixtureF()
    f.sim.dispatcher.sub('guild', G, f.A.sessionId)
    f.sim.dispatcher.unsub('guild', G, f.D.sessionId)
    f.sim.dispatcher.unsub('guild', G, 'no-such-session')
    expect(f.sim.dispatcher.subscribers('guild', G)).toHaveLength(4)
  })

  it('subMany subscribes each id in order, and refuses the whole call if one id is unknown', () => {
    const f = fixtureF()
    expect(() => f.sim.dispatcher.subMany('channel', SECRET, [f.C.sessionId, 'nope'])).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_SESSION' }),
    )
    expect(f.sim.dispatcher.subscribers('channel', SECRET)).toEqual([f.A.sessionId])
    f.sim.dispatcher.subMany('channel', SECRET, [f.D.sessionId, f.C.sessionId])
    expect(f.sim.dispatcher.subscribers('channel', SECRET)).toEqual([
      f.A.sessionId,
      f.D.sessionId,
      f.C.sessionId,
    ])
  })

  it('refuses sub on member and user (NO_SUBSCRIBERS) and on lazy_guild (USE_OP_14)', () => {
    const f = fixtureF()
    expect(refusal(() => f.sim.dispatcher.sub('member', [G, BOB], f.A.sessionId)).code).toBe(
      'NO_SUBSCRIBERS',
    )
    expect(refusal(() => f.sim.dispatcher.sub('user', BOB, f.A.sessionId)).code).toBe(
      'NO_SUBSCRIBERS',
    )
    expect(refusal(() => f.sim.dispatcher.unsub('lazy_guild', G, f.A.sessionId)).code).toBe(
      'USE_OP_14',
    )
  })

  it('refuses unknown sessions, guilds and channels', () => {
    const f = fixtureF()
    expect(refusal(() => f.sim.dispatcher.sub('guild', G, 'nope')).code).toBe('UNKNOWN_SESSION')
    expect(refusal(() => f.sim.dispatcher.sub('guild', '999', f.A.sessionId)).code).toBe(
      'UNKNOWN_GUILD',
    )
    expect(refusal(() => f.sim.dispatcher.sub('channel', '999', f.A.sessionId)).code).toBe(
      'UNKNOWN_CHANNEL',
    )
    expect(refusal(() => f.sim.dispatcher.sub('friend', ALICE, 'nope')).code).toBe('INVALID_ID')
    expect(refusal(() => f.sim.dispatcher.sub('friend', ALICE, '777')).code).toBe('UNKNOWN_USER')
  })
})

describe('helpers', () => {
  it('dispatchMany sends once per key, in order, without de-duplication', () => {
    const f = fixtureF()
    const before = f.A.seq
    const results = f.sim.dispatcher.dispatchMany('channel', [GENERAL, SECRET], 'TYPING_START', {
      guild_id: G,
    })
    expect(results.map((r) => r.key)).toEqual([GENERAL, SECRET])
    expect(f.A.seq).toBe(before + 2)
  })

  it('dispatchMany validates every key before sending any', () => {
    const f = fixtureF()
    const before = f.A.seq
    expect(() =>
      f.sim.dispatcher.dispatchMany('channel', [GENERAL, 'x'], 'TYPING_START', {}),
    ).toThrow(expect.objectContaining({ code: 'INVALID_KEY' }))
    expect(f.A.seq).toBe(before)
  })

  it('dispatchFilter skips the sessions its filter rejects, with reason filter', () => {
    const f = fixtureF()
    const result = f.sim.dispatcher.dispatchFilter(
      'guild',
      G,
      (id) => id !== f.B2.sessionId,
      'GUILD_UPDATE',
      {},
    )
    expect(result.delivered).toEqual([f.A.sessionId, f.B1.sessionId, f.C.sessionId])
    expect(result.skipped).toEqual([{ sessionId: f.B2.sessionId, reason: 'filter' }])
  })

  it('dispatchFilter whose filter throws stops with FILTER_FAILED carrying the partial result', () => {
    const f = fixtureF()
    let calls = 0
    const error = refusal(() =>
      f.sim.dispatcher.dispatchFilter(
        'guild',
        G,
        () => {
          if (++calls === 3) throw new Error('boom')
          return true
        },
        'GUILD_UPDATE',
        {},
      ),
    )
    expect(error.code).toBe('FILTER_FAILED')
    expect(error.message).toContain('boom')
    expect((error.detail as { delivered: string[] }).delivered).toEqual([
      f.A.sessionId,
      f.B1.sessionId,
    ])
    expect(lastFrame(f.A).t).toBe('GUILD_UPDATE') // deliveries already made stand
  })

  it('dispatchManyFilterList reaches each session at most once across keys, returning the same array', () => {
    const f = fixtureF()
    const list: string[] = [f.C.sessionId]
    const before = seqs(f.A, f.B1, f.B2, f.C)
    const returned = f.sim.dispatcher.dispatchManyFilterList(
      'channel',
      [SECRET, GENERAL],
      list,
      'CHANNEL_PINS_UPDATE',
      { guild_id: G },
    )
    expect(returned).toBe(list)
    expect(list).toEqual([f.C.sessionId, f.A.sessionId, f.B1.sessionId, f.B2.sessionId])
    expect(seqs(f.A, f.B1, f.B2, f.C)).toEqual([
      before[0]! + 1,
      before[1]! + 1,
      before[2]! + 1,
      before[3],
    ])
  })

  it('dispatchManyFilterList counts a failed send as reached: one frame, one replay after a resume (§10)', () => {
    // A's socket fails: A is on both #secret and #general. The failed send took a seq and sits in the
    // resume buffer, so #general must not queue the event again, or the resume replays it twice.
    const f = fixtureF()
    f.sim.gateway.failSocket(f.A.sessionId, true)
    const lastSeen = f.A.seq
    const list = f.sim.dispatcher.dispatchManyFilterList(
      'channel',
      [SECRET, GENERAL],
      [],
      'CHANNEL_PINS_UPDATE',
      { guild_id: G },
    )
    expect(list[0]).toBe(f.A.sessionId)
    expect(list.filter((id) => id === f.A.sessionId)).toHaveLength(1)
    expect(f.A.seq).toBe(lastSeen + 1)
    f.sim.gateway.failSocket(f.A.sessionId, false)
    f.sim.gateway.disconnect(f.A.sessionId)
    const resumed = f.sim.gateway.resume(f.A.sessionId, lastSeen)
    expect(resumed.resumed && resumed.replayed.map((frame) => frame.t)).toEqual([
      'CHANNEL_PINS_UPDATE',
    ])
  })

  it('dispatchManyFilterList keeps a session whose send failed in the list for the next call too', () => {
    const f = fixtureF()
    f.sim.gateway.failSocket(f.A.sessionId, true)
    const list: string[] = []
    f.sim.dispatcher.dispatchManyFilterList('channel', [SECRET], list, 'CHANNEL_PINS_UPDATE', {})
    expect(list).toEqual([f.A.sessionId])
    f.sim.gateway.failSocket(f.A.sessionId, false)
    const before = f.A.seq
    f.sim.dispatcher.dispatchManyFilterList('channel', [GENERAL], list, 'CHANNEL_PINS_UPDATE', {})
    expect(f.A.seq).toBe(before)
  })
})

describe('helpers on every backend (semantics §4, §10)', () => {
  it.each([
    ['guild', G],
    ['channel', GENERAL],
    ['member', [G, BOB]],
    ['user', BOB],
    ['friend', ALICE],
  ] as const)(
    'dispatchFilter works on %s: rejected sessions are skipped with filter',
    (backend, key) => {
      const f = fixtureF()
      f.sim.actions.addFriend(ALICE, BOB)
      const result = f.sim.dispatcher.dispatchFilter(
        backend,
        key,
        (id) => id !== f.B2.sessionId,
        'X_EVENT',
        {},
      )
      expect(result.skipped).toEqual([{ sessionId: f.B2.sessionId, reason: 'filter' }])
      expect(result.delivered).toContain(f.B1.sessionId)
      expect(result.delivered).not.toContain(f.B2.sessionId)
    },
  )

  it('dispatchFilter works on lazy_guild: the range holders it rejects are skipped with filter', () => {
    const f = fixtureF()
    f.sim.gateway.requestMemberList(f.A.sessionId, G, { [GENERAL]: [[0, 10]] })
    f.sim.gateway.requestMemberList(f.C.sessionId, G, { [GENERAL]: [[0, 10]] })
    const result = f.sim.dispatcher.dispatchFilter(
      'lazy_guild',
      G,
      (id) => id !== f.A.sessionId,
      'X_EVENT',
      {},
    )
    expect(result.delivered).toEqual([f.C.sessionId])
    expect(result.skipped).toEqual([{ sessionId: f.A.sessionId, reason: 'filter' }])
  })

  it('dispatchManyFilterList counts a buffered session as reached: a later key does not send it again', () => {
    const f = fixtureF()
    f.sim.gateway.disconnect(f.A.sessionId)
    const before = f.A.seq
    const list = f.sim.dispatcher.dispatchManyFilterList(
      'channel',
      [SECRET, GENERAL],
      [],
      'CHANNEL_PINS_UPDATE',
      {},
    )
    expect(list[0]).toBe(f.A.sessionId)
    expect(f.A.seq).toBe(before + 1)
  })

  it('a refused call changes nothing: no filter call, no inspection event, the list untouched', () => {
    const f = fixtureF()
    const events: string[] = []
    f.sim.inspect((e) => events.push(e.type))
    let filterCalls = 0
    const list = [f.C.sessionId]
    const before = seqs(f.A, f.B1, f.B2, f.C, f.D)
    expect(
      refusal(() =>
        f.sim.dispatcher.dispatchFilter('guild', G, () => ++filterCalls > 0, 'X', { n: NaN }),
      ).code,
    ).toBe('INVALID_PAYLOAD')
    expect(
      refusal(() => f.sim.dispatcher.dispatchManyFilterList('guild', [G, '01'], list, 'X', {}))
        .code,
    ).toBe('INVALID_KEY')
    expect(
      refusal(() => f.sim.dispatcher.dispatchManyFilterList('guild', [G], list, 'x', {})).code,
    ).toBe('INVALID_EVENT_TYPE')
    expect(refusal(() => f.sim.dispatcher.dispatchMany('guild', [G, G], 'X', () => 1)).code).toBe(
      'INVALID_PAYLOAD',
    )
    expect(filterCalls).toBe(0)
    expect(events).toEqual([])
    expect(list).toEqual([f.C.sessionId])
    expect(seqs(f.A, f.B1, f.B2, f.C, f.D)).toEqual(before)
  })
})
