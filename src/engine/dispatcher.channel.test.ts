import { describe, expect, it } from 'vitest'
import { Intents } from './gateway/intents.ts'
import { createSimulation } from './simulation.ts'
import { addUsers, ALICE, BOB, CAROL, DAVE, fixtureF, G, GENERAL, lastFrame, SECRET } from './testing/fixtures.ts'
import type { GatewayState } from './types.ts'

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
