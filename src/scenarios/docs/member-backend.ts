import { actions, labelled, step } from '../calls.ts'
import { CAST } from '../cast.ts'
import { castWorld, identifyOffline, logbotShards } from '../castWorld.ts'
import type { DocScenario } from '../types.ts'

const GUILD = CAST.guilds['Fanout HQ'] // 5 << 22: shard 1 of 2
const { alice: ALICE, logbot: LOGBOT } = CAST.users

export default {
  id: 'member-backend',
  title: 'A sharded bot joins and leaves a guild',
  summary: 'logbot runs shards 0 and 1 of 2; Fanout HQ lives on shard 1. Only that shard is told.',
  order: 0,
  seed: 41,
  calls: [
    ...step(
      'Build the world',
      castWorld({ users: ['alice', 'logbot'], guilds: { 'Fanout HQ': [] } }),
    ),
    ...step('IDENTIFY alice and both shards of logbot', [
      identifyOffline({ userId: ALICE }),
      ...logbotShards(),
    ]),
  ],
  suggested: [
    labelled('logbot joins Fanout HQ (joinGuild)', actions.joinGuild(GUILD, LOGBOT)),
    labelled('logbot leaves Fanout HQ (leaveGuild)', actions.leaveGuild(GUILD, LOGBOT)),
  ],
  explanation: [
    'Joining is two dispatches: GUILD_MEMBER_ADD through guild to the current subscribers (alice), ' +
      'then GUILD_CREATE through member to the joiner. member reaches logbot’s sessions that serve the ' +
      'guild’s shard; shard 0 is skipped, reason shard. Leaving mirrors it with GUILD_DELETE.',
  ],
  code: `// [1] The server's join flow: GUILD_MEMBER_ADD through guild, then GUILD_CREATE through member
const results = actions.joinGuild('20971520', '40')
for (const r of results) console.log(r.backend, r.type, r.delivered.length, r.skipped)
// member: logbot's shard-0 session is skipped with reason 'shard'

// [2] The backend itself: key [guildId, userId], no list, no intent check
const r = dispatcher.dispatch('member', ['20971520', '40'], 'GUILD_UPDATE', { id: '20971520' })
console.log(r.key, r.delivered.length, r.skipped) // '20971520:40' 1 [{ …, reason: 'shard' }]

// [3] The mirror image: GUILD_DELETE through member, then GUILD_MEMBER_REMOVE through guild
actions.leaveGuild('20971520', '40')`,
} satisfies DocScenario
