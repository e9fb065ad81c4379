import { dispatcher, gateway, intents, labelled, session, step } from './calls.ts'
import { CAST } from './cast.ts'
import { castWorld, identifyOffline } from './castWorld.ts'
import type { Scenario } from './types.ts'

const { alice: ALICE, bob: BOB, carol: CAROL } = CAST.users

/**
 * alice is friends with bob and carol; dave only shares her guild. The docs' friend backend example
 * (`docs/friend-backend.ts`) runs on this world too.
 */
export const FRIENDS_WORLD = castWorld({
  users: ['alice', 'bob', 'carol', 'dave'],
  guilds: { 'Fanout HQ': ['dave'] },
  friends: [
    ['alice', 'bob'],
    ['alice', 'carol'],
  ],
})

/** alice's dnd straight through the friend backend: a Try-it both friend worlds offer. */
export const DND_THROUGH_FRIEND = labelled(
  'PRESENCE_UPDATE through friend alice',
  dispatcher.dispatch('friend', ALICE, 'PRESENCE_UPDATE', {
    user: { id: ALICE },
    status: 'dnd',
    activities: [],
  }),
)

export default {
  id: 'friends-and-presence',
  title: 'Friends and presence',
  summary:
    'Presence travels to friends through the friend backend and to guild-mates through the guild.',
  order: 5,
  seed: 5,
  calls: [
    ...step(
      'Build the world: alice is friends with bob and carol; dave shares a guild',
      FRIENDS_WORLD,
    ),
    labelled('IDENTIFY bob (offline)', identifyOffline({ userId: BOB })),
    labelled('IDENTIFY carol (offline)', identifyOffline({ userId: CAROL })),
    labelled(
      'IDENTIFY dave without GUILD_PRESENCES (offline)',
      identifyOffline({ userId: CAST.users.dave, intents: intents('GUILDS', 'GUILD_MESSAGES') }),
    ),
    labelled('IDENTIFY alice (online: her presence fans out)', gateway.identify({ userId: ALICE })),
  ],
  suggested: [
    labelled('alice goes idle (op 3)', gateway.updatePresence(session(3), { status: 'idle' })),
    DND_THROUGH_FRIEND,
    labelled('bob comes online (op 3)', gateway.updatePresence(session(0), { status: 'online' })),
  ],
  explanation: [
    'A friendship is a link between users: friend:alice lists bob and carol, so an event through it ' +
      'reaches every session of both, whatever their shard or intents.',
    'When alice comes online, her presence goes to her friends through friend and to her guild-mates ' +
      'through guild. dave shares the guild but asked for no GUILD_PRESENCES: skipped, reason intents.',
  ],
} satisfies Scenario
