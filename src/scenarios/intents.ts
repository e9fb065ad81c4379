import { dispatcher, gateway, intents, labelled, step } from './calls.ts'
import { CAST } from './cast.ts'
import { castWorld, messageCreate } from './castWorld.ts'
import type { Scenario } from './types.ts'

const GUILD = CAST.guilds['Fanout HQ']
const GENERAL = '1001'
const { alice: ALICE, bob: BOB, logbot: LOGBOT } = CAST.users

export default {
  id: 'intents',
  title: 'Intents',
  summary:
    'Sessions choose which events they want; the others are skipped with the reason intents.',
  order: 2,
  seed: 2,
  calls: [
    ...step(
      'Build the world: alice, bob, a logging bot, one guild',
      castWorld({
        users: ['alice', 'bob', 'logbot'],
        guilds: { 'Fanout HQ': ['bob', 'logbot'] },
        channels: ['general'],
        channelIds: { general: GENERAL },
      }),
    ),
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
      messageCreate({ id: '5001', channel: GENERAL, guild: GUILD, content: 'ship it' }),
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
