import { describe, expect, it } from 'vitest'
import { Intents } from '../gateway/intents.ts'
import { createSimulation } from '../simulation.ts'
import { fixtureL, L } from '../testing/fixtureL.ts'
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
} from '../testing/fixtures.ts'
import type { DispatchResult, GatewayState } from '../types.ts'
import { Permissions } from '../world/permissions.ts'

/**
 * docs/design/semantics.md §8 and §10 "Actions": each flow's exact sequence of dispatches, with the
 * subscription changes between them as the inspection stream shows them, and the member lists last.
 */

type Sim = ReturnType<typeof createSimulation>

const steps = (results: DispatchResult[]) =>
  results.map((r) => `${r.type} via ${r.backend}:${r.key}`)
const received = (state: GatewayState, since: number) => state.frames.slice(since).map((f) => f.t)

/** What `run` does, in order: `dispatch TYPE backend:key`, `subscribe backend:key`, `unsubscribe …`. */
function trace(sim: Sim, run: () => unknown): string[] {
  const seen: string[] = []
  const stop = sim.inspect((e) => {
    if (e.type === 'dispatch') seen.push(`dispatch ${e.eventType} ${e.backend}:${e.key}`)
    if (e.type === 'subscribe' || e.type === 'unsubscribe')
      seen.push(`${e.type} ${e.backend}:${e.key}`)
  })
  run()
  stop()
  return seen
}

describe('§8/§10 joinGuild and leaveGuild', () => {
  it('joinGuild: GUILD_MEMBER_ADD via guild, then the subscriptions, then GUILD_CREATE via member, then the lists', () => {
    const { sim, V } = fixtureL()
    sim.world.createUser({ id: '60', username: 'aaron' })
    const joiner = sim.gateway.identify({ userId: '60' })
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 99]] })
    let results: DispatchResult[] = []
    const order = trace(sim, () => (results = sim.actions.joinGuild(L.guild, '60')))
    expect(order).toEqual([
      `dispatch GUILD_MEMBER_ADD guild:${L.guild}`,
      `subscribe guild:${L.guild}`,
      `subscribe channel:${L.general}`,
      `dispatch GUILD_CREATE member:${L.guild}:60`,
      `dispatch GUILD_MEMBER_LIST_UPDATE lazy_guild:${L.guild}`,
    ])
    expect(steps(results)).toEqual([
      `GUILD_MEMBER_ADD via guild:${L.guild}`,
      `GUILD_CREATE via member:${L.guild}:60`,
      `GUILD_MEMBER_LIST_UPDATE via lazy_guild:${L.guild}`,
    ])
    expect(results[0]?.delivered).not.toContain(joiner.sessionId)
    expect(received(joiner, 0).slice(-1)).toEqual(['GUILD_CREATE'])
  })

  it('leaveGuild: GUILD_DELETE via member, unsubscribe, GUILD_MEMBER_REMOVE via guild, then the lists', () => {
    const { sim, V, B, C, E } = fixtureL()
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 99]] })
    sim.gateway.requestMemberList(B.sessionId, L.guild, { [L.general]: [[0, 99]] })
    const markB = B.frames.length
    let results: DispatchResult[] = []
    const order = trace(sim, () => (results = sim.actions.leaveGuild(L.guild, L.bob)))
    expect(order).toEqual([
      `dispatch GUILD_DELETE member:${L.guild}:${L.bob}`,
      `unsubscribe guild:${L.guild}`,
      `unsubscribe channel:${L.general}`,
      `unsubscribe channel:${L.modsOnly}`,
      `unsubscribe lazy_guild:${L.guild}:everyone`,
      `dispatch GUILD_MEMBER_REMOVE guild:${L.guild}`,
      `dispatch GUILD_MEMBER_LIST_UPDATE lazy_guild:${L.guild}`,
    ])
    const [deleted, removed, list] = results
    expect([deleted?.delivered, list?.delivered]).toEqual([[B.sessionId], [V.sessionId]])
    expect(removed?.delivered).toEqual([V.sessionId, C.sessionId, E.sessionId]) // B already unsubscribed
    expect(received(B, markB)).toEqual(['GUILD_DELETE'])
    expect(sim.dispatcher.subscribers('lazy_guild', L.guild)).toEqual([V.sessionId])
  })
})

