/**
 * Discord's gateway intents and which events each one gates ([Intents](/docs/intents)).
 * Without an intent's bit, none of its events are sent; an event under no intent is always sent.
 * `ALL` is every bit of the official table, the privileged ones included (the default of IDENTIFY).
 *
 * @example
 * // A bot that reads guild messages but not their content, and no presences:
 * sim.gateway.identify({ userId: '40', intents: Intents.GUILDS | Intents.GUILD_MESSAGES }) // logbot
 * intentNames(Intents.GUILDS | Intents.GUILD_MESSAGES) // ['GUILDS', 'GUILD_MESSAGES']
 */
export const Intents = {
  GUILDS: 1 << 0,
  GUILD_MEMBERS: 1 << 1,
  GUILD_MODERATION: 1 << 2,
  GUILD_EXPRESSIONS: 1 << 3,
  GUILD_INTEGRATIONS: 1 << 4,
  GUILD_WEBHOOKS: 1 << 5,
  GUILD_INVITES: 1 << 6,
  GUILD_VOICE_STATES: 1 << 7,
  GUILD_PRESENCES: 1 << 8,
  GUILD_MESSAGES: 1 << 9,
  GUILD_MESSAGE_REACTIONS: 1 << 10,
  GUILD_MESSAGE_TYPING: 1 << 11,
  DIRECT_MESSAGES: 1 << 12,
  DIRECT_MESSAGE_REACTIONS: 1 << 13,
  DIRECT_MESSAGE_TYPING: 1 << 14,
  MESSAGE_CONTENT: 1 << 15,
  GUILD_SCHEDULED_EVENTS: 1 << 16,
  AUTO_MODERATION_CONFIGURATION: 1 << 20,
  AUTO_MODERATION_EXECUTION: 1 << 21,
  GUILD_MESSAGE_POLLS: 1 << 24,
  DIRECT_MESSAGE_POLLS: 1 << 25,
  /** Every bit of the official table, privileged ones included. */
  ALL: 0x331_ffff,
} as const

/**
 * The name of one intent of Discord's table (`'GUILDS'`, `'GUILD_MESSAGES'`, …): a key of
 * {@link Intents} other than `ALL`.
 *
 * @example
 * const wanted: IntentName[] = ['GUILDS', 'GUILD_PRESENCES']
 * const bits = wanted.reduce((sum, name) => sum | Intents[name], 0)
 */
export type IntentName = Exclude<keyof typeof Intents, 'ALL'>

/** The names in table order, for decoding a bitfield. */
export const INTENT_NAMES = Object.keys(Intents).filter((k) => k !== 'ALL') as IntentName[]

/** Privileged intents (a real bot must have them enabled; the simulation allows them all). */
export const PRIVILEGED_INTENTS =
  Intents.GUILD_MEMBERS | Intents.GUILD_PRESENCES | Intents.MESSAGE_CONTENT

/** The names of the bits set in `intents`, in table order. */
export function intentNames(intents: number): IntentName[] {
  return INTENT_NAMES.filter((name) => (intents & Intents[name]) !== 0)
}

/** True when `intents` is a non-negative integer made only of the official table's bits. */
export function isValidIntents(intents: unknown): intents is number {
  return (
    typeof intents === 'number' &&
    Number.isInteger(intents) &&
    intents >= 0 &&
    intents <= 0x7fff_ffff &&
    (intents & ~Intents.ALL) === 0
  )
}

/** The bits that gate one event: the guild variant, and the DM variant where the event has one. */
export interface EventIntent {
  /** The intent bit the event needs in a guild. */
  readonly guild: number
  /** For events with a DM variant (messages, reactions, typing, pins, polls); `0` = no DM variant. */
  readonly dm: number
}

const table = new Map<string, EventIntent>()
function gate(guild: number, dm: number, events: string[]): void {
  for (const event of events) table.set(event, { guild, dm })
}

