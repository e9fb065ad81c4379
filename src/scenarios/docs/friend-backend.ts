import { dispatcher, gateway, intents, labelled, session, step, world } from '../calls.ts'
import type { EngineCall } from '../../calls/index.ts'
import type { DocScenario } from '../types.ts'

const GUILD = '20971520'
const [ALICE, BOB, CAROL, DAVE] = ['10', '11', '12', '13']
const removeFriend: EngineCall = { target: 'actions', method: 'removeFriend', args: [ALICE, CAROL] }

export default {
  id: 'friend-backend',
  title: 'alice’s friends, and a guild-mate who is not one',
  summary:
    'alice is friends with bob (two sessions) and carol; dave only shares a guild with her, without GUILD_PRESENCES.',
  order: 0,
  seed: 61,
  calls: [
    ...step('Build the world', [
      world.createUser({ id: ALICE, username: 'alice' }),
      world.createUser({ id: BOB, username: 'bob' }),
      world.createUser({ id: CAROL, username: 'carol' }),
      world.createUser({ id: DAVE, username: 'dave' }),
      world.createGuild({ id: GUILD, name: 'Fanout HQ', ownerId: ALICE }),
      world.addMember(GUILD, DAVE),
      world.addFriendship(ALICE, BOB),
      world.addFriendship(ALICE, CAROL),
    ]),
    ...step('IDENTIFY everyone (alice last, online)', [
      gateway.identify({ userId: BOB, presence: { status: 'offline' } }),
      gateway.identify({
        userId: BOB,
        intents: intents('GUILDS'),
        presence: { status: 'offline' },
      }),
      gateway.identify({ userId: CAROL, presence: { status: 'offline' } }),
      gateway.identify({
        userId: DAVE,
        intents: intents('GUILDS', 'GUILD_MESSAGES'),
        presence: { status: 'offline' },
      }),
      gateway.identify({ userId: ALICE }),
    ]),
  ],
  suggested: [
    labelled('alice goes idle (op 3)', gateway.updatePresence(session(4), { status: 'idle' })),
    labelled(
      'PRESENCE_UPDATE through friend alice',
      dispatcher.dispatch('friend', ALICE, 'PRESENCE_UPDATE', {
        user: { id: ALICE },
        status: 'dnd',
        activities: [],
      }),
    ),
    labelled('alice and carol stop being friends (removeFriend)', removeFriend),
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
