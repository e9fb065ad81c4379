import { dispatcher, intents, labelled, step, world } from '../calls.ts'
import { CAST } from '../cast.ts'
import { castWorld, identifyOffline } from '../castWorld.ts'
import type { DocScenario } from '../types.ts'

const GUILD = CAST.guilds['Fanout HQ']
const { general: GENERAL, staff: STAFF } = CAST.channels
const { alice: ALICE, bob: BOB, carol: CAROL, dave: DAVE } = CAST.users

const message = (channel: string, content: string) => ({
  id: channel === GENERAL ? '5001' : '5002',
  channel_id: channel,
  guild_id: GUILD,
  author: { id: ALICE },
  content,
  mentions: [],
})

export default {
  id: 'channel-backend',
  title: 'Who reads #general, and who may read #staff',
  summary:
    'bob was subscribed to #staff, then lost the staff role; carol has no MESSAGE_CONTENT; dave asked for GUILDS only.',
  order: 0,
  seed: 31,
  calls: [
    ...step(
      'Build the world',
      castWorld({
        users: ['alice', 'bob', 'carol', 'dave'],
        guilds: { 'Fanout HQ': ['bob', 'carol', 'dave'] },
        roles: { staff: ['bob'] },
        channels: ['general', 'staff'],
      }),
    ),
    ...step('IDENTIFY everyone', [
      identifyOffline({ userId: ALICE }),
      identifyOffline({ userId: BOB }),
      identifyOffline({ userId: CAROL, intents: intents('GUILDS', 'GUILD_MESSAGES') }),
      identifyOffline({ userId: DAVE, intents: intents('GUILDS') }),
    ]),
    labelled(
      'bob loses the staff role (the world only: his #staff subscription stays)',
      world.updateMember(GUILD, BOB, { roles: [] }),
    ),
  ],
  suggested: [
    labelled(
      'MESSAGE_CREATE in #general',
      dispatcher.dispatch('channel', GENERAL, 'MESSAGE_CREATE', message(GENERAL, 'hello all')),
    ),
    labelled(
      'MESSAGE_CREATE in #staff',
      dispatcher.dispatch('channel', STAFF, 'MESSAGE_CREATE', message(STAFF, 'staff only')),
    ),
    labelled(
      'TYPING_START in #general',
      dispatcher.dispatch('channel', GENERAL, 'TYPING_START', {
        channel_id: GENERAL,
        guild_id: GUILD,
        user_id: ALICE,
        timestamp: 1700000000,
      }),
    ),
  ],
  explanation: [
    'In #general, dave is skipped (intents: no GUILD_MESSAGES) and carol receives the message with ' +
      'empty content (no MESSAGE_CONTENT, and she neither wrote it nor is mentioned). In #staff, bob ' +
      'is still subscribed but the channel checks VIEW_CHANNEL at dispatch time: skipped, permission.',
  ],
  code: `// [1] A guild channel: shard, then the GUILD_* intent, then VIEW_CHANNEL now
const r = dispatcher.dispatch('channel', '100', 'MESSAGE_CREATE', {
  id: '5001', channel_id: '100', guild_id: '20971520',
  author: { id: '10' }, content: 'hello all', mentions: [],
})
console.log(r.skipped) // dave: 'intents'

// [2] carol has no MESSAGE_CONTENT: her copy is redacted, alice's is not
const carol = states.userStates('12')[0]
console.log(carol.frames.at(-1)?.d) // { id: '5001', …, content: '' }

// [3] bob is still subscribed to #staff but can no longer view it
const s = dispatcher.dispatch('channel', '101', 'MESSAGE_CREATE', {
  id: '5002', channel_id: '101', guild_id: '20971520',
  author: { id: '10' }, content: 'staff only', mentions: [],
})
console.log(s.skipped) // bob: 'permission'`,
} satisfies DocScenario