gate(Intents.GUILDS, 0, [
  'GUILD_CREATE',
  'GUILD_UPDATE',
  'GUILD_DELETE',
  'GUILD_ROLE_CREATE',
  'GUILD_ROLE_UPDATE',
  'GUILD_ROLE_DELETE',
  'CHANNEL_CREATE',
  'CHANNEL_UPDATE',
  'CHANNEL_DELETE',
  'THREAD_CREATE',
  'THREAD_UPDATE',
  'THREAD_DELETE',
  'THREAD_LIST_SYNC',
  'THREAD_MEMBER_UPDATE',
  'THREAD_MEMBERS_UPDATE',
  'STAGE_INSTANCE_CREATE',
  'STAGE_INSTANCE_UPDATE',
  'STAGE_INSTANCE_DELETE',
  'VOICE_CHANNEL_STATUS_UPDATE',
  'VOICE_CHANNEL_START_TIME_UPDATE',
])
// CHANNEL_PINS_UPDATE: GUILDS in a guild, DIRECT_MESSAGES in a DM.
gate(Intents.GUILDS, Intents.DIRECT_MESSAGES, ['CHANNEL_PINS_UPDATE'])
gate(Intents.GUILD_MEMBERS, 0, ['GUILD_MEMBER_ADD', 'GUILD_MEMBER_UPDATE', 'GUILD_MEMBER_REMOVE'])
gate(Intents.GUILD_MODERATION, 0, [
  'GUILD_AUDIT_LOG_ENTRY_CREATE',
  'GUILD_BAN_ADD',
  'GUILD_BAN_REMOVE',
])
gate(Intents.GUILD_EXPRESSIONS, 0, [
  'GUILD_EMOJIS_UPDATE',
  'GUILD_STICKERS_UPDATE',
  'GUILD_SOUNDBOARD_SOUND_CREATE',
  'GUILD_SOUNDBOARD_SOUND_UPDATE',
  'GUILD_SOUNDBOARD_SOUND_DELETE',
  'GUILD_SOUNDBOARD_SOUNDS_UPDATE',
])
gate(Intents.GUILD_INTEGRATIONS, 0, [
  'GUILD_INTEGRATIONS_UPDATE',
  'INTEGRATION_CREATE',
  'INTEGRATION_UPDATE',
  'INTEGRATION_DELETE',
])
gate(Intents.GUILD_WEBHOOKS, 0, ['WEBHOOKS_UPDATE'])
gate(Intents.GUILD_INVITES, 0, ['INVITE_CREATE', 'INVITE_DELETE'])
gate(Intents.GUILD_VOICE_STATES, 0, ['VOICE_CHANNEL_EFFECT_SEND', 'VOICE_STATE_UPDATE'])
gate(Intents.GUILD_PRESENCES, 0, ['PRESENCE_UPDATE'])
gate(Intents.GUILD_MESSAGES, Intents.DIRECT_MESSAGES, [
  'MESSAGE_CREATE',
  'MESSAGE_UPDATE',
  'MESSAGE_DELETE',
  'MESSAGE_DELETE_BULK',
])
gate(Intents.GUILD_MESSAGE_REACTIONS, Intents.DIRECT_MESSAGE_REACTIONS, [
  'MESSAGE_REACTION_ADD',
  'MESSAGE_REACTION_REMOVE',
  'MESSAGE_REACTION_REMOVE_ALL',
  'MESSAGE_REACTION_REMOVE_EMOJI',
])
gate(Intents.GUILD_MESSAGE_TYPING, Intents.DIRECT_MESSAGE_TYPING, ['TYPING_START'])
gate(Intents.GUILD_SCHEDULED_EVENTS, 0, [
  'GUILD_SCHEDULED_EVENT_CREATE',
  'GUILD_SCHEDULED_EVENT_UPDATE',
  'GUILD_SCHEDULED_EVENT_DELETE',
  'GUILD_SCHEDULED_EVENT_USER_ADD',
  'GUILD_SCHEDULED_EVENT_USER_REMOVE',
])
gate(Intents.AUTO_MODERATION_CONFIGURATION, 0, [
  'AUTO_MODERATION_RULE_CREATE',
  'AUTO_MODERATION_RULE_UPDATE',
  'AUTO_MODERATION_RULE_DELETE',
])
gate(Intents.AUTO_MODERATION_EXECUTION, 0, ['AUTO_MODERATION_ACTION_EXECUTION'])
gate(Intents.GUILD_MESSAGE_POLLS, Intents.DIRECT_MESSAGE_POLLS, [
  'MESSAGE_POLL_VOTE_ADD',
  'MESSAGE_POLL_VOTE_REMOVE',
])

/**
 * Every event the table gates, with its bits, in table order: what the docs' intents calculator lists,
 * so it never keeps a copy of its own. Events not listed are under no intent and always sent.
 */
export function gatedEvents(): [eventType: string, intent: EventIntent][] {
  return Array.from(table)
}

/** The intent bits gating `eventType`, or `undefined` for an event under no intent (always sent). */
export function intentFor(eventType: string): EventIntent | undefined {
  return table.get(eventType)
}

/** Message events whose content `MESSAGE_CONTENT` controls (docs/design/semantics.md §10). */
export const CONTENT_EVENTS: ReadonlySet<string> = new Set(['MESSAGE_CREATE', 'MESSAGE_UPDATE'])
