import { CAST } from '../cast.ts'
import { dispatcher, gateway, intents, labelled, step } from '../calls.ts'
import { castWorld, logbotShards, messageCreate } from '../castWorld.ts'
import type { DocScenario } from '../types.ts'

const { users: U, guilds: G, channels: C } = CAST
const HQ = G['Fanout HQ']

/**
 * The world the docs pages' code runs against when the page has no live example of its own: the
 * whole cast, both guilds, a DM and a friendship, and the sessions the pages talk about.
 */
export default {
  id: 'docs-world',
  title: 'The docs’ world',
  summary:
    'alice owns Fanout HQ and Book club; bob asked for GUILDS only; logbot runs two shards; alice and carol are friends.',
  order: 0,
  seed: 1,
  calls: [
    ...step(
      'Build the world',
      castWorld({
        users: ['alice', 'bob', 'carol', 'dave', 'erin', 'logbot'],
        guilds: { 'Fanout HQ': ['bob', 'carol', 'logbot'], 'Book club': ['bob'] },
        roles: { staff: ['carol'] },
        channels: ['general', 'staff', 'books', 'alice–bob DM'],
        friends: [['alice', 'carol']],
      }),
    ),
    ...step('IDENTIFY the cast', [
      gateway.identify({ userId: U.alice }),
      gateway.identify({ userId: U.bob, intents: intents('GUILDS') }),
      gateway.identify({ userId: U.carol }),
      ...logbotShards(),
    ]),
  ],
  suggested: [
    labelled(
      'alice says hello in #general',
      messageCreate({ id: '5001', channel: C.general, guild: HQ, content: 'hello' }),
    ),
    labelled(
      'GUILD_UPDATE through guild',
      dispatcher.dispatch('guild', HQ, 'GUILD_UPDATE', { id: HQ, name: 'Fanout HQ' }),
    ),
  ],
  explanation: [
    'Every docs page that has no live example of its own runs its code here. bob asked for GUILDS ' +
      'only, so a message in #general skips him (intents); only carol holds the staff role, so #staff ' +
      'is hers and alice’s (the owner reads everything); logbot runs shards 0 and 1 of 2, and ' +
      'Fanout HQ (5 << 22) is shard 1’s.',
  ],
  code: `// Who is who on the docs pages
for (const u of world.users()) console.log(u.id, u.username)
for (const g of world.guilds()) console.log(g.id, g.name)

// [1] bob asked for GUILDS only: a message in #general skips him
const r = dispatcher.dispatch('channel', '100', 'MESSAGE_CREATE', {
  id: '5001', channel_id: '100', guild_id: '20971520', author: { id: '10' }, content: 'hello',
})
console.log(r.delivered.length, r.skipped.map((s) => s.reason)) // 2 ['intents', 'intents']: bob, logbot`,
} satisfies DocScenario
