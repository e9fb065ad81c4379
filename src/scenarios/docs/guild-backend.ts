import { dispatcher, gateway, intents, labelled, step } from '../calls.ts'
import { CAST } from '../cast.ts'
import { castWorld, logbotShards } from '../castWorld.ts'
import type { DocScenario } from '../types.ts'

const GUILD = CAST.guilds['Fanout HQ'] // 5 << 22: served by shard 1 of 2
const { alice: ALICE, bob: BOB, carol: CAROL } = CAST.users

export default {
  id: 'guild-backend',
  title: 'Three people and a sharded bot in one guild',
  summary:
    'bob identified with GUILDS only; logbot runs two shards, and the guild lives on shard 1.',
  order: 0,
  seed: 13,
  calls: [
    ...step(
      'Build the world',
      castWorld({
        users: ['alice', 'bob', 'carol', 'logbot'],
        guilds: { 'Fanout HQ': ['bob', 'carol', 'logbot'] },
      }),
    ),
    ...step('IDENTIFY everyone', [
      gateway.identify({ userId: ALICE }),
      gateway.identify({ userId: BOB, intents: intents('GUILDS') }),
      gateway.identify({ userId: CAROL }),
      ...logbotShards(),
    ]),
  ],
  suggested: [
    labelled(
      'GUILD_UPDATE through guild',
      dispatcher.dispatch('guild', GUILD, 'GUILD_UPDATE', { id: GUILD, name: 'Fanout HQ 2' }),
    ),
    labelled(
      'carol goes idle: PRESENCE_UPDATE through guild',
      dispatcher.dispatch('guild', GUILD, 'PRESENCE_UPDATE', {
        user: { id: CAROL },
        guild_id: GUILD,
        status: 'idle',
        activities: [],
      }),
    ),
    labelled(
      'GUILD_MEMBER_UPDATE about bob',
      dispatcher.dispatch('guild', GUILD, 'GUILD_MEMBER_UPDATE', {
        guild_id: GUILD,
        user: { id: BOB },
        roles: [],
        nick: 'bobby',
      }),
    ),
  ],
  explanation: [
    'logbot’s shard-0 session is drawn apart: it does not serve this guild, so IDENTIFY never ' +
      'subscribed it. bob lacks GUILD_PRESENCES and GUILD_MEMBERS, yet the update about his own ' +
      'member reaches him.',
  ],
  code: `const guild = '20971520' // 5 << 22, so shard 1 of 2

// [1] Everyone subscribed to guild:20971520 that serves shard 1 and has GUILDS
const r = dispatcher.dispatch('guild', guild, 'GUILD_UPDATE', { id: guild, name: 'Fanout HQ 2' })
console.log(r.delivered.length, 'delivered', r.skipped)

// [2] PRESENCE_UPDATE needs GUILD_PRESENCES: bob and logbot are skipped (intents)
dispatcher.dispatch('guild', guild, 'PRESENCE_UPDATE', {
  user: { id: '12' }, guild_id: guild, status: 'idle', activities: [],
})

// [3] GUILD_MEMBER_UPDATE needs GUILD_MEMBERS, except for the member's own sessions
dispatcher.dispatch('guild', guild, 'GUILD_MEMBER_UPDATE', {
  guild_id: guild, user: { id: '11' }, roles: [], nick: 'bobby',
})

// [4] Sessions of members that were never subscribed (logbot's shard 0)
console.log(dispatcher.explain(r))`,
} satisfies DocScenario
