import { actions, dispatcher, gateway, labelled, session, step, world } from './calls.ts'
import type { EngineCall } from '../calls/index.ts'
import type { Scenario } from './types.ts'

const GUILD = '20971520'
const GENERAL = '1001'
const MODS = '3002'
const NAMES = [
  'alice',
  'bob',
  'carol',
  'dave',
  'erin',
  'frank',
  'grace',
  'heidi',
  'ivan',
  'judy',
  'mallory',
  'olivia',
]
const USERS = NAMES.map((username, i) => ({ id: String(10 + i), username }))
const id = (i: number) => USERS[i]?.id ?? ''

const buildWorld: EngineCall[] = [
  ...USERS.map((u) => world.createUser(u)),
  world.createGuild({ id: GUILD, name: 'Fanout HQ', ownerId: id(0) }),
  world.createRole(GUILD, { id: MODS, name: 'Moderators', position: 1, hoist: true }),
  ...USERS.slice(1).map((u, i) => world.addMember(GUILD, u.id, i < 2 ? { roles: [MODS] } : {})),
  world.createChannel({ id: GENERAL, guildId: GUILD, name: 'general' }),
]

export default {
  id: 'lazy-member-list',
  title: 'Lazy member list',
  summary: 'op 14: sessions hold ranges of a member list and get only the changes inside them.',
  order: 6,
  seed: 6,
  calls: [
    ...step('Build the world: 12 members, a hoisted Moderators role', buildWorld),
    ...step(
      'IDENTIFY 6 members (the others stay offline)',
      USERS.slice(0, 6).map((u) => gateway.identify({ userId: u.id })),
    ),
    labelled(
      'alice opens #general: member list range 0–99',
      gateway.requestMemberList(session(0), GUILD, { [GENERAL]: [[0, 99]] }),
    ),
    labelled(
      'bob opens #general: range 0–9 only',
      gateway.requestMemberList(session(1), GUILD, { [GENERAL]: [[0, 9]] }),
    ),
  ],
  suggested: [
    labelled('judy (offline, index 12) is renamed zed', actions.setNick(GUILD, id(9), 'zed')),
    labelled('frank goes idle (op 3)', gateway.updatePresence(session(5), { status: 'idle' })),
    labelled('dave joins Moderators', actions.setMemberRoles(GUILD, id(3), [MODS])),
    labelled(
      'GUILD_MEMBER_LIST_UPDATE through lazy_guild',
      dispatcher.dispatch('lazy_guild', GUILD, 'GUILD_MEMBER_LIST_UPDATE', {
        id: 'everyone',
        guild_id: GUILD,
        member_count: 12,
        online_count: 6,
        groups: [],
        ops: [],
      }),
    ),
  ],
  explanation: [
    'Large guilds do not send every member change to everyone. A client asks (op 14) for the slice of ' +
      'the member list it shows, and gets GUILD_MEMBER_LIST_UPDATE ops only for changes inside its ranges.',
    'There is one list per distinct visibility (here everyone can read #general: the list "everyone"). ' +
      'alice holds 0–99, bob 0–9. The list reads: Moderators (bob, carol), online (alice, dave, erin, ' +
      'frank), offline (the rest). judy sits past index 9, so her new nickname reaches alice only; dave ' +
      'moving up into Moderators changes both ranges.',
  ],
} satisfies Scenario
