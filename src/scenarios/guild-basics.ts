import { dispatcher, gateway, labelled, step, VIEW_CHANNEL, world } from './calls.ts'
import type { Scenario } from './types.ts'

const GUILD = '20971520'
const GENERAL = '1001'
const STAFF = '1002'
const STAFF_ROLE = '3001'
const [ALICE, BOB, CAROL] = ['10', '11', '12']

export default {
  id: 'guild-basics',
  title: 'Guild basics',
  summary: 'One guild, its channels and who is subscribed to what.',
  order: 1,
  seed: 1,
  calls: [
    ...step('Build the world: 3 users, a guild, #general and a private #staff', [
      world.createUser({ id: ALICE, username: 'alice' }),
      world.createUser({ id: BOB, username: 'bob' }),
      world.createUser({ id: CAROL, username: 'carol' }),
      world.createGuild({ id: GUILD, name: 'Fanout HQ', ownerId: ALICE }),
      world.createRole(GUILD, { id: STAFF_ROLE, name: 'staff', position: 1 }),
      world.addMember(GUILD, BOB, { roles: [STAFF_ROLE] }),
      world.addMember(GUILD, CAROL),
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
    gateway.identify({ userId: ALICE }),
    gateway.identify({ userId: BOB }),
    labelled('IDENTIFY carol (desktop)', gateway.identify({ userId: CAROL })),
    labelled('IDENTIFY carol again (phone)', gateway.identify({ userId: CAROL })),
    labelled(
      'bob loses the staff role (world only: his #staff subscription stays)',
      world.updateMember(GUILD, BOB, { roles: [] }),
    ),
  ],
  suggested: [
    labelled(
      'GUILD_UPDATE to guild Fanout HQ',
      dispatcher.dispatch('guild', GUILD, 'GUILD_UPDATE', {
        id: GUILD,
        name: 'Fanout HQ (renamed)',
      }),
    ),
    labelled(
      'MESSAGE_CREATE in #general',
      dispatcher.dispatch('channel', GENERAL, 'MESSAGE_CREATE', {
        id: '5001',
        channel_id: GENERAL,
        guild_id: GUILD,
        author: { id: ALICE },
        content: 'hello everyone',
      }),
    ),
    labelled(
      'MESSAGE_CREATE in #staff',
      dispatcher.dispatch('channel', STAFF, 'MESSAGE_CREATE', {
        id: '5002',
        channel_id: STAFF,
        guild_id: GUILD,
        author: { id: ALICE },
        content: 'staff only',
      }),
    ),
  ],
  explanation: [
    'Each IDENTIFY subscribes the new session to its guild and to every text channel its user can read: ' +
      'the edges on the graph. carol has two sessions (two devices), so she gets every event twice.',
    'Send GUILD_UPDATE: every subscriber of guild:20971520 receives it. Send a message in #staff: only ' +
      'alice and bob were subscribed (carol cannot read it), and bob has since lost the staff role, so the ' +
      'engine checks VIEW_CHANNEL at dispatch time and skips him with the reason permission.',
  ],
} satisfies Scenario
