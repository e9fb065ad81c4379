import { describe, expect, it } from 'vitest'
import { EngineError } from './errors.ts'
import { Intents } from './gateway/intents.ts'
import { createSimulation } from './simulation.ts'
import { addUsers, ALICE, BOB, CAROL, DAVE, fixtureF, G, GENERAL, lastFrame, SECRET } from './testing/fixtures.ts'
import type { GatewayState } from './types.ts'

const seqs = (...states: GatewayState[]) => states.map((s) => s.seq)

function refusal(fn: () => unknown): EngineError {
  try {
    fn()
  } catch (error) {
    if (error instanceof EngineError) return error
    throw error
  }
  throw new Error('expected an EngineError, nothing was thrown')
}

describe('EventDispatcher.dispatch: validation before anything is delivered', () => {
  const cases: [string, (f: ReturnType<typeof fixtureF>) => unknown, string][] = [
    ['an unknown backend', (f) => f.sim.dispatcher.dispatch('guilds' as never, G, 'GUILD_UPDATE', {}), 'UNKNOWN_BACKEND'],
    ['a key with letters', (f) => f.sim.dispatcher.dispatch('guild', '12a', 'GUILD_UPDATE', {}), 'INVALID_KEY'],
    ['a negative key', (f) => f.sim.dispatcher.dispatch('guild', -5, 'GUILD_UPDATE', {}), 'INVALID_KEY'],
    ['a negative string key', (f) => f.sim.dispatcher.dispatch('guild', '-5', 'GUILD_UPDATE', {}), 'INVALID_KEY'],
    ['an unsafe number key', (f) => f.sim.dispatcher.dispatch('guild', 2 ** 60, 'GUILD_UPDATE', {}), 'INVALID_KEY'],
    ['a fractional key', (f) => f.sim.dispatcher.dispatch('guild', 1.5, 'GUILD_UPDATE', {}), 'INVALID_KEY'],
    ['a leading zero', (f) => f.sim.dispatcher.dispatch('guild', '020971520', 'GUILD_UPDATE', {}), 'INVALID_KEY'],
    ['a key over 2^64 − 1', (f) => f.sim.dispatcher.dispatch('guild', '18446744073709551616', 'GUILD_UPDATE', {}), 'INVALID_KEY'],
    ['a pair for guild', (f) => f.sim.dispatcher.dispatch('guild', [G, BOB], 'GUILD_UPDATE', {}), 'INVALID_KEY'],
    ['a single id for member', (f) => f.sim.dispatcher.dispatch('member', G, 'GUILD_CREATE', {}), 'INVALID_KEY'],
    ['a triple for member', (f) => f.sim.dispatcher.dispatch('member', [G, BOB, BOB] as never, 'X', {}), 'INVALID_KEY'],
    ['a bad member pair', (f) => f.sim.dispatcher.dispatch('member', [G, 'bob'], 'GUILD_CREATE', {}), 'INVALID_KEY'],
    ['a lower-case event', (f) => f.sim.dispatcher.dispatch('guild', G, 'guild_update', {}), 'INVALID_EVENT_TYPE'],
    ['an event starting with a digit', (f) => f.sim.dispatcher.dispatch('guild', G, '1_UPDATE', {}), 'INVALID_EVENT_TYPE'],
    ['an empty event', (f) => f.sim.dispatcher.dispatch('guild', G, '', {}), 'INVALID_EVENT_TYPE'],
    ['a function payload', (f) => f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { f: () => 1 }), 'INVALID_PAYLOAD'],
    ['a bigint payload', (f) => f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { id: 5n }), 'INVALID_PAYLOAD'],
    ['undefined payload', (f) => f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', undefined), 'INVALID_PAYLOAD'],
    ['NaN in a payload', (f) => f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { n: NaN }), 'INVALID_PAYLOAD'],
    ['Infinity in a payload', (f) => f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', [Infinity]), 'INVALID_PAYLOAD'],
    ['a Map in a payload', (f) => f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { m: new Map() }), 'INVALID_PAYLOAD'],
    [
      'a cyclic payload',
      (f) => {
        const cyclic: Record<string, unknown> = {}
        cyclic.self = cyclic
        return f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', cyclic)
      },
      'INVALID_PAYLOAD',
    ],
  ]
  it.each(cases)('refuses %s with a clear EngineError and delivers nothing', (_name, call, code) => {
    const f = fixtureF()
    const before = seqs(f.A, f.B1, f.B2, f.C, f.D)
    const error = refusal(() => call(f))
    expect(error.code).toBe(code)
    expect(error.message.length).toBeGreaterThan(30)
    expect(seqs(f.A, f.B1, f.B2, f.C, f.D)).toEqual(before)
  })

  it('lists the six backends when the backend is unknown', () => {
    const f = fixtureF()
    const error = refusal(() => f.sim.dispatcher.dispatch('guilds' as never, G, 'X', {}))
    expect(error.message).toContain('guild, member, channel, user, friend, lazy_guild')
  })

  it('names the path of what is not JSON', () => {
    const f = fixtureF()
    const error = refusal(() =>
      f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { a: [1, { b: () => 0 }] }),
    )
    expect(error.message).toContain('payload.a[1].b')
  })

  it('accepts keys as canonical strings, bigints and safe numbers, returning the decimal string', () => {
    const f = fixtureF()
    expect(f.sim.dispatcher.dispatch('guild', 20971520n, 'GUILD_UPDATE', {}).key).toBe(G)
    expect(f.sim.dispatcher.dispatch('guild', 20971520, 'GUILD_UPDATE', {}).key).toBe(G)
    expect(f.sim.dispatcher.dispatch('member', [G, 20n], 'GUILD_CREATE', {}).key).toBe(`${G}:20`)
    expect(f.sim.dispatcher.dispatch('guild', '18446744073709551615', 'X', {}).key).toBe(
      '18446744073709551615',
    )
  })
})

