import { GatewayCloseError } from '../errors.ts'
import { describeValue, parseSnowflake } from '../ids.ts'
import { ownPayload } from '../payload.ts'
import type { PresenceStatus, Snowflake } from '../types.ts'
import { Intents, isValidIntents } from './intents.ts'
import { DEFAULT_LARGE_THRESHOLD } from './payloads.ts'

/** IDENTIFY (op 2) as the engine takes it. */
export interface IdentifyInput {
  /** The user to identify as (4004 when there is none: Discord's bad token). */
  userId: Snowflake
  /** Default: every intent (`Intents.ALL`), as user accounts have. */
  intents?: number
  /** `[shardId, shardCount]`; default `[0, 1]`. */
  shard?: [number, number]
  /** Default `online`. */
  presence?: { status: PresenceStatus; activities?: unknown[] }
  /**
   * IDENTIFY's `large_threshold`: at most this many members in each GUILD_CREATE sent at this IDENTIFY,
   * an integer from 50 to 250 (Discord's range); default 50.
   */
  largeThreshold?: number
}

export const PRESENCE_STATUSES: readonly PresenceStatus[] = ['online', 'idle', 'dnd', 'offline']

/** IDENTIFY's fields, checked as Discord would: each refusal is the close code a gateway would send. */
export interface ValidIdentify {
  userId: string
  intents: number
  shard: [number, number]
  presence: { status: PresenceStatus; activities: unknown[] } | undefined
  largeThreshold: number
}

/**
 * Validates IDENTIFY. Close codes: 4004 unknown user (authentication failed), 4010 invalid shard
 * (`shardId ≥ shardCount`, `shardCount < 1`, negative or non-integer), 4013 invalid intents (not a
 * non-negative integer of the official table's bits; user-account-only bits too), 4001 a malformed
 * presence or a `largeThreshold` outside 50–250. `userExists` is asked last, after the input's shape is known good.
 */
export function validateIdentify(
  input: IdentifyInput,
  userExists: (id: string) => boolean,
): ValidIdentify {
  if (typeof input !== 'object' || input === null) {
    throw new GatewayCloseError(
      4001,
      `IDENTIFY takes an object { userId, intents?, shard?, presence? }`,
    )
  }
  const userId = parseSnowflake(input.userId)
  if (userId === undefined || !userExists(userId)) {
    throw new GatewayCloseError(
      4004,
      `authentication failed: ${describeValue(input.userId)} is not a user of this world ` +
        `(create one with world.createUser and identify with its id)`,
    )
  }
  const shard = input.shard ?? [0, 1]
  if (
    !Array.isArray(shard) ||
    shard.length !== 2 ||
    !Number.isInteger(shard[0]) ||
    !Number.isInteger(shard[1]) ||
    shard[1] < 1 ||
    shard[0] < 0 ||
    shard[0] >= shard[1]
  ) {
    throw new GatewayCloseError(
      4010,
      `invalid shard ${describeValue(shard)}: give [shardId, shardCount] with integers ` +
        `0 ≤ shardId < shardCount, e.g. [0, 1] or [1, 2]`,
    )
  }
  const intents = input.intents ?? Intents.ALL
  if (!isValidIntents(intents)) {
    const unknown =
      typeof intents === 'number' && Number.isInteger(intents) ? intents & ~Intents.ALL : 0
    throw new GatewayCloseError(
      4013,
      `invalid intents ${describeValue(intents)}: a non-negative integer made of the official bits ` +
        `(Intents.ALL = ${Intents.ALL})` +
        (unknown > 0 ? `; bits ${unknown} are not bot intents` : ''),
    )
  }
  let presence: ValidIdentify['presence']
  if (input.presence !== undefined) presence = validatePresence(input.presence, 4001)
  const largeThreshold = input.largeThreshold ?? DEFAULT_LARGE_THRESHOLD
  if (!Number.isInteger(largeThreshold) || largeThreshold < 50 || largeThreshold > 250) {
    throw new GatewayCloseError(
      4001,
      `invalid largeThreshold ${describeValue(input.largeThreshold)}: an integer from 50 to 250`,
    )
  }
  return { userId, intents, shard: [shard[0], shard[1]], presence, largeThreshold }
}

/** A presence `{ status, activities? }`; a bad one is refused with `closeCode` (op 3 / IDENTIFY). */
export function validatePresence(
  presence: unknown,
  closeCode: number,
): { status: PresenceStatus; activities: unknown[] } {
  const p = presence as { status?: unknown; activities?: unknown } | null
  if (
    typeof p !== 'object' ||
    p === null ||
    !PRESENCE_STATUSES.includes(p.status as PresenceStatus)
  ) {
    throw new GatewayCloseError(
      closeCode,
      `invalid presence ${describeValue(presence)}: give { status } with status one of ` +
        `${PRESENCE_STATUSES.join(', ')}`,
    )
  }
  if (p.activities === undefined) return { status: p.status as PresenceStatus, activities: [] }
  if (!Array.isArray(p.activities)) {
    throw new GatewayCloseError(
      closeCode,
      `presence.activities must be an array of activity objects`,
    )
  }
  try {
    return { status: p.status as PresenceStatus, activities: ownPayload(p.activities) as unknown[] }
  } catch (error) {
    throw new GatewayCloseError(closeCode, `presence.activities: ${(error as Error).message}`)
  }
}
