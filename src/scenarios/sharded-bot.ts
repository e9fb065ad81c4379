import { dispatcher, gateway, intents, labelled, step, world } from './calls.ts'
import type { EngineCall } from '../calls/index.ts'
import { messageCreate } from './castWorld.ts'
import type { Scenario } from './types.ts'

const ALICE = '10'
const BOT = '50'
const SHARDS = 4
/** Guild ids `k << 22` for k = 4…7, so guild k lands on shard k % 4: one guild per shard. */
const GUILDS = [4, 5, 6, 7].map((k) => String(k * 2 ** 22))
// 4 << 22 and 5 << 22 are the docs' Book club and Fanout HQ (src/scenarios/cast.ts).
const NAMES = ['Book club', 'Fanout HQ', 'Cirrus', 'Dune']

const buildWorld: EngineCall[] = [
  world.createUser({ id: ALICE, username: 'alice' }),
  world.createUser({ id: BOT, username: 'fanbot', bot: true }),
  ...GUILDS.flatMap((id, i) => [
    world.createGuild({ id, name: NAMES[i] ?? id, ownerId: ALICE }),
    world.addMember(id, BOT),
    world.createChannel({ id: String(2000 + i), guildId: id, name: 'general' }),
  ]),
]

export default {
  id: 'sharded-bot',
  title: 'Sharded bot',
  summary: 'A bot split over 4 shards: each guild lives on exactly one of them.',
  order: 3,
  seed: 3,
  calls: [
    ...step('Build the world: alice owns 4 guilds, fanbot is in all of them', buildWorld),
    gateway.identify({ userId: ALICE }),
    ...Array.from({ length: SHARDS }, (_, shard) =>
      labelled(
        `IDENTIFY fanbot shard ${shard}/${SHARDS}`,
        gateway.identify({
          userId: BOT,
          shard: [shard, SHARDS],
          intents: intents('GUILDS', 'GUILD_MEMBERS', 'GUILD_MESSAGES'),
        }),
      ),
    ),
  ],
  suggested: [
    labelled(
      'GUILD_UPDATE to guild Fanout HQ',
      dispatcher.dispatch('guild', GUILDS[1] ?? '', 'GUILD_UPDATE', {
        id: GUILDS[1] ?? '',
        name: 'Fanout HQ',
      }),
    ),
    labelled(
      'GUILD_MEMBER_UPDATE for fanbot in Fanout HQ (member backend)',
      dispatcher.dispatch('member', [GUILDS[1] ?? '', BOT], 'GUILD_MEMBER_UPDATE', {
        guild_id: GUILDS[1] ?? '',
        user: { id: BOT },
        roles: [],
        nick: 'fanbot',
      }),
    ),
    labelled(
      'MESSAGE_CREATE in Dune #general',
      messageCreate({ id: '5001', channel: '2003', guild: GUILDS[3] ?? '', content: 'hi bot' }),
    ),
  ],
  explanation: [
    'A session serves guild G when (G >> 22) % shardCount equals its shard id. fanbot identified four ' +
      'times, once per shard, and each session subscribed only to the guild its shard serves.',
    'A member dispatch for fanbot considers all of its sessions: the one serving Fanout HQ gets it, the ' +
      'three others are skipped with the reason shard.',
  ],
} satisfies Scenario