describe('payloads', () => {
  it('are never mutated, and every recipient sees a deep-frozen copy', () => {
    const f = fixtureF()
    const payload = { id: G, name: 'Renamed', nested: { list: [1, 2] } }
    f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', payload)
    expect(Object.isFrozen(payload)).toBe(false)
    payload.nested.list.push(3)
    const d = lastFrame(f.A).d as typeof payload
    expect(d.nested.list).toEqual([1, 2])
    expect(Object.isFrozen(d.nested.list)).toBe(true)
    expect(lastFrame(f.C).d).toBe(d) // one shared copy, not one per recipient
  })

  it('drops undefined object fields, as JSON does', () => {
    const f = fixtureF()
    f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', { id: G, icon: undefined })
    expect(lastFrame(f.A).d).toEqual({ id: G })
  })
})

describe('guild backend', () => {
  it('delivers an event under no intent to every subscribed session (litecord dropped it, bug 6)', () => {
    const f = fixtureF()
    const result = f.sim.dispatcher.dispatch('guild', G, 'USER_UPDATE', {})
    expect(result.delivered).toEqual([f.A.sessionId, f.B1.sessionId, f.B2.sessionId, f.C.sessionId])
    expect(result.skipped).toEqual([])
  })

  it('skips sessions without the intent, naming the reason', () => {
    const f = fixtureF()
    const result = f.sim.dispatcher.dispatch('guild', G, 'MESSAGE_REACTION_ADD', { guild_id: G })
    expect(result.delivered).toEqual([f.A.sessionId, f.B2.sessionId, f.C.sessionId])
    expect(result.skipped).toEqual([{ sessionId: f.B1.sessionId, reason: 'intents' }])
  })

  it('sends GUILD_MEMBER_UPDATE to GUILD_MEMBERS holders and to the member whatever its intents (bug 7)', () => {
    const f = fixtureF()
    const result = f.sim.dispatcher.dispatch('guild', G, 'GUILD_MEMBER_UPDATE', {
      guild_id: G,
      user: { id: BOB },
    })
    expect(result.delivered).toEqual([f.A.sessionId, f.B1.sessionId, f.B2.sessionId, f.C.sessionId])
    const forCarol = f.sim.dispatcher.dispatch('guild', G, 'GUILD_MEMBER_UPDATE', {
      guild_id: G,
      user: { id: CAROL },
    })
    expect(forCarol.skipped).toEqual([{ sessionId: f.B1.sessionId, reason: 'intents' }])
  })

  it('delivers in subscription order', () => {
    const f = fixtureF()
    expect(f.sim.dispatcher.subscribers('guild', G)).toEqual([
      f.A.sessionId,
      f.B1.sessionId,
      f.B2.sessionId,
      f.C.sessionId,
    ])
  })

  it('skips sessions that do not serve the guild shard (litecord-notes example 3)', () => {
    const sim = createSimulation()
    sim.world.createUser({ id: BOB, username: 'bob' })
    sim.world.createGuild({ id: G, name: 'G', ownerId: BOB })
    const b0 = sim.gateway.identify({ userId: BOB, shard: [0, 2] })
    const b1 = sim.gateway.identify({ userId: BOB, shard: [1, 2] })
    expect(sim.dispatcher.subscribers('guild', G)).toEqual([b1.sessionId])
    sim.dispatcher.sub('guild', G, b0.sessionId) // a raw sub: the shard check still applies at dispatch
    const result = sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', {})
    expect(result.delivered).toEqual([b1.sessionId])
    expect(result.skipped).toEqual([{ sessionId: b0.sessionId, reason: 'shard' }])
    expect(b0.shard).toEqual([0, 2])
    expect((b1.frames[0]?.d as { shard: number[] }).shard).toEqual([1, 2])
  })

  it('checks the filter first, then shard, then intents', () => {
    const sim = createSimulation()
    sim.world.createUser({ id: BOB, username: 'bob' })
    sim.world.createGuild({ id: G, name: 'G', ownerId: BOB })
    const b0 = sim.gateway.identify({ userId: BOB, shard: [0, 2], intents: 0 })
    sim.dispatcher.sub('guild', G, b0.sessionId)
    const filtered = sim.dispatcher.dispatchFilter('guild', G, () => false, 'GUILD_UPDATE', {})
    expect(filtered.skipped).toEqual([{ sessionId: b0.sessionId, reason: 'filter' }])
    const sharded = sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', {})
    expect(sharded.skipped).toEqual([{ sessionId: b0.sessionId, reason: 'shard' }])
  })
})

