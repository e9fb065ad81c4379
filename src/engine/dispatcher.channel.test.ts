import { describe, expect, it } from 'vitest'
import { Intents } from './gateway/intents.ts'
import { createSimulation, internalsOf } from './simulation.ts'
import {
  addUsers,
  ALICE,
  BOB,
  CAROL,
  DAVE,
  fixtureF,
  G,
  GENERAL,
  lastFrame,
  SECRET,
} from './testing/fixtures.ts'
import type { GatewayState } from './types.ts'

describe('channel backend', () => {
  it("sends GUILD_MEMBER_UPDATE about a session's own user whatever its intents, as guild does (§5)", () => {
    const f = fixtureF()
    // B1 has GUILDS only: another member's update is gated, its own is not (whatever the id's form).
    const own = f.sim.dispatcher.dispatch('channel', GENERAL, 'GUILD_MEMBER_UPDATE', {
      guild_id: G,
      user: { id: BOB },
    })
    expect(own.delivered).toContain(f.B1.sessionId)
    const ownAsNumber = f.sim.dispatcher.dispatch('channel', GENERAL, 'GUILD_MEMBER_UPDATE', {
      guild_id: G,
      user: { id: Number(BOB) },
    })
    expect(ownAsNumber.delivered).toContain(f.B1.sessionId)
    const other = f.sim.dispatcher.dispatch('channel', GENERAL, 'GUILD_MEMBER_UPDATE', {
      guild_id: G,
      user: { id: CAROL },
    })
    expect(other.skipped).toContainEqual({ sessionId: f.B1.sessionId, reason: 'intents' })
  })

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
    const result = sim.dispatcher.dispatch('channel', dm.id, 'MESSAGE_CREATE', {
      channel_id: dm.id,
    })
    expect(result.delivered).toEqual([a.sessionId, d1.sessionId])
    expect(result.skipped).toEqual([{ sessionId: d2.sessionId, reason: 'intents' }])
  })

  it('lets group-DM messages through whatever the intents', () => {
    const sim = createSimulation()
    addUsers(sim, ALICE, BOB, CAROL)
    const group = sim.world.createChannel({ type: 3, recipients: [ALICE, BOB, CAROL] })
    const b = sim.gateway.identify({ userId: BOB, intents: 0 })
    const result = sim.dispatcher.dispatch('channel', group.id, 'MESSAGE_CREATE', {
      channel_id: group.id,
    })
    expect(result.delivered).toEqual([b.sessionId])
    const typing = sim.dispatcher.dispatch('channel', group.id, 'TYPING_START', {
      channel_id: group.id,
    })
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
    const payload = {
      id: group.id,
      type: 3,
      recipients: [{ id: ALICE }, { id: BOB }, { id: CAROL }],
    }
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
    const bot = f.sim.gateway.identify({
      userId: CAROL,
      intents: Intents.ALL & ~Intents.MESSAGE_CONTENT,
    })
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
    f.sim.dispatcher.dispatch('channel', GENERAL, 'MESSAGE_UPDATE', {
      ...message,
      mentions: [{ id: CAROL }],
    })
    expect((lastFrame(bot).d as { content: string }).content).toBe('hello')
    // DMs are not guild messages: no redaction. The world's channel decides, not the payload
    // (docs/design/semantics.md §10).
    const dm = f.sim.world.createChannel({ type: 1, recipients: [ALICE, CAROL] })
    f.sim.dispatcher.dispatch('guild', G, 'MESSAGE_CREATE', { ...message, channel_id: dm.id })
    expect((lastFrame(bot).d as { content: string }).content).toBe('hello')
  })
})

