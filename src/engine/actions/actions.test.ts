import { describe, expect, it } from 'vitest'
import { Intents } from '../gateway/intents.ts'
import { createSimulation } from '../simulation.ts'
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

/** `[backend:key, type]` of each result, to read an action's sequence at a glance. */
const steps = (results: DispatchResult[]) =>
  results.map((r) => `${r.type} via ${r.backend}:${r.key}`)
const ofType = (results: DispatchResult[], type: string) => results.filter((r) => r.type === type)
const received = (state: GatewayState, since: number) => state.frames.slice(since).map((f) => f.t)

describe('actions: messages', () => {
  it('sendMessage stores the message and sends MESSAGE_CREATE through the channel', () => {
    const f = fixtureF()
    const results = f.sim.actions.sendMessage(GENERAL, BOB, 'hi')
    expect(steps(results)).toEqual([`MESSAGE_CREATE via channel:${GENERAL}`])
    const d = lastFrame(f.A).d as { content: string; author: { id: string }; guild_id: string }
    expect(d).toMatchObject({
      content: 'hi',
      author: { id: BOB },
      guild_id: G,
      channel_id: GENERAL,
    })
    expect(results[0]?.skipped).toEqual([{ sessionId: f.B1.sessionId, reason: 'intents' }])
  })

  it('editMessage and deleteMessage refuse unknown ids with UNKNOWN_MESSAGE', () => {
    const f = fixtureF()
    expect(() => f.sim.actions.editMessage(GENERAL, '12345', 'x')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_MESSAGE' }),
    )
    expect(() => f.sim.actions.deleteMessage(GENERAL, '12345')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_MESSAGE' }),
    )
  })

  it('editMessage and deleteMessage send MESSAGE_UPDATE and MESSAGE_DELETE', () => {
    const f = fixtureF()
    f.sim.actions.sendMessage(GENERAL, BOB, 'hi', { id: '777' })
    expect(steps(f.sim.actions.editMessage(GENERAL, '777', 'hello'))).toEqual([
      `MESSAGE_UPDATE via channel:${GENERAL}`,
    ])
    expect(lastFrame(f.C).d).toMatchObject({ id: '777', content: 'hello' })
    expect(steps(f.sim.actions.deleteMessage(GENERAL, '777'))).toEqual([
      `MESSAGE_DELETE via channel:${GENERAL}`,
    ])
    expect(lastFrame(f.C).d).toEqual({ id: '777', channel_id: GENERAL, guild_id: G })
  })

  it('refuses a message to a channel the author cannot see, changing nothing', () => {
    const f = fixtureF()
    const before = f.A.seq
    expect(() => f.sim.actions.sendMessage(SECRET, BOB, 'peek')).toThrow(
      expect.objectContaining({ code: 'MISSING_ACCESS' }),
    )
    expect(f.A.seq).toBe(before)
  })

  it('startTyping sends TYPING_START gated by the typing intents', () => {
    const f = fixtureF()
    const [result] = f.sim.actions.startTyping(GENERAL, ALICE)
    expect(result?.type).toBe('TYPING_START')
    expect(result?.skipped).toEqual([{ sessionId: f.B1.sessionId, reason: 'intents' }])
    expect(lastFrame(f.C).d).toMatchObject({ channel_id: GENERAL, guild_id: G, user_id: ALICE })
  })

  it('redacts content for a bot without MESSAGE_CONTENT that is not mentioned', () => {
    const f = fixtureF()
    const bot = f.sim.gateway.identify({
      userId: CAROL,
      intents: Intents.ALL & ~Intents.MESSAGE_CONTENT,
    })
    f.sim.actions.sendMessage(GENERAL, ALICE, 'secret plans')
    expect((lastFrame(bot).d as { content: string }).content).toBe('')
    f.sim.actions.sendMessage(GENERAL, ALICE, 'hey carol', { mentions: [CAROL] })
    expect((lastFrame(bot).d as { content: string }).content).toBe('hey carol')
  })
})

