import { dispatcher, gateway, intents, labelled, step, VIEW_CHANNEL, world } from '../calls.ts'
import type { DocScenario } from '../types.ts'

const GUILD = '20971520'
const GENERAL = '100'
const STAFF = '101'
const STAFF_ROLE = '3001'
const [ALICE, BOB, CAROL, DAVE] = ['10', '11', '12', '13']

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
    ...step('Build the world', [
      world.createUser({ id: ALICE, username: 'alice' }),
      world.createUser({ id: BOB, username: 'bob' }),
      world.createUser({ id: CAROL, username: 'carol' }),
      world.createUser({ id: DAVE, username: 'dave' }),
      world.createGuild({ id: GUILD, name: 'Fanout HQ', ownerId: ALICE }),
      world.createRole(GUILD, { id: STAFF_ROLE, name: 'staff', position: 1 }),
      world.addMember(GUILD, BOB, { roles: [STAFF_ROLE] }),
      world.addMember(GUILD, CAROL),
      world.addMember(GUILD, DAVE),
      world.createChannel({ id: GENERAL, guildId: GUILD, name: 'general' }),
      world.createChannel({
        id: STAFF,
        guildId: GUILD,
        name: 'staff',
        overwrites: [
          { id: GUILD, type: 0, deny: VIEW_CHANNEL },
          { id: STAFF_ROLE, type: 0, allow: VIEW_CHANNEL },
        ],
      }),
    ]),
    ...step('IDENTIFY everyone', [
      gateway.identify({ userId: ALICE, presence: { status: 'offline' } }),
      gateway.identify({ userId: BOB, presence: { status: 'offline' } }),
      gateway.identify({
        userId: CAROL,
        intents: intents('GUILDS', 'GUILD_MESSAGES'),
        presence: { status: 'offline' },
      }),
      gateway.identify({
        userId: DAVE,
        intents: intents('GUILDS'),
        presence: { status: 'offline' },
      }),
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
