import {
  ChannelType,
  DISCORD_EPOCH,
  gatedEvents,
  INTENT_NAMES,
  intentNames,
  Intents,
  parseSnowflake,
  Permissions,
  PRIVILEGED_INTENTS,
  shardFor,
  snowflakeTime,
  type EventIntent,
  type IntentName,
} from '../engine/tables.ts'

/**
 * The engine's tables and pure rules as values, for the layers that may not import the engine's values
 * themselves (the UI takes only its types; the docs reach it through the store): the intents table,
 * permission flags, channel types, snowflakes and the shard formula. It imports `engine/tables.ts`, not
 * the engine, so the docs' intents and sharding pages load none of the simulation. Nothing here is a
 * copy; each name is the engine's. What needs the simulation itself is in `engineValues.ts`.
 */
export { ChannelType, DISCORD_EPOCH, Intents, intentNames, parseSnowflake, Permissions }
export { shardFor, snowflakeTime }
export type { EventIntent, IntentName }

/**
 * Every intent in table order: name, bit, and whether Discord calls it privileged (the IDENTIFY form's
 * checkboxes and the docs' intents calculator).
 */
export const INTENTS: readonly { name: IntentName; bit: number; privileged: boolean }[] =
  INTENT_NAMES.map((name) => ({
    name,
    bit: Intents[name],
    privileged: (PRIVILEGED_INTENTS & Intents[name]) !== 0,
  }))

/** Every bit of the official table. */
export const ALL_INTENT_BITS: number = Intents.ALL

/** The events the intents table gates, with their guild and DM bits, in table order. */
export const GATED_EVENTS: readonly (readonly [string, EventIntent])[] = gatedEvents()
