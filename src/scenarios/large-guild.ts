import { dispatcher, gateway, intents, labelled, step, world } from './calls.ts'
import type { EngineCall } from '../calls/index.ts'
import type { Scenario } from './types.ts'

const GUILD = '20971520'
const ANNOUNCEMENTS = '1001'
const OWNER = '10'
const BOT = '11'
const HUMANS = 997 // + the owner's 2 sessions + 4 bot shards… see below: 1,000 sessions in all
const humanId = (i: number) => String(1000 + i)
// No GUILD_PRESENCES: scale worlds stay quiet (docs/design/semantics.md §3).
const QUIET = intents('GUILDS', 'GUILD_MESSAGES')
const offline = { status: 'offline' as const }

const buildWorld: EngineCall[] = [
  world.createUser({ id: OWNER, username: 'ada' }),
  world.createUser({ id: BOT, username: 'fanbot', bot: true }),
  world.createGuild({ id: GUILD, name: 'Megaguild', ownerId: OWNER }),
  world.addMember(GUILD, BOT),
  world.createChannel({ id: ANNOUNCEMENTS, guildId: GUILD, name: 'announcements' }),
  ...Array.from({ length: HUMANS }, (_, i) => [
    world.createUser({ id: humanId(i), username: `user${String(i + 1).padStart(4, '0')}` }),
    world.addMember(GUILD, humanId(i)),
  ]).flat(),
]

const identifyAll: EngineCall[] = [
  gateway.identify({ userId: OWNER, intents: QUIET, presence: offline }),
  gateway.identify({ userId: OWNER, intents: QUIET, presence: offline }),
  ...[0, 1, 2, 3].map((shard) =>
    gateway.identify({ userId: BOT, shard: [shard, 4], intents: QUIET, presence: offline }),
  ),
  ...Array.from({ length: HUMANS - 3 }, (_, i) =>
    gateway.identify({ userId: humanId(i), intents: QUIET, presence: offline }),
  ),
]

export default {
  id: 'large-guild',
  title: 'Large guild (1,000 sessions)',
  summary:
    'A thousand sessions in one guild: the graph summarises them and still animates every dispatch.',
  order: 8,
  seed: 8,
  calls: [
    ...step(`Build the world: a guild of ${HUMANS + 2} members`, buildWorld),
    ...step('IDENTIFY 1,000 sessions (offline, without GUILD_PRESENCES)', identifyAll),
  ],
  suggested: [
    labelled(
      'GUILD_UPDATE to guild Megaguild',
      dispatcher.dispatch('guild', GUILD, 'GUILD_UPDATE', { id: GUILD, name: 'Megaguild' }),
    ),
    labelled(
      'MESSAGE_CREATE in #announcements',
      dispatcher.dispatch('channel', ANNOUNCEMENTS, 'MESSAGE_CREATE', {
        id: '5001',
        channel_id: ANNOUNCEMENTS,
        guild_id: GUILD,
        author: { id: OWNER },
        content: 'release day',
      }),
    ),
    labelled(
      'PRESENCE_UPDATE to guild Megaguild',
      dispatcher.dispatch('guild', GUILD, 'PRESENCE_UPDATE', {
        user: { id: OWNER },
        guild_id: GUILD,
        status: 'online',
        activities: [],
      }),
    ),
  ],
  explanation: [
    'Above 300 sessions the graph draws one node per user with several sessions, one per shard for bots, ' +
      'and folds the rest into a "+N more" node (click it to show more). Counts replace single edges.',
    'Every session identified offline and without GUILD_PRESENCES, as bots in large guilds do, so IDENTIFY ' +
      'does not announce a presence to everyone. A GUILD_UPDATE reaches 997 sessions: fanbot’s three ' +
      'other shards do not serve this guild, so they show up as not subscribed in the Delivery panel.',
  ],
} satisfies Scenario
