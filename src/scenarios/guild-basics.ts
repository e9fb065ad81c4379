import { dispatcher, gateway, labelled, step, world } from './calls.ts'
import { CAST } from './cast.ts'
import { castWorld, messageCreate } from './castWorld.ts'
import type { Scenario } from './types.ts'

const GUILD = CAST.guilds['Fanout HQ']
const [GENERAL, STAFF] = ['1001', '1002']
const { alice: ALICE, bob: BOB, carol: CAROL } = CAST.users

export default {
  id: 'guild-basics',
  title: 'Guild basics',
  summary: 'One guild, its channels and who is subscribed to what.',
  order: 1,
  seed: 1,
  calls: [
    ...step(
      'Build the world: 3 users, a guild, #general and a private #staff',
      castWorld({
        users: ['alice', 'bob', 'carol'],
        guilds: { 'Fanout HQ': ['bob', 'carol'] },
        roles: { staff: ['bob'] },
        channels: ['general', 'staff'],
        channelIds: { general: GENERAL, staff: STAFF },
      }),
    ),
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
      messageCreate({ id: '5001', channel: GENERAL, guild: GUILD, content: 'hello everyone' }),
    ),
    labelled(
      'MESSAGE_CREATE in #staff',
      messageCreate({ id: '5002', channel: STAFF, guild: GUILD, content: 'staff only' }),
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
