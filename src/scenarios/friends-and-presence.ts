import { dispatcher, gateway, intents, labelled, session, step, world } from './calls.ts'
import type { Scenario } from './types.ts'

const GUILD = '20971520'
const [ALICE, BOB, CAROL, DAVE] = ['10', '11', '12', '13']

export default {
  id: 'friends-and-presence',
  title: 'Friends and presence',
  summary:
    'Presence travels to friends through the friend backend and to guild-mates through the guild.',
  order: 5,
  seed: 5,
  calls: [
    ...step('Build the world: alice is friends with bob and carol; dave shares a guild', [
      world.createUser({ id: ALICE, username: 'alice' }),
      world.createUser({ id: BOB, username: 'bob' }),
      world.createUser({ id: CAROL, username: 'carol' }),
      world.createUser({ id: DAVE, username: 'dave' }),
      world.createGuild({ id: GUILD, name: 'Book club', ownerId: ALICE }),
      world.addMember(GUILD, DAVE),
      world.addFriendship(ALICE, BOB),
      world.addFriendship(ALICE, CAROL),
    ]),
    labelled(
      'IDENTIFY bob (offline)',
      gateway.identify({ userId: BOB, presence: { status: 'offline' } }),
    ),
    labelled(
      'IDENTIFY carol (offline)',
      gateway.identify({ userId: CAROL, presence: { status: 'offline' } }),
    ),
    labelled(
      'IDENTIFY dave without GUILD_PRESENCES (offline)',
      gateway.identify({
        userId: DAVE,
        intents: intents('GUILDS', 'GUILD_MESSAGES'),
        presence: { status: 'offline' },
      }),
    ),
    labelled('IDENTIFY alice (online: her presence fans out)', gateway.identify({ userId: ALICE })),
  ],
  suggested: [
    labelled('alice goes idle (op 3)', gateway.updatePresence(session(3), { status: 'idle' })),
    labelled(
      'PRESENCE_UPDATE through friend alice',
      dispatcher.dispatch('friend', ALICE, 'PRESENCE_UPDATE', {
        user: { id: ALICE },
        status: 'dnd',
        activities: [],
      }),
    ),
    labelled('bob comes online (op 3)', gateway.updatePresence(session(0), { status: 'online' })),
  ],
  explanation: [
    'A friendship is a link between users: friend:alice lists bob and carol, so an event through it ' +
      'reaches every session of both, whatever their shard or intents.',
    'When alice comes online, her presence goes to her friends through friend and to her guild-mates ' +
      'through guild. dave shares the guild but asked for no GUILD_PRESENCES: skipped, reason intents.',
  ],
} satisfies Scenario
