// From build.ts itself, not the layer's index: building calls needs no engine, and the home page
// lists the scenarios on its first load.
import { callBuilders } from '../calls/build.ts'

/**
 * Builders that read like the engine API and produce plain-data calls, so scenarios stay JSON:
 * `world.createUser({ id: '10', username: 'alice' })`. Typed by the engine's own signatures (a session
 * id may be a `session(n)` reference; a filter is `only(...)`), derived from the engine's catalogue.
 */
export const { world, gateway, dispatcher, actions, clock } = callBuilders
export { labelled, lastSeq, only, session, step } from '../calls/build.ts'

/** Discord's permission bit VIEW_CHANNEL (1 << 10), as the decimal string overwrites take. */
export const VIEW_CHANNEL = String(1 << 10)

/**
 * Discord's intent bits (docs/design/gateway-facts.md §5); `calls.test.ts` checks them against the
 * engine.
 */
export const INTENT_BITS = {
  GUILDS: 1 << 0,
  GUILD_MEMBERS: 1 << 1,
  GUILD_PRESENCES: 1 << 8,
  GUILD_MESSAGES: 1 << 9,
  GUILD_MESSAGE_TYPING: 1 << 11,
  DIRECT_MESSAGES: 1 << 12,
  DIRECT_MESSAGE_TYPING: 1 << 14,
  MESSAGE_CONTENT: 1 << 15,
} as const

/** An intents bitfield from names (scenarios may not import the engine's values, only its types). */
export function intents(...names: (keyof typeof INTENT_BITS)[]): number {
  return names.reduce((bits, name) => bits | INTENT_BITS[name], 0)
}
