import { actions, gateway, intents, labelled, session, step } from '../calls.ts'
import { CAST } from '../cast.ts'
import { identifyOffline } from '../castWorld.ts'
import { DND_THROUGH_FRIEND, FRIENDS_WORLD } from '../friends-and-presence.ts'
import type { DocScenario } from '../types.ts'

const { alice: ALICE, bob: BOB, carol: CAROL, dave: DAVE } = CAST.users

export default {
  id: 'friend-backend',
  title: 'alice’s friends, and a guild-mate who is not one',
  summary:
    'alice is friends with bob (two sessions) and carol; dave only shares a guild with her, without GUILD_PRESENCES.',
  order: 0,
  seed: 61,
  calls: [
    ...step('Build the world', FRIENDS_WORLD),
    ...step('IDENTIFY everyone (alice last, online)', [
      identifyOffline({ userId: BOB }),
      identifyOffline({ userId: BOB, intents: intents('GUILDS') }),
      identifyOffline({ userId: CAROL }),
      identifyOffline({ userId: DAVE, intents: intents('GUILDS', 'GUILD_MESSAGES') }),
      gateway.identify({ userId: ALICE }),
    ]),
  ],
  suggested: [
    labelled('alice goes idle (op 3)', gateway.updatePresence(session(4), { status: 'idle' })),
    DND_THROUGH_FRIEND,
    labelled(
      'alice and carol stop being friends (removeFriend)',
      actions.removeFriend(ALICE, CAROL),
    ),
  ],
  explanation: [
    'friend:alice lists users, not sessions: bob and carol. A dispatch reaches every session of each, ' +
      'with no shard or intent check (bob’s GUILDS-only session too). alice’s own presence change also ' +
      'goes through guild, where dave is skipped for lacking GUILD_PRESENCES. After removeFriend, ' +
      'carol is no longer listed.',
  ],
  code: `// [1] op 3: presence goes to guild-mates through guild, and to friends through friend
gateway.updatePresence(states.userStates('10')[0].sessionId, { status: 'idle' })

// [2] The backend on its own: friend:alice → bob, carol → all their sessions
console.log(dispatcher.subscribers('friend', '10')) // ['11', '12']: user ids
const r = dispatcher.dispatch('friend', '10', 'PRESENCE_UPDATE', {
  user: { id: '10' }, status: 'dnd', activities: [],
})
console.log(r.delivered.length) // 3: bob's two sessions and carol's

// [3] Ending a friendship unlinks both ways
actions.removeFriend('10', '12')
console.log(dispatcher.subscribers('friend', '10')) // ['11']`,
} satisfies DocScenario
