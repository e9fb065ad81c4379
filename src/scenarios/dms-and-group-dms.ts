import { dispatcher, gateway, intents, labelled, step, world } from './calls.ts'
import type { Scenario } from './types.ts'

const [ALICE, BOB, CAROL] = ['10', '11', '12']
const DM = '1101'
const GROUP = '1102'
const message = (id: string, channel: string, content: string) => ({
  id,
  channel_id: channel,
  author: { id: ALICE },
  content,
})

export default {
  id: 'dms-and-group-dms',
  title: 'DMs and group DMs',
  summary:
    'Private channels: shard 0 only, DIRECT_MESSAGES for DMs, group-DM messages pass whatever the intents.',
  order: 4,
  seed: 4,
  calls: [
    ...step('Build the world: a DM alice ↔ bob and a group DM of three', [
      world.createUser({ id: ALICE, username: 'alice' }),
      world.createUser({ id: BOB, username: 'bob' }),
      world.createUser({ id: CAROL, username: 'carol', bot: true }),
      world.createChannel({ id: DM, type: 1, recipients: [ALICE, BOB] }),
      world.createChannel({
        id: GROUP,
        type: 3,
        name: 'weekend plans',
        recipients: [ALICE, BOB, CAROL],
      }),
    ]),
    gateway.identify({ userId: ALICE }),
    labelled(
      'IDENTIFY bob without DIRECT_MESSAGES',
      gateway.identify({ userId: BOB, intents: intents('GUILDS') }),
    ),
    labelled('IDENTIFY carol shard 0/2', gateway.identify({ userId: CAROL, shard: [0, 2] })),
    labelled('IDENTIFY carol shard 1/2', gateway.identify({ userId: CAROL, shard: [1, 2] })),
  ],
  suggested: [
    labelled(
      'MESSAGE_CREATE in the DM',
      dispatcher.dispatch('channel', DM, 'MESSAGE_CREATE', message('5001', DM, 'psst')),
    ),
    labelled(
      'MESSAGE_CREATE in the group DM',
      dispatcher.dispatch('channel', GROUP, 'MESSAGE_CREATE', message('5002', GROUP, 'saturday?')),
    ),
    labelled(
      'TYPING_START in the DM',
      dispatcher.dispatch('channel', DM, 'TYPING_START', {
        channel_id: DM,
        user_id: ALICE,
        timestamp: 0,
      }),
    ),
  ],
  explanation: [
    'Events without a guild go to shard 0 only: carol (a bot with two shards) subscribed her shard-0 ' +
      'session to the group DM; her shard-1 session shows as not subscribed.',
    'In a 1:1 DM, MESSAGE_CREATE needs DIRECT_MESSAGES: bob left it out and is skipped with the reason ' +
      'intents. In a group DM, MESSAGE_* events pass whatever the intents, so bob gets that one; its ' +
      'other events (typing, reactions) still need their DIRECT_* intent.',
  ],
} satisfies Scenario
