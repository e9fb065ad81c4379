import { parseSnowflake } from '../ids.ts'
import type { Key } from '../types.ts'

/** A single-snowflake key, canonical, or undefined. */
export function parseIdKey(key: Key): string | undefined {
  return Array.isArray(key) ? undefined : parseSnowflake(key)
}

/** A `[guildId, userId]` pair as `'guildId:userId'`, or undefined. */
export function parsePairKey(key: Key): string | undefined {
  if (!Array.isArray(key) || key.length !== 2) return undefined
  const guild = parseSnowflake(key[0])
  const user = parseSnowflake(key[1])
  return guild === undefined || user === undefined ? undefined : `${guild}:${user}`
}

/** Splits a canonical member key. */
export function splitPairKey(key: string): [guildId: string, userId: string] {
  const colon = key.indexOf(':')
  return [key.slice(0, colon), key.slice(colon + 1)]
}
