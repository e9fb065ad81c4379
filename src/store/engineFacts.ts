import {
  applyOps,
  BACKEND_NAMES,
  createSimulation,
  DISCORD_EPOCH,
  gatedEvents,
  INTENT_NAMES,
  Intents,
  parseSnowflake,
  Permissions,
  PRIVILEGED_INTENTS,
  shardFor,
  snowflakeTime,
} from '../engine/index.ts'
import type {
  BackendName,
  ClientCopy,
  Frame,
  DispatchResult,
  EventIntent,
  IntentName,
  ListItem,
  ListOp,
  Simulation,
  SkipReason,
} from '../engine/index.ts'

/**
 * The engine's own rules as values, for the docs' calculators (the docs import the engine only through
 * the store, as the UI does): the shard formula, snowflakes, and the intents table. Nothing here is a
 * copy; each name is the engine's.
 */
export { DISCORD_EPOCH, parseSnowflake, shardFor, snowflakeTime }
export type { EventIntent, IntentName }

/**
 * A fresh simulation, for the docs' side-by-side comparisons with litecord: they run the engine's own
 * API on a worked example, exactly as a reader's code would.
 */
export { createSimulation, Permissions }
export type { DispatchResult, Frame, Simulation }

/** The six backends in the engine's order, and why a session may be skipped (the docs' fact tables). */
export { BACKEND_NAMES }
export type { BackendName, SkipReason }

/** The engine's reference client for the lazy member list: a flat copy, ops applied in order. */
export { applyOps }
export type { ClientCopy, ListItem, ListOp }

/** Every intent in table order: name, bit, and whether Discord calls it privileged. */
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