describe('channel backend', () => {
  it('subscribes readers only, and checks VIEW_CHANNEL at dispatch', () => {
    const f = fixtureF()
    expect(f.sim.dispatcher.subscribers('channel', SECRET)).toEqual([f.A.sessionId])
    f.sim.dispatcher.sub('channel', SECRET, f.C.sessionId)
    const result = f.sim.dispatcher.dispatch('channel', SECRET, 'TYPING_START', {
      channel_id: SECRET,
      guild_id: G,
    })
    expect(result.delivered).toEqual([f.A.sessionId])
    expect(result.skipped).toEqual([{ sessionId: f.C.sessionId, reason: 'permission' }])
  })

  it('keeps the fan-out going past a failing socket (litecord-notes example 6, bug 5)', () => {
    const f = fixtureF()
    f.sim.gateway.failSocket(f.A.sessionId, true)
    const seqBefore = f.A.seq
    const framesBefore = f.A.frames.length
    const result = f.sim.dispatcher.dispatch('channel', GENERAL, 'MESSAGE_UPDATE', {
      id: '1',
      channel_id: GENERAL,
      guild_id: G,
    })
    expect(result.delivered).toEqual([f.B2.sessionId, f.C.sessionId])
    expect(result.skipped).toEqual([
      { sessionId: f.A.sessionId, reason: 'send-failed' },
      { sessionId: f.B1.sessionId, reason: 'intents' },
    ])
    expect(f.A.seq).toBe(seqBefore + 1) // the seq still counts…
    expect(f.A.frames.length).toBe(framesBefore) // …but the socket received nothing
  })

  it('gates DMs by DIRECT_* intents, not GUILD_* ones (litecord-notes example 4, bug 8)', () => {
    const sim = createSimulation()
    sim.world.createUser({ id: ALICE, username: 'alice' })
    sim.world.createUser({ id: DAVE, username: 'dave' })
    const dm = sim.world.createChannel({ type: 1, recipients: [ALICE, DAVE] })
    const a = sim.gateway.identify({ userId: ALICE })
    const d1 = sim.gateway.identify({ userId: DAVE, intents: Intents.DIRECT_MESSAGES })
    const d2 = sim.gateway.identify({ userId: DAVE, intents: Intents.GUILD_MESSAGES })
    const result = sim.dispatcher.dispatch('channel', dm.id, 'MESSAGE_CREATE', { channel_id: dm.id })
    expect(result.delivered).toEqual([a.sessionId, d1.sessionId])
    expect(result.skipped).toEqual([{ sessionId: d2.sessionId, reason: 'intents' }])
  })

  it('lets group-DM messages through whatever the intents', () => {
    const sim = createSimulation()
    addUsers(sim, ALICE, BOB, CAROL)
    const group = sim.world.createChannel({ type: 3, recipients: [ALICE, BOB, CAROL] })
    const b = sim.gateway.identify({ userId: BOB, intents: 0 })
    const result = sim.dispatcher.dispatch('channel', group.id, 'MESSAGE_CREATE', { channel_id: group.id })
    expect(result.delivered).toEqual([b.sessionId])
    const typing = sim.dispatcher.dispatch('channel', group.id, 'TYPING_START', { channel_id: group.id })
    expect(typing.skipped).toEqual([{ sessionId: b.sessionId, reason: 'intents' }])
  })

  it('shows each group-DM recipient the other recipients (litecord-notes example 5, bug 4)', () => {
    const sim = createSimulation()
    addUsers(sim, ALICE, BOB, CAROL)
    const group = sim.world.createChannel({ type: 3, recipients: [ALICE, BOB, CAROL] })
    const a = sim.gateway.identify({ userId: ALICE })
    const b1 = sim.gateway.identify({ userId: BOB, intents: Intents.GUILDS })
    const b2 = sim.gateway.identify({ userId: BOB })
    const c = sim.gateway.identify({ userId: CAROL })
    const payload = { id: group.id, type: 3, recipients: [{ id: ALICE }, { id: BOB }, { id: CAROL }] }
    sim.dispatcher.dispatch('channel', group.id, 'CHANNEL_UPDATE', payload)
    const recipients = (s: GatewayState) =>
      (lastFrame(s).d as { recipients: { id: string }[] }).recipients.map((r) => r.id)
    expect(recipients(a)).toEqual([BOB, CAROL])
    expect(recipients(b1)).toEqual([ALICE, CAROL])
    expect(recipients(b2)).toEqual([ALICE, CAROL])
    expect(recipients(c)).toEqual([ALICE, BOB])
    expect(payload.recipients).toHaveLength(3)
  })

  it('empties message content for recipients without MESSAGE_CONTENT, in their copy only', () => {
    const f = fixtureF()
    const bot = f.sim.gateway.identify({ userId: CAROL, intents: Intents.ALL & ~Intents.MESSAGE_CONTENT })
    const message = {
      id: '9',
      channel_id: GENERAL,
      guild_id: G,
      author: { id: ALICE },
      content: 'hello',
      embeds: [{ title: 't' }],
      attachments: [{ id: '1' }],
      components: [{ type: 1 }],
      poll: { question: { text: 'q' } },
      mentions: [],
    }
    f.sim.dispatcher.dispatch('channel', GENERAL, 'MESSAGE_CREATE', message)
    expect(lastFrame(bot).d).toEqual({
      ...message,
      poll: undefined,
      content: '',
      embeds: [],
      attachments: [],
      components: [],
    })
    expect('poll' in (lastFrame(bot).d as object)).toBe(false)
    expect((lastFrame(f.C).d as { content: string }).content).toBe('hello')
    // Mentioned users and the author keep the content.
    f.sim.dispatcher.dispatch('channel', GENERAL, 'MESSAGE_UPDATE', { ...message, mentions: [{ id: CAROL }] })
    expect((lastFrame(bot).d as { content: string }).content).toBe('hello')
    // DMs are not guild messages: no redaction.
    f.sim.dispatcher.dispatch('guild', G, 'MESSAGE_CREATE', { ...message, guild_id: undefined })
    expect((lastFrame(bot).d as { content: string }).content).toBe('hello')
  })
})