describe('actions: DMs', () => {
  it('openDm tells only the opener; the peer gets CHANNEL_CREATE then MESSAGE_CREATE with the first message', () => {
    const sim = createSimulation()
    addUsers(sim, ALICE, DAVE)
    const a = sim.gateway.identify({ userId: ALICE })
    const d = sim.gateway.identify({ userId: DAVE })
    const opened = sim.actions.openDm(ALICE, DAVE)
    expect(steps(opened)).toEqual([`CHANNEL_CREATE via user:${ALICE}`])
    const dmId = (lastFrame(a).d as { id: string }).id
    const mark = d.frames.length
    const first = sim.actions.sendMessage(dmId, ALICE, 'hello')
    expect(steps(first)).toEqual([
      `CHANNEL_CREATE via user:${DAVE}`,
      `MESSAGE_CREATE via channel:${dmId}`,
    ])
    expect(received(d, mark)).toEqual(['CHANNEL_CREATE', 'MESSAGE_CREATE'])
    const second = sim.actions.sendMessage(dmId, DAVE, 'hi back')
    expect(steps(second)).toEqual([`MESSAGE_CREATE via channel:${dmId}`])
    expect(second[0]?.delivered).toEqual([a.sessionId, d.sessionId])
  })

  it('openDm reuses an existing DM', () => {
    const sim = createSimulation()
    addUsers(sim, ALICE, DAVE)
    const a = sim.gateway.identify({ userId: ALICE })
    sim.actions.openDm(ALICE, DAVE)
    const first = (lastFrame(a).d as { id: string }).id
    sim.actions.openDm(ALICE, DAVE)
    expect((lastFrame(a).d as { id: string }).id).toBe(first)
  })

  it('createGroupDm sends CHANNEL_CREATE to every recipient, each seeing the others', () => {
    const sim = createSimulation()
    addUsers(sim, ALICE, BOB, CAROL)
    const b = sim.gateway.identify({ userId: BOB })
    const results = sim.actions.createGroupDm(ALICE, [BOB, CAROL])
    expect(steps(results).map((s) => s.split(' via ')[1])).toEqual([
      `user:${ALICE}`,
      `user:${BOB}`,
      `user:${CAROL}`,
    ])
    const d = lastFrame(b).d as { type: number; recipients: { id: string }[] }
    expect(d.type).toBe(3)
    expect(d.recipients.map((r) => r.id)).toEqual([ALICE, CAROL])
    expect(sim.dispatcher.subscribers('channel', (d as unknown as { id: string }).id)).toEqual([
      b.sessionId,
    ])
  })
})

describe('actions: friends', () => {
  it('addFriend: RELATIONSHIP_ADD to both, links both ways, then each presence to the other', () => {
    const sim = createSimulation()
    addUsers(sim, ALICE, BOB)
    sim.gateway.identify({ userId: ALICE })
    const b = sim.gateway.identify({ userId: BOB, presence: { status: 'dnd' } })
    const results = sim.actions.addFriend(ALICE, BOB)
    expect(steps(results)).toEqual([
      `RELATIONSHIP_ADD via user:${ALICE}`,
      `RELATIONSHIP_ADD via user:${BOB}`,
      `PRESENCE_UPDATE via user:${ALICE}`,
      `PRESENCE_UPDATE via user:${BOB}`,
    ])
    expect(sim.dispatcher.subscribers('friend', ALICE)).toEqual([BOB])
    expect(sim.dispatcher.subscribers('friend', BOB)).toEqual([ALICE])
    expect(lastFrame(b).d).toMatchObject({ user: { id: ALICE }, status: 'online' })
    expect(() => sim.actions.addFriend(BOB, ALICE)).toThrow(
      expect.objectContaining({ code: 'ALREADY_FRIENDS' }),
    )
    expect(() => sim.actions.addFriend(BOB, BOB)).toThrow(
      expect.objectContaining({ code: 'SELF_FRIENDSHIP' }),
    )
  })

  it('removeFriend: RELATIONSHIP_REMOVE to both and the links go', () => {
    const sim = createSimulation()
    addUsers(sim, ALICE, BOB)
    sim.actions.addFriend(ALICE, BOB)
    expect(steps(sim.actions.removeFriend(BOB, ALICE))).toEqual([
      `RELATIONSHIP_REMOVE via user:${BOB}`,
      `RELATIONSHIP_REMOVE via user:${ALICE}`,
    ])
    expect(sim.dispatcher.subscribers('friend', ALICE)).toEqual([])
    expect(() => sim.actions.removeFriend(BOB, ALICE)).toThrow(
      expect.objectContaining({ code: 'NOT_FRIENDS' }),
    )
  })
})

