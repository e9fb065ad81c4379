import { INTENT_NAMES, Intents, PRIVILEGED_INTENTS } from '../engine/index.ts'

/**
 * Engine values the UI needs. The UI imports only types from the engine (lint enforces it), so the values
 * come through here, under the engine's own names.
 */
export { BACKEND_NAMES, ChannelType, Intents, intentNames } from '../engine/index.ts'

/** Every intent, with its bit and whether Discord treats it as privileged: the IDENTIFY form's list. */
export const INTENT_OPTIONS = INTENT_NAMES.map((name) => ({
  name,
  bit: Intents[name],
  privileged: (PRIVILEGED_INTENTS & Intents[name]) !== 0,
}))
