import { dispatcher, gateway, intents, labelled, step, world } from './calls.ts'
import type { Scenario } from './types.ts'

const GUILD = '20971520'
const GENERAL = '1001'
const [ALICE, BOB, LOGBOT] = ['10', '11', '40']

export default {
  id: 'intents',
  title: 'Intents',
  summary:
    'Sessions choose which events they want; the others are skipped with the reason intents.',
  order: 2,
  seed: 2,
  calls: [
    ...step('Build the world: alice, bob, a logging bot, one guild', [
      world.createUser({ id: ALICE, username: 'alice' }),
      world.createUser({ id: BOB, username: 'bob' }),
      world.createUser({ id: LOGBOT, username: 'logbot', bot: true }),
      world.createGuild({ id: GUILD, name: 'Fanout HQ', ownerId: ALICE }),
      world.addMember(GUILD, BOB),
      world.addMember(GUILD, LOGBOT),
      world.createChannel({ id: GENERAL, guildId: GUILD, name: 'general' }),
    ]),
    labelled('IDENTIFY alice with every intent', gateway.identify({ userId: ALICE })),
    labelled(
      'IDENTIFY bob with GUILDS and GUILD_MESSAGES',
      gateway.identify({ userId: BOB, intents: intents('GUILDS', 'GUILD_MESSAGES') }),
    ),
    labelled(
      'IDENTIFY logbot with GUILD_MESSAGES only',
      gateway.identify({ userId: LOGBOT, intents: intents('GUILD_MESSAGES') }),
    ),
  ],
  suggested: [
    labelled(
      'GUILD_UPDATE to guild Fanout HQ',
      dispatcher.dispatch('guild', GUILD, 'GUILD_UPDATE', { id: GUILD, name: 'Fanout HQ' }),
    ),
    labelled(
      'PRESENCE_UPDATE to guild Fanout HQ',
      dispatcher.dispatch('guild', GUILD, 'PRESENCE_UPDATE', {
        user: { id: ALICE },
        guild_id: GUILD,
        status: 'idle',
        activities: [],
      }),
    ),
    labelled(
      'MESSAGE_CREATE in #general',
      dispatcher.dispatch('channel', GENERAL, 'MESSAGE_CREATE', {
        id: '5001',
        channel_id: GENERAL,
        guild_id: GUILD,
        author: { id: ALICE },
        content: 'ship it',
      }),
    ),
  ],
  explanation: [
    'All three sessions are subscribed to the guild: subscriptions do not depend on intents. Intents are ' +
      'checked when an event is dispatched: an event gated by an intent the session did not ask for is ' +
      'skipped, with the reason intents.',
    'Send GUILD_UPDATE: it needs GUILDS, which logbot left out, so logbot gets nothing. PRESENCE_UPDATE ' +
      'needs GUILD_PRESENCES: only alice has it. MESSAGE_CREATE needs GUILD_MESSAGES: everyone gets it, ' +
      'but without MESSAGE_CONTENT bob and logbot see an empty content (open a session to read its frames).',
  ],
} satisfies Scenario