describe('actions: joining and leaving', () => {
  it('joinGuild: GUILD_MEMBER_ADD to current subscribers, subscribe, then GUILD_CREATE through member', () => {
    const f = fixtureF()
    const mark = f.D.frames.length
    const results = f.sim.actions.joinGuild(G, DAVE)
    const add = ofType(results, 'GUILD_MEMBER_ADD')[0]!
    expect(add.delivered).not.toContain(f.D.sessionId) // the joiner learns from GUILD_CREATE
    expect(add.delivered).toEqual([f.A.sessionId, f.B2.sessionId, f.C.sessionId])
    const create = ofType(results, 'GUILD_CREATE')[0]!
    expect(create.backend).toBe('member')
    expect(create.delivered).toEqual([f.D.sessionId])
    expect(steps(results).indexOf(`GUILD_MEMBER_ADD via guild:${G}`)).toBe(0)
    expect(received(f.D, mark)).toContain('GUILD_CREATE')
    expect(f.sim.dispatcher.subscribers('guild', G)).toContain(f.D.sessionId)
    expect(f.sim.dispatcher.subscribers('channel', GENERAL)).toContain(f.D.sessionId)
    expect(f.sim.dispatcher.subscribers('channel', SECRET)).not.toContain(f.D.sessionId)
  })

  it('joinGuild gives GUILD_CREATE only to sessions with GUILDS, the others skipped by filter', () => {
    const f = fixtureF()
    const quiet = f.sim.gateway.identify({ userId: DAVE, intents: Intents.GUILD_MESSAGES })
    const create = ofType(f.sim.actions.joinGuild(G, DAVE), 'GUILD_CREATE')[0]!
    expect(create.skipped).toEqual([{ sessionId: quiet.sessionId, reason: 'filter' }])
  })

  it('leaveGuild: GUILD_DELETE through member, unsubscribe, then GUILD_MEMBER_REMOVE through guild', () => {
    const f = fixtureF()
    const results = f.sim.actions.leaveGuild(G, BOB)
    expect(steps(results).slice(0, 2)).toEqual([
      `GUILD_DELETE via member:${G}:${BOB}`,
      `GUILD_MEMBER_REMOVE via guild:${G}`,
    ])
    expect(results[0]?.delivered).toEqual([f.B1.sessionId, f.B2.sessionId])
    expect(lastFrame(f.B2).d).toEqual({ id: G })
    expect(results[1]?.delivered).toEqual([f.A.sessionId, f.C.sessionId])
    expect(f.sim.dispatcher.subscribers('guild', G)).toEqual([f.A.sessionId, f.C.sessionId])
    expect(f.sim.world.member(G, BOB)).toBeUndefined()
  })

  it('refuses leaving for the owner and for non-members, changing nothing', () => {
    const f = fixtureF()
    const before = f.A.seq
    expect(() => f.sim.actions.leaveGuild(G, ALICE)).toThrow(
      expect.objectContaining({ code: 'OWNER_CANNOT_LEAVE' }),
    )
    expect(() => f.sim.actions.leaveGuild(G, DAVE)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_MEMBER' }),
    )
    expect(() => f.sim.actions.joinGuild(G, BOB)).toThrow(
      expect.objectContaining({ code: 'ALREADY_MEMBER' }),
    )
    expect(f.A.seq).toBe(before)
  })
})