describe('channel backend: DMs and per-recipient views (semantics §5)', () => {
  function dms() {
    const sim = createSimulation()
    addUsers(sim, ALICE, BOB, CAROL)
    const dm = sim.world.createChannel({ type: 1, recipients: [ALICE, BOB] })
    const group = sim.world.createChannel({ type: 3, recipients: [ALICE, BOB, CAROL] })
    return { sim, dm, group }
  }

  it.each([
    ['MESSAGE_UPDATE', 'a 1:1 DM', Intents.DIRECT_MESSAGES],
    ['MESSAGE_DELETE', 'a 1:1 DM', Intents.DIRECT_MESSAGES],
    ['MESSAGE_REACTION_ADD', 'a 1:1 DM', Intents.DIRECT_MESSAGE_REACTIONS],
    ['TYPING_START', 'a 1:1 DM', Intents.DIRECT_MESSAGE_TYPING],
    ['MESSAGE_REACTION_ADD', 'a group DM', Intents.DIRECT_MESSAGE_REACTIONS],
    ['TYPING_START', 'a group DM', Intents.DIRECT_MESSAGE_TYPING],
    ['CHANNEL_PINS_UPDATE', 'a 1:1 DM', Intents.DIRECT_MESSAGES],
    ['CHANNEL_PINS_UPDATE', 'a group DM', Intents.DIRECT_MESSAGES],
    ['MESSAGE_POLL_VOTE_ADD', 'a 1:1 DM', Intents.DIRECT_MESSAGE_POLLS],
    ['MESSAGE_REACTION_REMOVE_EMOJI', 'a group DM', Intents.DIRECT_MESSAGE_REACTIONS],
  ])('%s in %s needs its DIRECT_* bit and nothing else', (type, where, bit) => {
    const { sim, dm, group } = dms()
    const channel = where === 'a group DM' ? group : dm
    const without = sim.gateway.identify({ userId: BOB, intents: Intents.ALL & ~bit })
    const only = sim.gateway.identify({ userId: BOB, intents: bit })
    const result = sim.dispatcher.dispatch('channel', channel.id, type, { channel_id: channel.id })
    expect(result.delivered).toEqual([only.sessionId])
    expect(result.skipped).toEqual([{ sessionId: without.sessionId, reason: 'intents' }])
  })

  it('decides DM or guild channel from the world, never from the payload', () => {
    const { sim, dm } = dms()
    const guildBits = sim.gateway.identify({
      userId: BOB,
      intents: Intents.GUILDS | Intents.GUILD_MESSAGES,
    })
    const dmBits = sim.gateway.identify({ userId: BOB, intents: Intents.DIRECT_MESSAGES })
    // A guild_id in a DM's payload does not make it a guild event…
    const inDm = sim.dispatcher.dispatch('channel', dm.id, 'MESSAGE_CREATE', {
      channel_id: dm.id,
      guild_id: G,
    })
    expect(inDm.delivered).toEqual([dmBits.sessionId])
    expect(inDm.skipped).toEqual([{ sessionId: guildBits.sessionId, reason: 'intents' }])
    // …and a guild channel's payload without one is still gated by GUILD_* bits and VIEW_CHANNEL.
    const f = fixtureF()
    f.sim.dispatcher.sub('channel', SECRET, f.C.sessionId)
    const inGuild = f.sim.dispatcher.dispatch('channel', SECRET, 'TYPING_START', {
      channel_id: SECRET,
    })
    expect(inGuild.delivered).toEqual([f.A.sessionId])
    expect(inGuild.skipped).toEqual([{ sessionId: f.C.sessionId, reason: 'permission' }])
    const general = f.sim.dispatcher.dispatch('channel', GENERAL, 'TYPING_START', {
      channel_id: GENERAL,
    })
    expect(general.skipped).toContainEqual({ sessionId: f.B1.sessionId, reason: 'intents' })
  })

  it('leaves the author its own content without MESSAGE_CONTENT', () => {
    const f = fixtureF()
    const bot = f.sim.gateway.identify({
      userId: CAROL,
      intents: Intents.ALL & ~Intents.MESSAGE_CONTENT,
    })
    const message = {
      id: '9',
      channel_id: GENERAL,
      guild_id: G,
      author: { id: CAROL },
      content: 'mine',
      mentions: [],
    }
    f.sim.dispatcher.dispatch('channel', GENERAL, 'MESSAGE_CREATE', message)
    expect(lastFrame(bot).d).toEqual(message)
    const other = f.sim.gateway.identify({
      userId: BOB,
      intents: Intents.ALL & ~Intents.MESSAGE_CONTENT,
    })
    f.sim.dispatcher.dispatch('channel', GENERAL, 'MESSAGE_UPDATE', message)
    expect((lastFrame(other).d as { content: string }).content).toBe('')
    expect(Object.isFrozen(lastFrame(other).d)).toBe(true)
    expect((lastFrame(bot).d as { content: string }).content).toBe('mine')
  })

  it.each(['CHANNEL_CREATE', 'CHANNEL_UPDATE'])(
    'gives each %s recipient a frozen group-DM view without its own user, the caller object untouched',
    (type) => {
      const { sim, dm, group } = dms()
      const a = sim.gateway.identify({ userId: ALICE })
      const c = sim.gateway.identify({ userId: CAROL })
      const payload = {
        id: group.id,
        type: 3,
        recipients: [{ id: ALICE }, { id: BOB }, { id: CAROL }],
      }
      sim.dispatcher.dispatch('channel', group.id, type, payload)
      const d = lastFrame(a).d as { recipients: { id: string }[] }
      expect(d.recipients).toEqual([{ id: BOB }, { id: CAROL }])
      expect((lastFrame(c).d as typeof d).recipients).toEqual([{ id: ALICE }, { id: BOB }])
      expect(Object.isFrozen(d)).toBe(true)
      expect(Object.isFrozen(d.recipients)).toBe(true)
      expect(Object.isFrozen(payload.recipients)).toBe(false)
      expect(payload.recipients).toHaveLength(3)
      // A 1:1 DM keeps its recipients list as sent: the view is for group DMs.
      const dmPayload = { id: dm.id, type: 1, recipients: [{ id: ALICE }, { id: BOB }] }
      sim.dispatcher.dispatch('channel', dm.id, type, dmPayload)
      expect((lastFrame(a).d as typeof d).recipients).toEqual([{ id: ALICE }, { id: BOB }])
    },
  )
})

describe('channel backend: a channel gone from the world (semantics §4, §10)', () => {
  it('considers the subscribers world.deleteChannel left behind, skipping each with permission', () => {
    const f = fixtureF()
    const world = internalsOf(f.sim).world
    world.deleteChannel(GENERAL) // data only: subscriptions stay (docs/design/semantics.md §10)
    expect(f.sim.dispatcher.subscribers('channel', GENERAL)).toHaveLength(4)
    const result = f.sim.dispatcher.dispatchFilter(
      'channel',
      GENERAL,
      (id) => id !== f.C.sessionId,
      'MESSAGE_CREATE',
      { channel_id: GENERAL, guild_id: G },
    )
    expect(result.delivered).toEqual([])
    expect(result.buffered).toEqual([])
    expect(result.skipped).toEqual([
      { sessionId: f.A.sessionId, reason: 'permission' },
      { sessionId: f.B1.sessionId, reason: 'permission' },
      { sessionId: f.B2.sessionId, reason: 'permission' },
      { sessionId: f.C.sessionId, reason: 'filter' },
    ])
  })
})
