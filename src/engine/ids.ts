import { EngineError } from './errors.ts'
import type { Snowflake } from './types.ts'

/** Discord's epoch, 2015-01-01T00:00:00Z, in ms: a snowflake's top 42 bits count from here. */
export const DISCORD_EPOCH = 1_420_070_400_000

const MAX_SNOWFLAKE = (1n << 64n) - 1n

/**
 * The last ms a snowflake can encode (2154-12-31): its time takes the top 42 of 64 bits. A
 * simulation's clock never passes it, so every id it generates stays within 2^64 − 1
 * (docs/design/semantics.md §10).
 */
export const LAST_SNOWFLAKE_TIME = DISCORD_EPOCH + 2 ** 42 - 1
const CANONICAL = /^(0|[1-9][0-9]*)$/

/**
 * The canonical decimal string of a snowflake, or `undefined` when `value` is not one: a string must be
 * canonical decimal digits (no sign, no leading zero but `"0"`), a number a non-negative safe integer, a
 * bigint non-negative; all at most 2^64 − 1 ([snowflakes](/docs/sharding#snowflakes)).
 */
export function parseSnowflake(value: unknown): string | undefined {
  if (typeof value === 'string') {
    if (!CANONICAL.test(value) || value.length > 20) return undefined
    return value.length < 20 || BigInt(value) <= MAX_SNOWFLAKE ? value : undefined
  }
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value >= 0 ? String(value) : undefined
  }
  if (typeof value === 'bigint') {
    return value >= 0n && value <= MAX_SNOWFLAKE ? value.toString() : undefined
  }
  return undefined
}

/**
 * Describes a rejected value for an error message without dumping whole objects, and without reading
 * into them (no getter runs): a short array of primitives is shown whole (`[0, 5n]`).
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)
  if (typeof value === 'bigint') return `${value}n`
  if (Array.isArray(value)) return describeArray(value)
  if (value === null) return 'null'
  if (typeof value === 'object') return 'an object'
  return String(value)
}

function describeArray(array: readonly unknown[]): string {
  const items: string[] = []
  for (let i = 0; i < array.length && array.length <= 4; i++) {
    const d = Object.getOwnPropertyDescriptor(array, i)
    const item: unknown = d && 'value' in d ? d.value : undefined
    if (item !== null && (typeof item === 'object' || typeof item === 'function')) break
    items.push(describeValue(item))
  }
  return items.length === array.length ? `[${items.join(', ')}]` : `an array of ${array.length}`
}

/**
 * Like {@link parseSnowflake}, but refuses a bad value with `EngineError(code)` naming `what` it was for.
 */
export function toSnowflake(value: unknown, what: string, code = 'INVALID_ID'): string {
  const id = parseSnowflake(value)
  if (id === undefined) {
    throw new EngineError(
      code,
      `${what} must be a snowflake (a decimal string such as "20971520", a bigint, or a safe-integer ` +
        `number, at most 2^64 − 1, no leading zeros), got ${describeValue(value)}`,
    )
  }
  return id
}

/**
 * The shard that serves a guild: `(guildId >> 22) % shardCount`, Discord's formula (litecord
 * `StateManager.fetch_states`). Uses BigInt, since real ids exceed 2^53.
 */
export function shardFor(guildId: Snowflake, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount))
}

/**
 * `guildId >> 22` as a number. It has at most 42 bits, so `shardBase(g) % n` is exact in float arithmetic:
 * the fan-out computes it once per dispatch, then tests each session with a cheap modulo.
 */
export function shardBase(guildId: string): number {
  return Number(BigInt(guildId) >> 22n)
}

/** The ms timestamp a snowflake encodes. */
export function snowflakeTime(id: Snowflake): number {
  return Number(BigInt(id) >> 22n) + DISCORD_EPOCH
}

/** Compares two canonical snowflake strings numerically. */
export function compareSnowflakes(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Makes snowflakes `((now − epoch) << 22) | increment` from the simulation clock. The 12-bit increment
 * restarts each ms; when more than 4096 ids are made within one ms of simulation time, the generator moves
 * on to the next ms, as a real worker waits for its clock, so ids stay unique and increasing.
 */
export interface SnowflakeGenerator {
  next(): string
  /** @internal `[lastMs, increment]`, for snapshots. */
  state(): [number, number]
  setState(state: readonly [number, number]): void
}

export function createSnowflakeGenerator(now: () => number): SnowflakeGenerator {
  let lastMs = -1
  let increment = 0
  return {
    next() {
      const ms = Math.max(now() - DISCORD_EPOCH, 0)
      if (ms > lastMs) {
        lastMs = ms
        increment = 0
      } else if (increment === 0xfff) {
        if (lastMs >= LAST_SNOWFLAKE_TIME - DISCORD_EPOCH) {
          // Called before anything is created, so the refused call changes nothing.
          throw new EngineError(
            'ID_SPACE_EXHAUSTED',
            'every snowflake of the last ms a snowflake can hold is used; give explicit ids',
          )
        }
        lastMs += 1
        increment = 0
      } else {
        increment += 1
      }
      return ((BigInt(lastMs) << 22n) | BigInt(increment)).toString()
    },
    state: () => [lastMs, increment],
    setState([ms, inc]) {
      lastMs = ms
      increment = inc
    },
  }
}
