import { actions, dispatcher, gateway, intents, labelled, step } from '../calls.ts'
import { CAST } from '../cast.ts'
import { castWorld, logbotShards } from '../castWorld.ts'
import type { DocScenario } from '../types.ts'

const { alice: ALICE, bob: BOB, logbot: LOGBOT } = CAST.users

export default {
  id: 'user-backend',
  title: 'Everything of one user, wherever it is connected',
  summary:
    'alice is on her desktop (every intent) and her phone (GUILDS only); logbot runs two shards.',
  order: 0,
  seed: 51,
  calls: [
    ...step('Build the world', castWorld({ users: ['alice', 'bob', 'logbot'] })),
    ...step('IDENTIFY alice twice, bob, and logbot on two shards', [
      gateway.identify({ userId: ALICE }),
      gateway.identify({ userId: ALICE, intents: intents('GUILDS') }),
      gateway.identify({ userId: BOB, presence: { status: 'idle' } }),
      ...logbotShards(intents('GUILDS')),
    ]),
  ],
  suggested: [
    labelled(
      'USER_UPDATE through user alice',
      dispatcher.dispatch('user', ALICE, 'USER_UPDATE', {
        id: ALICE,
        username: 'alice',
        avatar: 'a1',
      }),
    ),
    labelled(
      'USER_UPDATE through user logbot',
      dispatcher.dispatch('user', LOGBOT, 'USER_UPDATE', {
        id: LOGBOT,
        username: 'logbot',
        avatar: null,
      }),
    ),
    labelled('alice and bob become friends (addFriend)', actions.addFriend(ALICE, BOB)),
  ],
  explanation: [
    'user keeps no list and checks nothing: every open session of the user receives the event, ' +
      'whatever its intents (alice’s phone) and whatever its shard (both of logbot’s). addFriend uses ' +
      'it four times: RELATIONSHIP_ADD to each side, then each one’s presence to the other.',
  ],
  code: `// [1] Every session of alice: the phone has GUILDS only, and still receives it
const r = dispatcher.dispatch('user', '10', 'USER_UPDATE', { id: '10', username: 'alice', avatar: 'a1' })
console.log(r.delivered.length, r.skipped) // 2 []

// [2] Every shard of a bot, too (Discord would use shard 0 only; see the text)
dispatcher.dispatch('user', '40', 'USER_UPDATE', { id: '40', username: 'logbot', avatar: null })

// [3] A real flow: RELATIONSHIP_ADD to both users, then each one's presence to the other
for (const r of actions.addFriend('10', '11')) console.log(r.key, r.type, r.delivered.length)`,
} satisfies DocScenario
