import { CAST } from '../cast.ts'
import { dispatcher, gateway, intents, labelled, step, VIEW_CHANNEL, world } from '../calls.ts'
import type { DocScenario } from '../types.ts'

const { users: U, guilds: G, roles: R, channels: C } = CAST
const HQ = G['Fanout HQ']
const CLUB = G['Book club']

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
    ...step('Build the world', [
      world.createUser({ id: U.alice, username: 'alice' }),
      world.createUser({ id: U.bob, username: 'bob' }),
      world.createUser({ id: U.carol, username: 'carol' }),
      world.createUser({ id: U.dave, username: 'dave' }),
      world.createUser({ id: U.erin, username: 'erin' }),
      world.createUser({ id: U.logbot, username: 'logbot', bot: true }),
      world.createGuild({ id: HQ, name: 'Fanout HQ', ownerId: U.alice }),
      world.createGuild({ id: CLUB, name: 'Book club', ownerId: U.alice }),
      world.createRole(HQ, { id: R.staff, name: 'staff', position: 1 }),
      world.addMember(HQ, U.bob),
      world.addMember(HQ, U.carol, { roles: [R.staff] }),
      world.addMember(HQ, U.logbot),
      world.addMember(CLUB, U.bob),
      world.createChannel({ id: C.general, guildId: HQ, name: 'general' }),
      world.createChannel({
        id: C.staff,
        guildId: HQ,
        name: 'staff',
        overwrites: [
          { id: HQ, type: 0, deny: VIEW_CHANNEL },
          { id: R.staff, type: 0, allow: VIEW_CHANNEL },
        ],
      }),
      world.createChannel({ id: C.books, guildId: CLUB, name: 'books' }),
      world.createChannel({ id: C['alice–bob DM'], type: 1, recipients: [U.alice, U.bob] }),
      world.addFriendship(U.alice, U.carol),
    ]),
    ...step('IDENTIFY the cast', [
      gateway.identify({ userId: U.alice }),
      gateway.identify({ userId: U.bob, intents: intents('GUILDS') }),
      gateway.identify({ userId: U.carol }),
      gateway.identify({
        userId: U.logbot,
        intents: intents('GUILDS', 'GUILD_MEMBERS'),
        shard: [0, 2],
        presence: { status: 'offline' },
      }),
      gateway.identify({
        userId: U.logbot,
        intents: intents('GUILDS', 'GUILD_MEMBERS'),
        shard: [1, 2],
        presence: { status: 'offline' },
      }),
    ]),
  ],
  suggested: [
    labelled(
      'alice says hello in #general',
      dispatcher.dispatch('channel', C.general, 'MESSAGE_CREATE', {
        id: '5001',
        channel_id: C.general,
        guild_id: HQ,
        author: { id: U.alice },
        content: 'hello',
      }),
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
