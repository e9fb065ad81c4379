/**
 * The engine's second public entry: its tables and pure rules (the intents table, permission flags,
 * channel types, snowflakes and the shard formula), the same bindings `index.ts` exports. None of these
 * modules reaches the simulation, so a page that needs only them (the docs' intents and sharding
 * calculators) gets them without loading the engine. `index.ts` exports all of it too, so nothing here is
 * new API.
 */
export {
  Intents,
  intentNames,
  intentFor,
  gatedEvents,
  INTENT_NAMES,
  PRIVILEGED_INTENTS,
} from './gateway/intents.ts'
export type { IntentName, EventIntent } from './gateway/intents.ts'
export { Permissions } from './world/permissions.ts'
export { ChannelType } from './world/channelType.ts'
export { shardFor, parseSnowflake, snowflakeTime, DISCORD_EPOCH } from './ids.ts'