describe('§10 setMemberRoles and setNick', () => {
  it('GUILD_MEMBER_UPDATE via guild, then channel subscriptions follow the new roles, then the lists', () => {
    const { sim, V, C } = fixtureL()
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 99]] })
    let results: DispatchResult[] = []
    const order = trace(
      sim,
      () => (results = sim.actions.setMemberRoles(L.guild, L.carl, [L.mods])),
    )
    expect(order).toEqual([
      `dispatch GUILD_MEMBER_UPDATE guild:${L.guild}`,
      `subscribe channel:${L.modsOnly}`,
      `dispatch GUILD_MEMBER_LIST_UPDATE lazy_guild:${L.guild}`,
    ])
    expect(results[0]?.delivered).toContain(C.sessionId)
    expect(lastFrame(V).d).toMatchObject({
      groups: expect.arrayContaining([{ id: L.mods, count: 2 }]),
    })
  })

  it('setNick: GUILD_MEMBER_UPDATE via guild, then the lists', () => {
    const { sim, V } = fixtureL()
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 99]] })
    expect(steps(sim.actions.setNick(L.guild, L.carl, 'zed'))).toEqual([
      `GUILD_MEMBER_UPDATE via guild:${L.guild}`,
      `GUILD_MEMBER_LIST_UPDATE via lazy_guild:${L.guild}`,
    ])
    expect(steps(sim.actions.setNick(L.guild, L.carl, 'zed'))).toEqual([
      `GUILD_MEMBER_UPDATE via guild:${L.guild}`,
    ])
  })
})

describe('§10 guild channels and roles', () => {
  it('CHANNEL_UPDATE goes to those who can view the channel after the change, then subscriptions follow', () => {
    const f = fixtureF()
    const hide = trace(f.sim, () =>
      f.sim.actions.updateChannel(GENERAL, {
        overwrites: [{ id: G, type: 0, deny: Permissions.VIEW_CHANNEL }],
      }),
    )
    expect(hide[0]).toBe(`dispatch CHANNEL_UPDATE guild:${G}`)
    expect(hide.slice(1).every((s) => s === `unsubscribe channel:${GENERAL}`)).toBe(true)
    const [show] = f.sim.actions.updateChannel(GENERAL, { overwrites: [] })
    // Those who could not view it before the change, and can now, are told.
    expect(show?.delivered).toEqual([f.A.sessionId, f.B1.sessionId, f.B2.sessionId, f.C.sessionId])
    expect(show?.backend).toBe('guild')
  })

  it('CHANNEL_CREATE and CHANNEL_DELETE go through guild, by view after creation and before deletion', () => {
    const f = fixtureF()
    const create = trace(f.sim, () =>
      f.sim.actions.createChannel({ id: '102', guildId: G, name: 'open' }),
    )
    expect(create[0]).toBe(`dispatch CHANNEL_CREATE guild:${G}`)
    expect(create.slice(1)).toEqual(Array(4).fill('subscribe channel:102'))
    const [del] = f.sim.actions.deleteChannel(GENERAL)
    expect(steps([del!])).toEqual([`CHANNEL_DELETE via guild:${G}`])
    expect(del?.delivered).toEqual([f.A.sessionId, f.B1.sessionId, f.B2.sessionId, f.C.sessionId])
  })

  it('GUILD_ROLE_CREATE, _UPDATE and _DELETE go through guild, then the member lists regroup', () => {
    const { sim, V } = fixtureL()
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 99]] })
    const created = sim.actions.createRole(L.guild, { id: '2005', name: 'Stars', hoist: true })
    expect(steps(created)[0]).toBe(`GUILD_ROLE_CREATE via guild:${L.guild}`)
    // An empty group has no header: no holder's range changes, so nobody gets list ops.
    expect(
      created.filter((r) => r.type === 'GUILD_MEMBER_LIST_UPDATE').flatMap((r) => r.delivered),
    ).toEqual([])
    expect(steps(sim.actions.updateRole(L.guild, L.plain, { hoist: true }))).toEqual([
      `GUILD_ROLE_UPDATE via guild:${L.guild}`,
      `GUILD_MEMBER_LIST_UPDATE via lazy_guild:${L.guild}`, // Eve moves under Plain
    ])
    expect(steps(sim.actions.deleteRole(L.guild, L.plain))).toEqual([
      `GUILD_ROLE_DELETE via guild:${L.guild}`,
      `GUILD_MEMBER_LIST_UPDATE via lazy_guild:${L.guild}`,
    ])
  })
})

