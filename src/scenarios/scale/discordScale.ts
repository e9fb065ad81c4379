import { actions, dispatcher, gateway, intents, labelled, session, step, world } from '../calls.ts'
import type { EngineCall } from '../../calls/index.ts'
import type { GeneratedStep } from '../types.ts'
import { HUMAN_BASE, STAFF_NAMES, username } from './names.ts'

/**
 * A Discord-scale guild, as rules rather than lists: one guild of `members` members (a bot and humans),
 * the bot on 16 shards, every human connected. Shaped like a large public server:
 *
 * - 25 staff (the first humans; `ada` owns the guild), each on desktop and phone, online, with every
 *   guild intent: the few sessions that see presences and hold member-list ranges.
 * - Everyone else identifies `offline` (docs/design/semantics.md §3: scale worlds never announce 100,000 presences).
 *   Intents by member number: 1 in 100 also asks for GUILD_PRESENCES; 1 in 25 is a light client with
 *   GUILDS and DIRECT_MESSAGES only (no message events); 1 in 1,000 is a DM relay without GUILDS.
 * - Roles: Staff (hoisted), Moderators (hoisted: the next 200 humans), Verified (6 in 10).
 * - Channels: #announcements, #general, #help for everyone; #verified-lounge for Verified; #staff-room
 *   only Staff can read. Each visibility is its own member list.
 */
export interface DiscordScaleShape {
  /** Guild members: the bot and `members - 1` humans. */
  readonly members: number
}

export const GUILD = '289406976' // (69 << 22): (69 % 16) = shard 5 of the bot's 16
export const BOT = '42'
export const BOT_SHARDS = 16
export const SERVING_SHARD = 5
export const STAFF = STAFF_NAMES.length
export const ROLES = { staff: '3001', moderators: '3002', verified: '3003' } as const
export const CHANNELS = {
  announcements: '2001',
  general: '2002',
  help: '2003',
  verifiedLounge: '2004',
  staffRoom: '2005',
} as const
const MODERATORS = 200
const VIEW_CHANNEL = String(1 << 10)

const STANDARD = intents(
  'GUILDS',
  'GUILD_MESSAGES',
  'GUILD_MESSAGE_TYPING',
  'DIRECT_MESSAGES',
  'MESSAGE_CONTENT',
)
const STAFF_INTENTS = STANDARD | intents('GUILD_MEMBERS', 'GUILD_PRESENCES')
const BOT_INTENTS = intents('GUILDS', 'GUILD_MEMBERS', 'GUILD_MESSAGES', 'MESSAGE_CONTENT')

export const humanId = (i: number) => String(HUMAN_BASE + i)

/** The intents of human `i` (not staff). */
export function memberIntents(i: number): number {
  if (i % 1000 === 11) return intents('DIRECT_MESSAGES')
  if (i % 25 === 3) return intents('GUILDS', 'DIRECT_MESSAGES')
  if (i % 100 === 7) return STANDARD | intents('GUILD_PRESENCES')
  return STANDARD
}

/** Whether human `i`'s phone dropped its connection after IDENTIFY (its events are buffered). */
export const droppedConnection = (i: number) => i >= STAFF && i % 500 === 250

/** IDENTIFY order: the bot's 16 shards, then staff desktop and phone, then one session per member. */
export function sessionIndexOf(i: number): number {
  return i < STAFF ? BOT_SHARDS + 2 * i : BOT_SHARDS + 2 * STAFF + (i - STAFF)
}

