import {
  BACKEND_NAMES,
  INTENT_NAMES,
  Intents,
  intentNames,
  PRIVILEGED_INTENTS,
} from '../engine/index.ts'
import type { BackendName } from '../engine/index.ts'

/** Engine constants the UI needs (the UI imports only types from the engine; values come through here). */
export const BACKENDS: readonly BackendName[] = BACKEND_NAMES

export const INTENT_OPTIONS = INTENT_NAMES.map((name) => ({
  name,
  bit: Intents[name],
  privileged: (PRIVILEGED_INTENTS & Intents[name]) !== 0,
}))

export const ALL_INTENTS = Intents.ALL

/** The names of the intents set in a bitfield. */
export function decodeIntents(intents: number): string[] {
  return intentNames(intents)
}

/** What a backend's key looks like, for the composer's hint. */
export const KEY_HINTS: Readonly<Record<BackendName, string>> = {
  guild: 'a guild id',
  channel: 'a channel id',
  member: 'guildId:userId',
  user: 'a user id',
  friend: 'a user id (whose friends receive it)',
  lazy_guild: 'a guild id',
}