describe('member, user and friend backends', () => {
  it('member: reaches the user sessions serving the guild shard; the others are skipped with shard', () => {
    const sim = createSimulation()
    sim.world.createUser({ id: BOB, username: 'bob' })
    sim.world.createGuild({ id: G, name: 'G', ownerId: BOB })
    const b0 = sim.gateway.identify({ userId: BOB, shard: [0, 2] })
    const b1 = sim.gateway.identify({ userId: BOB, shard: [1, 2], intents: 0 })
    const result = sim.dispatcher.dispatch('member', [G, BOB], 'GUILD_MEMBER_UPDATE', {})
    expect(result.delivered).toEqual([b1.sessionId])
    expect(result.skipped).toEqual([{ sessionId: b0.sessionId, reason: 'shard' }])
    expect(result.key).toBe(`${G}:${BOB}`)
  })

  it('user: reaches every session of the user, any shard, any intents', () => {
    const sim = createSimulation()
    sim.world.createUser({ id: BOB, username: 'bob' })
    const b0 = sim.gateway.identify({ userId: BOB, shard: [0, 2], intents: 0 })
    const b1 = sim.gateway.identify({ userId: BOB, shard: [1, 2], intents: 0 })
    const result = sim.dispatcher.dispatch('user', BOB, 'USER_UPDATE', {})
    expect(result.delivered).toEqual([b0.sessionId, b1.sessionId])
  })

  it('friend: reaches every session of each friend of the key user', () => {
    const sim = createSimulation()
    addUsers(sim, ALICE, BOB, CAROL)
    sim.world.addFriendship(ALICE, BOB)
    const a = sim.gateway.identify({ userId: ALICE })
    const b = sim.gateway.identify({ userId: BOB, intents: 0 })
    sim.gateway.identify({ userId: CAROL })
    expect(sim.dispatcher.subscribers('friend', ALICE)).toEqual([BOB])
    expect(sim.dispatcher.subscribers('friend', BOB)).toEqual([ALICE])
    const result = sim.dispatcher.dispatch('friend', ALICE, 'PRESENCE_UPDATE', { user: { id: ALICE } })
    expect(result.delivered).toEqual([b.sessionId])
    expect(sim.dispatcher.dispatch('friend', BOB, 'X', {}).delivered).toEqual([a.sessionId])
  })

  it('friend links survive the sessions coming and going', () => {
    const sim = createSimulation()
    sim.world.createUser({ id: ALICE, username: 'alice' })
    sim.world.createUser({ id: BOB, username: 'bob' })
    sim.world.addFriendship(ALICE, BOB)
    const a = sim.gateway.identify({ userId: ALICE })
    sim.gateway.invalidate(a.sessionId)
    expect(sim.dispatcher.subscribers('friend', ALICE)).toEqual([BOB])
    const b = sim.gateway.identify({ userId: BOB })
    expect(sim.dispatcher.dispatch('friend', ALICE, 'X', {}).delivered).toEqual([b.sessionId])
  })
})

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
    expect(refusal(() => f.sim.dispatcher.sub('member', [G, BOB], f.A.sessionId)).code).toBe('NO_SUBSCRIBERS')
    expect(refusal(() => f.sim.dispatcher.sub('user', BOB, f.A.sessionId)).code).toBe('NO_SUBSCRIBERS')
    expect(refusal(() => f.sim.dispatcher.unsub('lazy_guild', G, f.A.sessionId)).code).toBe('USE_OP_14')
  })

  it('refuses unknown sessions, guilds and channels', () => {
    const f = fixtureF()
    expect(refusal(() => f.sim.dispatcher.sub('guild', G, 'nope')).code).toBe('UNKNOWN_SESSION')
    expect(refusal(() => f.sim.dispatcher.sub('guild', '999', f.A.sessionId)).code).toBe('UNKNOWN_GUILD')
    expect(refusal(() => f.sim.dispatcher.sub('channel', '999', f.A.sessionId)).code).toBe('UNKNOWN_CHANNEL')
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
    expect(() => f.sim.dispatcher.dispatchMany('channel', [GENERAL, 'x'], 'TYPING_START', {})).toThrow(
      expect.objectContaining({ code: 'INVALID_KEY' }),
    )
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
    expect((error.detail as { delivered: string[] }).delivered).toEqual([f.A.sessionId, f.B1.sessionId])
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
    expect(seqs(f.A, f.B1, f.B2, f.C)).toEqual([before[0]! + 1, before[1]! + 1, before[2]! + 1, before[3]])
  })

  it('dispatchManyFilterList lets a later key retry a session whose send failed', () => {
    const f = fixtureF()
    f.sim.gateway.failSocket(f.A.sessionId, true)
    const list: string[] = []
    f.sim.dispatcher.dispatchManyFilterList('channel', [SECRET], list, 'CHANNEL_PINS_UPDATE', {})
    expect(list).toEqual([])
    f.sim.gateway.failSocket(f.A.sessionId, false)
    f.sim.dispatcher.dispatchManyFilterList('channel', [GENERAL], list, 'CHANNEL_PINS_UPDATE', {})
    expect(list).toContain(f.A.sessionId)
  })
})