describe('§10 DMs', () => {
  it('openDm by the peer before any message tells the peer once: the first message adds no CHANNEL_CREATE', () => {
    const sim = createSimulation()
    addUsers(sim, ALICE, DAVE)
    sim.gateway.identify({ userId: ALICE })
    const d = sim.gateway.identify({ userId: DAVE })
    sim.actions.openDm(ALICE, DAVE)
    const [reopened] = sim.actions.openDm(DAVE, ALICE)
    expect(steps([reopened!])).toEqual([`CHANNEL_CREATE via user:${DAVE}`])
    const dmId = (lastFrame(d).d as { id: string }).id
    const mark = d.frames.length
    expect(steps(sim.actions.sendMessage(dmId, ALICE, 'hello'))).toEqual([
      `MESSAGE_CREATE via channel:${dmId}`,
    ])
    expect(received(d, mark)).toEqual(['MESSAGE_CREATE'])
  })

  it('createGroupDm tells every recipient through user, owner first, and subscribes their shard-0 sessions', () => {
    const sim = createSimulation()
    addUsers(sim, ALICE, BOB, CAROL)
    const a = sim.gateway.identify({ userId: ALICE })
    const c = sim.gateway.identify({ userId: CAROL })
    const results = sim.actions.createGroupDm(ALICE, [CAROL, BOB])
    expect(steps(results)).toEqual([
      `CHANNEL_CREATE via user:${ALICE}`,
      `CHANNEL_CREATE via user:${CAROL}`,
      `CHANNEL_CREATE via user:${BOB}`,
    ])
    const id = (lastFrame(a).d as { id: string }).id
    expect(sim.dispatcher.subscribers('channel', id)).toEqual([a.sessionId, c.sessionId])
  })
})

describe('§10 updateUser', () => {
  it('reaches each session at most once across guilds and friends; a buffered session counts as reached', () => {
    const f = fixtureF()
    f.sim.world.createGuild({ id: '8000', name: 'second', ownerId: CAROL })
    f.sim.world.addMember('8000', BOB)
    const c2 = f.sim.gateway.identify({ userId: CAROL }) // in G and 8000
    f.sim.actions.addFriend(BOB, CAROL)
    f.sim.gateway.disconnect(f.C.sessionId)
    const results = f.sim.actions.updateUser(BOB, { username: 'robert' })
    expect(steps(results)).toEqual([
      `USER_UPDATE via user:${BOB}`,
      `GUILD_MEMBER_UPDATE via guild:${G}`,
      `GUILD_MEMBER_UPDATE via guild:8000`,
      `PRESENCE_UPDATE via friend:${BOB}`,
    ])
    const [, first, second, friend] = results
    expect(first?.buffered).toEqual([f.C.sessionId])
    expect(first?.delivered).toEqual([f.A.sessionId, c2.sessionId])
    expect(second?.delivered).toEqual([])
    expect(second?.skipped).toEqual([{ sessionId: c2.sessionId, reason: 'filter' }])
    expect(friend?.delivered).toEqual([])
    expect(friend?.skipped.map((s) => s.reason)).toEqual(['filter', 'filter'])
  })

  it('ends with the member lists, which show the new username', () => {
    const { sim, V } = fixtureL()
    sim.gateway.requestMemberList(V.sessionId, L.guild, { [L.general]: [[0, 99]] })
    const results = sim.actions.updateUser(L.carl, { username: 'aaron' })
    expect(steps(results).at(-1)).toBe(`GUILD_MEMBER_LIST_UPDATE via lazy_guild:${L.guild}`)
    const ops = (lastFrame(V).d as { ops: { op: string; index: number; item?: unknown }[] }).ops
    expect(ops.map((o) => [o.op, o.index])).toEqual([['UPDATE', 5]])
    expect(ops[0]?.item).toMatchObject({ member: { user: { id: L.carl, username: 'aaron' } } })
  })
})

