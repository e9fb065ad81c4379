import { describe, expect, it } from 'vitest'
import { createCallEngine, groupCalls } from '../calls/index.ts'
import { recordStep } from '../store/connectEngine.ts'
import { CAST } from './cast.ts'
import { castWorld, identifyOffline, identifyShards, logbotShards } from './castWorld.ts'

const run = (calls: ReturnType<typeof castWorld>) => {
  const engine = createCallEngine(1)
  groupCalls(calls).forEach((step, i) => recordStep(engine, step, i))
  return engine.sim
}

describe('castWorld', () => {
  it('builds what the spec names from the cast: ids, bots, owners, roles, private channels, DMs', () => {
    const sim = run(
      castWorld({
        users: ['alice', 'bob', 'carol', 'logbot'],
        guilds: { 'Fanout HQ': ['bob', 'carol', 'logbot'], 'Book club': ['bob'] },
        roles: { staff: ['carol'] },
        channels: ['general', 'staff', 'books', 'alice–bob DM'],
        friends: [['alice', 'carol']],
      }).concat(identifyOffline({ userId: CAST.users.carol })),
    )
    const w = sim.world
    expect(w.users().map((u) => [u.id, u.username, u.bot])).toEqual([
      ['10', 'alice', false],
      ['11', 'bob', false],
      ['12', 'carol', false],
      ['40', 'logbot', true],
    ])
    expect(w.guild(CAST.guilds['Fanout HQ'])?.owner_id).toBe(CAST.users.alice)
    expect(w.member(CAST.guilds['Fanout HQ'], CAST.users.carol)?.roles).toEqual([CAST.roles.staff])
    expect(w.member(CAST.guilds['Fanout HQ'], CAST.users.bob)?.roles).toEqual([])
    expect(w.member(CAST.guilds['Book club'], CAST.users.carol)).toBeUndefined()
    // #staff: readable by the staff role (and the owner), not by bob.
    expect(w.canView(CAST.users.carol, CAST.channels.staff)).toBe(true)
    expect(w.canView(CAST.users.bob, CAST.channels.staff)).toBe(false)
    expect(w.canView(CAST.users.bob, CAST.channels.general)).toBe(true)
    expect(w.channel(CAST.channels['alice–bob DM'])?.recipients).toEqual(['10', '11'])
    // The friendship is data until IDENTIFY links it: carol's session lists her under friend:alice.
    expect(sim.dispatcher.subscribers('friend', CAST.users.alice)).toEqual([CAST.users.carol])
  })

  it('says each call in the order the engine needs: users, guilds, roles, members, channels, friends', () => {
    const calls = castWorld({
      users: ['alice', 'bob'],
      guilds: { 'Book club': ['bob'], 'Fanout HQ': [] },
      roles: { Moderators: [] },
      channels: ['general', 'alice–bob DM'],
      friends: [['bob', 'alice']],
      channelIds: { general: '1001' },
    })
    expect(calls.map((c) => `${c.method} ${JSON.stringify(c.args[0])}`)).toEqual([
      'createUser {"id":"10","username":"alice"}',
      'createUser {"id":"11","username":"bob"}',
      'createGuild {"id":"16777216","name":"Book club","ownerId":"10"}',
      'createGuild {"id":"20971520","name":"Fanout HQ","ownerId":"10"}',
      'createRole "20971520"',
      'addMember "16777216"',
      'createChannel {"id":"1001","guildId":"20971520","name":"general"}',
      'createChannel {"id":"300","type":1,"recipients":["10","11"]}',
      'addFriendship "11"',
    ])
    expect(calls[4]?.args[1]).toEqual({ id: '3002', name: 'Moderators', position: 1, hoist: true })
  })

  it('refuses a spec that names what its world lacks, naming it', () => {
    expect(() => castWorld({ users: ['bob'], guilds: { 'Fanout HQ': [] } })).toThrow(
      /Fanout HQ's owner alice is not a user/,
    )
    expect(() =>
      castWorld({
        users: ['alice', 'bob'],
        guilds: { 'Fanout HQ': [] },
        roles: { staff: ['bob'] },
      }),
    ).toThrow(/bob holds staff but is not a member of Fanout HQ/)
    expect(() => castWorld({ users: ['alice'], channels: ['general'] })).toThrow(
      /#general's guild Fanout HQ is not created/,
    )
    expect(() =>
      castWorld({ users: ['alice'], guilds: { 'Fanout HQ': [] }, channels: ['staff'] }),
    ).toThrow(/#staff needs the staff role/)
    expect(() => castWorld({ users: ['alice'], channels: ['alice–bob DM'] })).toThrow(
      /a recipient of alice–bob DM is not a user/,
    )
    expect(() => castWorld({ users: ['alice'], friends: [['alice', 'carol']] })).toThrow(
      /alice–carol/,
    )
  })

  it('identifies offline, and once per shard', () => {
    expect(identifyOffline({ userId: '11' }).args).toEqual([
      { userId: '11', presence: { status: 'offline' } },
    ])
    expect(identifyShards(3, { userId: '50' }).map((c) => c.args[0])).toEqual([
      { userId: '50', shard: [0, 3] },
      { userId: '50', shard: [1, 3] },
      { userId: '50', shard: [2, 3] },
    ])
    const sim = run([...castWorld({ users: ['logbot'] }), ...logbotShards()])
    expect(sim.states.userStates(CAST.users.logbot).map((s) => s.shard)).toEqual([
      [0, 2],
      [1, 2],
    ])
  })
})