describe('explain', () => {
  it('lists the guild members sessions that were not subscribed, on demand', () => {
    const f = fixtureF()
    f.sim.dispatcher.unsub('guild', G, f.C.sessionId)
    const result = f.sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', {})
    expect(f.sim.dispatcher.explain(result)).toEqual([
      { sessionId: f.C.sessionId, reason: 'not-subscribed' },
    ])
  })

  it('for a guild channel, lists the sessions of users who can view it', () => {
    const f = fixtureF()
    const result = f.sim.dispatcher.dispatch('channel', SECRET, 'TYPING_START', {})
    expect(f.sim.dispatcher.explain(result)).toEqual([])
    f.sim.dispatcher.unsub('channel', GENERAL, f.B1.sessionId)
    const general = f.sim.dispatcher.dispatch('channel', GENERAL, 'TYPING_START', {})
    expect(f.sim.dispatcher.explain(general)).toEqual([
      { sessionId: f.B1.sessionId, reason: 'not-subscribed' },
    ])
  })

  it('returns nothing for member, user and friend, which consider every relevant session', () => {
    const f = fixtureF()
    expect(f.sim.dispatcher.explain(f.sim.dispatcher.dispatch('user', BOB, 'X', {}))).toEqual([])
    expect(f.sim.dispatcher.explain(f.sim.dispatcher.dispatch('member', [G, BOB], 'X', {}))).toEqual([])
  })
})