describe('§10 messages', () => {
  it('keeps messages per channel: another channel id of a message is UNKNOWN_MESSAGE', () => {
    const f = fixtureF()
    f.sim.actions.sendMessage(GENERAL, ALICE, 'hi', { id: '777' })
    expect(() => f.sim.actions.editMessage(SECRET, '777', 'x')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_MESSAGE' }),
    )
    expect(() => f.sim.actions.deleteMessage(SECRET, '777')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_MESSAGE' }),
    )
    f.sim.actions.deleteMessage(GENERAL, '777')
    const unknown = expect.objectContaining({ code: 'UNKNOWN_MESSAGE' })
    expect(() => f.sim.actions.editMessage(GENERAL, '777', 'x')).toThrow(unknown)
  })

  it('without MESSAGE_CONTENT, MESSAGE_CREATE and MESSAGE_UPDATE arrive redacted, in that copy only', () => {
    const f = fixtureF()
    const noContent = Intents.ALL & ~Intents.MESSAGE_CONTENT
    const bot = f.sim.gateway.identify({ userId: CAROL, intents: noContent })
    const author = f.sim.gateway.identify({ userId: BOB, intents: noContent })
    f.sim.actions.sendMessage(GENERAL, BOB, 'plans', { id: '777' })
    expect(lastFrame(bot).d).toMatchObject({
      content: '',
      embeds: [],
      attachments: [],
      components: [],
    })
    expect(lastFrame(author).d).toMatchObject({ content: 'plans' }) // its own message
    expect(lastFrame(f.C).d).toMatchObject({ content: 'plans' }) // same user, with the intent
    f.sim.actions.editMessage(GENERAL, '777', 'new plans')
    expect(lastFrame(bot).t).toBe('MESSAGE_UPDATE')
    expect(lastFrame(bot).d).toMatchObject({ id: '777', content: '' })
    expect(lastFrame(f.A).d).toMatchObject({ content: 'new plans' })
  })

  it('redaction empties embeds, attachments and components and removes poll; DMs and deletes are untouched', () => {
    const f = fixtureF()
    const bot = f.sim.gateway.identify({
      userId: CAROL,
      intents: Intents.ALL & ~Intents.MESSAGE_CONTENT,
    })
    const full = {
      id: '1',
      channel_id: GENERAL,
      guild_id: G,
      author: { id: ALICE },
      mentions: [],
      content: 'x',
      embeds: [{ title: 't' }],
      attachments: [{ id: '2' }],
      components: [{ type: 1 }],
      poll: { question: { text: 'q' } },
      tts: false,
    }
    for (const type of ['MESSAGE_CREATE', 'MESSAGE_UPDATE']) {
      f.sim.dispatcher.dispatch('channel', GENERAL, type, full)
      expect(lastFrame(bot).d).toEqual({
        id: '1',
        channel_id: GENERAL,
        guild_id: G,
        author: { id: ALICE },
        mentions: [],
        content: '',
        embeds: [],
        attachments: [],
        components: [],
        tts: false,
      })
      expect(lastFrame(f.C).d).toEqual(full)
    }
    f.sim.dispatcher.dispatch('channel', GENERAL, 'MESSAGE_DELETE', { ...full, content: 'kept' })
    expect(lastFrame(bot).d).toMatchObject({ content: 'kept' })
    const dm = f.sim.world.createChannel({ type: 1, recipients: [ALICE, CAROL] })
    f.sim.dispatcher.sub('channel', dm.id, bot.sessionId)
    const { guild_id: _guild, ...direct } = full
    f.sim.dispatcher.dispatch('channel', dm.id, 'MESSAGE_CREATE', { ...direct, channel_id: dm.id })
    expect(lastFrame(bot).d).toMatchObject({ content: 'x', poll: { question: { text: 'q' } } })
  })
})

