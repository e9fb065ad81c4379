import { DISCORD_EPOCH, parseSnowflake, shardFor } from '../../store/engineTables.ts'

/** The answer to "which shard serves this guild?", with the working shown. */
export interface ShardAnswer {
  readonly ok: true
  /** The id as canonical decimal digits. */
  readonly guildId: string
  readonly shardCount: number
  /** `guildId >> 22`: the id's timestamp, ms since the Discord epoch. */
  readonly base: string
  /** `(guildId >> 22) % shardCount`, from the engine's own `shardFor`. */
  readonly shard: number
  /** When the guild was created, as an ISO date (the snowflake's timestamp). */
  readonly createdAt: string
  /** What `(Number(id) >> 22) % n` gives: JavaScript's `>>` works on 32-bit integers. */
  readonly naive: number
  /** Whether `Number(id)` already lost digits (the id is above 2^53). */
  readonly beyondNumber: boolean
}

export type ShardResult = ShardAnswer | { readonly ok: false; readonly error: string }

/** The most shards the calculator accepts (Discord's largest bots run a few thousand). */
export const MAX_SHARDS = 100_000

/** Reads the two inputs (as typed) and answers, or says what is wrong with them. */
export function shardAnswer(idText: string, countText: string): ShardResult {
  const guildId = parseSnowflake(idText.trim())
  if (guildId === undefined) {
    return {
      ok: false,
      error:
        'A guild id is a snowflake: decimal digits with no leading zero, at most 2^64 − 1 ' +
        '(18446744073709551615).',
    }
  }
  const text = countText.trim()
  const shardCount = Number(text)
  if (!/^[0-9]+$/.test(text) || !Number.isSafeInteger(shardCount) || shardCount < 1) {
    return { ok: false, error: 'The number of shards is a whole number, at least 1.' }
  }
  if (shardCount > MAX_SHARDS) {
    return { ok: false, error: `Try at most ${MAX_SHARDS.toLocaleString('en')} shards.` }
  }
  const base = BigInt(guildId) >> 22n
  return {
    ok: true,
    guildId,
    shardCount,
    base: base.toString(),
    shard: shardFor(guildId, shardCount),
    createdAt: createdAt(base),
    naive: Math.abs((Number(guildId) >> 22) % shardCount),
    beyondNumber: BigInt(Number(guildId)) !== BigInt(guildId),
  }
}

function createdAt(base: bigint): string {
  const ms = base + BigInt(DISCORD_EPOCH)
  // Dates past the year 275760 do not exist in JavaScript; ids that large are not real anyway.
  return ms <= 8_640_000_000_000_000n ? new Date(Number(ms)).toISOString() : 'after year 275760'
}