/** The setup: the world (users, guild, roles, channels, members) and every IDENTIFY, as rules. */
export function generatedSteps(shape: DiscordScaleShape): GeneratedStep[] {
  const humans = shape.members - 1
  const channels: EngineCall[] = [
    world.createChannel({ id: CHANNELS.announcements, guildId: GUILD, name: 'announcements' }),
    world.createChannel({ id: CHANNELS.general, guildId: GUILD, name: 'general' }),
    world.createChannel({ id: CHANNELS.help, guildId: GUILD, name: 'help' }),
    world.createChannel({
      id: CHANNELS.verifiedLounge,
      guildId: GUILD,
      name: 'verified-lounge',
      overwrites: [
        { id: GUILD, type: 0, deny: VIEW_CHANNEL },
        { id: ROLES.verified, type: 0, allow: VIEW_CHANNEL },
      ],
    }),
    world.createChannel({
      id: CHANNELS.staffRoom,
      guildId: GUILD,
      name: 'staff-room',
      overwrites: [
        { id: GUILD, type: 0, deny: VIEW_CHANNEL },
        { id: ROLES.staff, type: 0, allow: VIEW_CHANNEL },
      ],
    }),
  ]
  const rolesOf = (i: number): string[] => [
    ...(i < STAFF ? [ROLES.staff] : i < STAFF + MODERATORS ? [ROLES.moderators] : []),
    ...(i % 10 < 6 ? [ROLES.verified] : []),
  ]
  const setup: EngineCall[] = [
    world.createGuild({ id: GUILD, name: 'Fanout Commons', ownerId: humanId(0) }),
    world.createRole(GUILD, { id: ROLES.staff, name: 'Staff', position: 3, hoist: true }),
    world.createRole(GUILD, { id: ROLES.moderators, name: 'Moderators', position: 2, hoist: true }),
    world.createRole(GUILD, { id: ROLES.verified, name: 'Verified', position: 1 }),
    ...channels,
    world.updateMember(GUILD, humanId(0), { roles: rolesOf(0) }),
    world.addMember(GUILD, BOT),
  ]
  // Users (the bot, then humans), the setup above, then every other human joins.
  const users = 1 + humans
  const buildWorld: GeneratedStep = {
    label: `Build the world: a guild of ${shape.members.toLocaleString('en-US')} members`,
    building: 'Creating users, the guild and its members',
    count: users + setup.length + (humans - 1),
    call(n) {
      if (n === 0) return world.createUser({ id: BOT, username: 'herald', bot: true })
      if (n < users) return world.createUser({ id: humanId(n - 1), username: username(n - 1) })
      const s = n - users
      if (s < setup.length) return setup[s] as EngineCall
      const i = s - setup.length + 1
      return world.addMember(GUILD, humanId(i), { roles: rolesOf(i) })
    },
  }
  const sessions = BOT_SHARDS + 2 * STAFF + (humans - STAFF)
  const identifyAll: GeneratedStep = {
    label: `IDENTIFY ${sessions.toLocaleString('en-US')} sessions (staff online; everyone else offline)`,
    building: 'Identifying sessions',
    count: sessions,
    call(n) {
      if (n < BOT_SHARDS) {
        return gateway.identify({
          userId: BOT,
          shard: [n, BOT_SHARDS],
          intents: BOT_INTENTS,
          presence: { status: 'online' },
        })
      }
      if (n < BOT_SHARDS + 2 * STAFF) {
        const i = Math.floor((n - BOT_SHARDS) / 2)
        return gateway.identify({
          userId: humanId(i),
          intents: STAFF_INTENTS,
          presence: { status: 'online' },
        })
      }
      const i = n - BOT_SHARDS - 2 * STAFF + STAFF
      return gateway.identify({
        userId: humanId(i),
        intents: memberIntents(i),
        presence: { status: 'offline' },
      })
    },
  }
  return [buildWorld, identifyAll]
}

/** The listed steps after the generated ones: dropped connections, then op 14 requests. */
export function listedCalls(shape: DiscordScaleShape): EngineCall[] {
  const dropped: EngineCall[] = []
  for (let i = STAFF; i < shape.members - 1; i++) {
    if (droppedConnection(i)) dropped.push(gateway.disconnect(session(sessionIndexOf(i))))
  }
  const desktop = (staff: number) => session(sessionIndexOf(staff))
  const regular = Math.min(shape.members - 2, 1000)
  return [
    ...step(
      `${dropped.length} phones lose their connection (their events wait in resume buffers)`,
      dropped,
    ),
    ...step('Six clients open a member list (op 14): staff at the top, one scrolled deep', [
      gateway.requestMemberList(desktop(0), GUILD, { [CHANNELS.general]: [[0, 99]] }),
      gateway.requestMemberList(desktop(1), GUILD, {
        [CHANNELS.general]: [
          [0, 99],
          [100, 199],
        ],
      }),
      gateway.requestMemberList(desktop(2), GUILD, { [CHANNELS.staffRoom]: [[0, 99]] }),
      gateway.requestMemberList(desktop(3), GUILD, { [CHANNELS.verifiedLounge]: [[0, 99]] }),
      gateway.requestMemberList(desktop(4), GUILD, {
        [CHANNELS.general]: [[Math.floor(shape.members / 2), Math.floor(shape.members / 2) + 99]],
      }),
      gateway.requestMemberList(session(sessionIndexOf(regular)), GUILD, {
        [CHANNELS.general]: [[0, 99]],
      }),
    ]),
  ]
}

/** A member who is offline, connected and inside nobody's range until it comes online. */
export const NEWCOMER = 4242

/** The "Try it" buttons. */
export function suggestedCalls(shape: DiscordScaleShape): EngineCall[] {
  const newcomer = Math.min(NEWCOMER, shape.members - 2)
  return [
    labelled(
      'GUILD_UPDATE to the whole guild',
      dispatcher.dispatch('guild', GUILD, 'GUILD_UPDATE', {
        id: GUILD,
        name: 'Fanout Commons',
        description: 'A public server of 100,000 members',
      }),
    ),
    labelled(
      `${username(newcomer)} posts in busy #general`,
      actions.sendMessage(CHANNELS.general, humanId(newcomer), 'has anyone tried the new release?'),
    ),
    labelled(
      'ada posts in #staff-room (only Staff can read it)',
      actions.sendMessage(
        CHANNELS.staffRoom,
        humanId(0),
        'heads up: the release goes out at 18:00',
      ),
    ),
    labelled(
      `${username(newcomer)} comes online: member lists and presences`,
      gateway.updatePresence(session(sessionIndexOf(newcomer)), { status: 'online' }),
    ),
  ]
}