describe('§8 refused actions', () => {
  it('change nothing: no frame, no subscription, no world change, no list change', () => {
    const f = fixtureF()
    f.sim.actions.sendMessage(GENERAL, ALICE, 'hi', { id: '777' })
    f.sim.gateway.requestMemberList(f.A.sessionId, G, { [GENERAL]: [[0, 99]] })
    const refused: [string, () => unknown][] = [
      ['sendMessage hidden', () => f.sim.actions.sendMessage(SECRET, BOB, 'peek')],
      ['sendMessage bad content', () => f.sim.actions.sendMessage(GENERAL, BOB, 5 as never)],
      ['sendMessage unknown author', () => f.sim.actions.sendMessage(GENERAL, '999', 'x')],
      [
        'sendMessage duplicate id',
        () => f.sim.actions.sendMessage(GENERAL, BOB, 'x', { id: '777' }),
      ],
      ['editMessage unknown', () => f.sim.actions.editMessage(GENERAL, '778', 'x')],
      ['editMessage bad content', () => f.sim.actions.editMessage(GENERAL, '777', 5 as never)],
      ['deleteMessage unknown', () => f.sim.actions.deleteMessage(GENERAL, '778')],
      ['startTyping hidden', () => f.sim.actions.startTyping(SECRET, BOB)],
      ['joinGuild member', () => f.sim.actions.joinGuild(G, BOB)],
      ['joinGuild unknown user', () => f.sim.actions.joinGuild(G, '999')],
      ['leaveGuild owner', () => f.sim.actions.leaveGuild(G, ALICE)],
      ['leaveGuild non-member', () => f.sim.actions.leaveGuild(G, DAVE)],
      [
        'createChannel unknown guild',
        () => f.sim.actions.createChannel({ guildId: '777', name: 'x' }),
      ],
      [
        'createChannel bad overwrite',
        () =>
          f.sim.actions.createChannel({ guildId: G, overwrites: [{ id: G, type: 7 as never }] }),
      ],
      ['updateChannel unknown', () => f.sim.actions.updateChannel('999', { name: 'x' })],
      [
        'updateChannel bad overwrite',
        () => f.sim.actions.updateChannel(GENERAL, { overwrites: [{ id: 'x', type: 0 }] }),
      ],
      ['deleteChannel unknown', () => f.sim.actions.deleteChannel('999')],
      ['createRole bad position', () => f.sim.actions.createRole(G, { name: 'x', position: 0 })],
      ['updateRole unknown', () => f.sim.actions.updateRole(G, '999', { name: 'x' })],
      ['updateRole @everyone name', () => f.sim.actions.updateRole(G, G, { name: 'x' })],
      ['deleteRole @everyone', () => f.sim.actions.deleteRole(G, G)],
      ['setMemberRoles unknown role', () => f.sim.actions.setMemberRoles(G, BOB, ['999'])],
      ['setMemberRoles non-member', () => f.sim.actions.setMemberRoles(G, DAVE, [])],
      ['setNick non-member', () => f.sim.actions.setNick(G, DAVE, 'x')],
      ['setNick bad nick', () => f.sim.actions.setNick(G, BOB, 5 as never)],
      ['addFriend self', () => f.sim.actions.addFriend(ALICE, ALICE)],
      ['addFriend unknown', () => f.sim.actions.addFriend(ALICE, '999')],
      ['removeFriend strangers', () => f.sim.actions.removeFriend(ALICE, BOB)],
      ['openDm self', () => f.sim.actions.openDm(ALICE, ALICE)],
      ['openDm unknown', () => f.sim.actions.openDm(ALICE, '999')],
      ['createGroupDm unknown recipient', () => f.sim.actions.createGroupDm(ALICE, [BOB, '999'])],
      ['createGroupDm not an array', () => f.sim.actions.createGroupDm(ALICE, BOB as never)],
      ['updateUser unknown', () => f.sim.actions.updateUser('999', { username: 'x' })],
      ['updateUser bad username', () => f.sim.actions.updateUser(BOB, { username: 5 as never })],
    ]
    for (const [name, call] of refused) {
      const before = f.sim.snapshot()
      const events: string[] = []
      const stop = f.sim.inspect((e) => {
        if (e.type !== 'action') events.push(e.type)
      })
      expect(call, name).toThrow(expect.objectContaining({ name: 'EngineError' }))
      stop()
      expect(events, name).toEqual([])
      expect(f.sim.snapshot(), name).toEqual(before)
    }
  })
})
