import { dispatcher, labelled, only, session, step, VIEW_CHANNEL, world } from './calls.ts'
import { CAST } from './cast.ts'
import { castWorld, identifyOffline } from './castWorld.ts'
import type { Scenario } from './types.ts'

const GUILD = CAST.guilds['Fanout HQ']
const [GENERAL, NEWS] = ['1001', '1002']
const { alice: ALICE, bob: BOB } = CAST.users
const announcement = { guild_id: GUILD, author: { id: ALICE }, content: 'release day' }

export default {
  id: 'helpers',
  title: 'Helpers',
  summary:
    'dispatchMany delivers once per key, so twice to a session under two keys; dispatchManyFilterList once.',
  // After disconnect-and-resume (7), before the large guild (8).
  order: 7.5,
  seed: 8,
  calls: [
    ...step('Build the world: alice owns Fanout HQ; #news is hers alone', [
      ...castWorld({
        users: ['alice', 'bob'],
        guilds: { 'Fanout HQ': ['bob'] },
        channels: ['general'],
        channelIds: { general: GENERAL },
      }),
      world.createChannel({
        id: NEWS,
        guildId: GUILD,
        name: 'news',
        // @everyone may not view #news; alice owns the guild, so she still can.
        overwrites: [{ id: GUILD, type: 0, deny: VIEW_CHANNEL }],
      }),
    ]),
    ...step('IDENTIFY alice and bob (offline)', [
      identifyOffline({ userId: ALICE }),
      identifyOffline({ userId: BOB }),
    ]),
  ],
  suggested: [
    labelled(
      'dispatchMany to #general and #news (alice: twice)',
      dispatcher.dispatchMany('channel', [GENERAL, NEWS], 'MESSAGE_CREATE', announcement),
    ),
    labelled(
      'dispatchManyFilterList to #general and #news (alice: once)',
      dispatcher.dispatchManyFilterList(
        'channel',
        [GENERAL, NEWS],
        [],
        'MESSAGE_CREATE',
        announcement,
      ),
    ),
    labelled(
      'dispatchFilter GUILD_UPDATE to bob only',
      dispatcher.dispatchFilter('guild', GUILD, only(session(1)), 'GUILD_UPDATE', { id: GUILD }),
    ),
  ],
  explanation: [
    'alice’s session is subscribed to #general and #news, bob’s to #general only: a session is listed ' +
      'under every topic key it may hear.',
    'dispatchMany runs one dispatch per key and does not de-duplicate: alice gets the message twice, once ' +
      'through each channel. dispatchManyFilterList keeps a list of the sessions already reached and skips ' +
      'them (reason: filter) for the next keys, so everyone gets it once; litecord sends a member update ' +
      'over all of a user’s guilds this way. dispatchFilter lets a function pick who passes: the others ' +
      'are skipped with the reason filter.',
    'Each helper is in the Dispatch tab too (Call), with any backend and key.',
  ],
} satisfies Scenario