describe('actions: channels and roles keep subscriptions in step with permissions', () => {
  it('createChannel: CHANNEL_CREATE to viewers only, then readers subscribe', () => {
    const f = fixtureF()
    const results = f.sim.actions.createChannel({
      guildId: G,
      name: 'mods',
      overwrites: [
        { id: G, type: 0, deny: Permissions.VIEW_CHANNEL },
        { id: CAROL, type: 1, allow: Permissions.VIEW_CHANNEL },
      ],
    })
    const [create] = results
    expect(create?.type).toBe('CHANNEL_CREATE')
    expect(create?.delivered).toEqual([f.A.sessionId, f.C.sessionId]) // owner sees all; carol allowed
    expect(create?.skipped.map((s) => [s.sessionId, s.reason])).toEqual([
      [f.B1.sessionId, 'filter'],
      [f.B2.sessionId, 'filter'],
    ])
    const channelId = (lastFrame(f.C).d as { id: string }).id
    expect(f.sim.dispatcher.subscribers('channel', channelId)).toEqual([
      f.A.sessionId,
      f.C.sessionId,
    ])
  })

  it('updateChannel: overwrites that hide a channel unsubscribe its former readers', () => {
    const f = fixtureF()
    const results = f.sim.actions.updateChannel(GENERAL, {
      overwrites: [{ id: G, type: 0, deny: Permissions.VIEW_CHANNEL }],
    })
    expect(results[0]?.type).toBe('CHANNEL_UPDATE')
    expect(results[0]?.delivered).toEqual([f.A.sessionId])
    expect(f.sim.dispatcher.subscribers('channel', GENERAL)).toEqual([f.A.sessionId])
    f.sim.actions.updateChannel(GENERAL, { overwrites: [] })
    expect(f.sim.dispatcher.subscribers('channel', GENERAL)).toHaveLength(4)
  })

  it('deleteChannel: CHANNEL_DELETE to those who could view it, then nobody is subscribed', () => {
    const f = fixtureF()
    const [del] = f.sim.actions.deleteChannel(SECRET)
    expect(del?.type).toBe('CHANNEL_DELETE')
    expect(del?.delivered).toEqual([f.A.sessionId])
    expect(f.sim.dispatcher.subscribers('channel', SECRET)).toEqual([])
    expect(f.sim.world.channel(SECRET)).toBeUndefined()
  })

  it('roles: GUILD_ROLE_* through guild; granting a role that can view subscribes its members', () => {
    const f = fixtureF()
    const [created] = f.sim.actions.createRole(G, { id: '500', name: 'Spies' })
    expect(created?.type).toBe('GUILD_ROLE_CREATE')
    f.sim.actions.updateChannel(SECRET, {
      overwrites: [
        { id: G, type: 0, deny: Permissions.VIEW_CHANNEL },
        { id: '500', type: 0, allow: Permissions.VIEW_CHANNEL },
      ],
    })
    const results = f.sim.actions.setMemberRoles(G, CAROL, ['500'])
    expect(results[0]?.type).toBe('GUILD_MEMBER_UPDATE')
    expect(f.sim.dispatcher.subscribers('channel', SECRET)).toContain(f.C.sessionId)
    expect(f.sim.actions.deleteRole(G, '500')[0]?.type).toBe('GUILD_ROLE_DELETE')
    expect(f.sim.dispatcher.subscribers('channel', SECRET)).not.toContain(f.C.sessionId)
  })

  it('setNick sends GUILD_MEMBER_UPDATE to GUILD_MEMBERS holders and the member', () => {
    const f = fixtureF()
    const [update] = f.sim.actions.setNick(G, BOB, 'bobby')
    expect(update?.delivered).toEqual([
      f.A.sessionId,
      f.B1.sessionId,
      f.B2.sessionId,
      f.C.sessionId,
    ])
    expect(lastFrame(f.A).d).toMatchObject({ guild_id: G, nick: 'bobby', user: { id: BOB } })
  })
})

describe('actions: updateUser', () => {
  it('reaches each session at most once: USER_UPDATE to own, then GUILD_MEMBER_UPDATE, then friends', () => {
    const f = fixtureF()
    f.sim.actions.addFriend(BOB, DAVE)
    f.sim.actions.addFriend(BOB, CAROL)
    const results = f.sim.actions.updateUser(BOB, { username: 'robert' })
    expect(steps(results).slice(0, 3)).toEqual([
      `USER_UPDATE via user:${BOB}`,
      `GUILD_MEMBER_UPDATE via guild:${G}`,
      `PRESENCE_UPDATE via friend:${BOB}`,
    ])
    const [user, member, friend] = results as [DispatchResult, DispatchResult, DispatchResult]
    expect(user.delivered).toEqual([f.B1.sessionId, f.B2.sessionId])
    expect(member.delivered).toEqual([f.A.sessionId, f.C.sessionId])
    expect(friend.delivered).toEqual([f.D.sessionId]) // carol already reached through the guild
    const all = [user, member, friend].flatMap((r) => r.delivered)
    expect(new Set(all).size).toBe(all.length)
    expect(lastFrame(f.D).d).toMatchObject({ user: { id: BOB, username: 'robert' } })
  })

  it('reaches the user own friends, not friends of friends (litecord-notes example 12)', () => {
    const sim = createSimulation()
    sim.world.createUser({ id: '1', username: 'alice' })
    sim.world.createUser({ id: '2', username: 'erin' })
    sim.world.createUser({ id: '3', username: 'fay' })
    sim.actions.addFriend('1', '2')
    sim.actions.addFriend('2', '3')
    const erin = sim.gateway.identify({ userId: '2' })
    const fay = sim.gateway.identify({ userId: '3' })
    const [, friend] = sim.actions.updateUser('1', { username: 'alicia' })
    expect(friend?.delivered).toEqual([erin.sessionId])
    expect(friend?.delivered).not.toContain(fay.sessionId)
  })
})

describe('actions on the inspection stream', () => {
  it('are bracketed by action start/end, their dispatches carrying the action as cause', () => {
    const f = fixtureF()
    const seen: string[] = []
    f.sim.inspect((e) => {
      if (e.type === 'action') seen.push(`${e.phase}:${e.name}`)
      if (e.type === 'dispatch') seen.push(`dispatch:${e.eventType}:${e.cause}`)
    })
    f.sim.actions.sendMessage(GENERAL, BOB, 'hi')
    expect(seen).toEqual([
      'start:sendMessage',
      'dispatch:MESSAGE_CREATE:sendMessage',
      'end:sendMessage',
    ])
  })
})
