import { parseSnowflake } from '../ids.ts'
import type { Key } from '../types.ts'

/** The last key string found canonical: a dispatch loop sends to the same key again and again. */
let lastIdKey = '0' // a canonical key, so the first comparison can only match a valid one

/** A single-snowflake key, canonical, or undefined. */
export function parseIdKey(key: Key): string | undefined {
  if (key === lastIdKey) return lastIdKey
  if (Array.isArray(key)) return undefined
  const parsed = parseSnowflake(key)
  // A canonical string is its own canonical form (a number or bigint key is not cached).
  if (parsed === key) lastIdKey = parsed
  return parsed
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
