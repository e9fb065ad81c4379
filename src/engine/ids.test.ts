import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  compareSnowflakes,
  createSnowflakeGenerator,
  DISCORD_EPOCH,
  parseSnowflake,
  shardFor,
  snowflakeTime,
  toSnowflake,
} from './ids.ts'

describe('ids', () => {
  it('normalises strings, bigints and safe numbers to the canonical decimal string', () => {
    expect(parseSnowflake('41771983423143937')).toBe('41771983423143937')
    expect(parseSnowflake(41771983423143937n)).toBe('41771983423143937')
    expect(parseSnowflake(20971520)).toBe('20971520')
    expect(parseSnowflake('0')).toBe('0')
    expect(parseSnowflake('18446744073709551615')).toBe('18446744073709551615')
  })

  it.each([
    ['letters', '12a'],
    ['a leading zero', '012'],
    ['a sign', '+12'],
    ['a negative string', '-1'],
    ['a negative number', -1],
    ['an unsafe number', 2 ** 53],
    ['a fraction', 1.5],
    ['2^64', '18446744073709551616'],
    ['a huge bigint', 1n << 64n],
    ['a negative bigint', -1n],
    ['whitespace', ' 12'],
    ['an empty string', ''],
    ['null', null],
  ])('refuses %s', (_name, value) => {
    expect(parseSnowflake(value)).toBeUndefined()
    expect(() => toSnowflake(value, 'guildId')).toThrow(/guildId must be a snowflake/)
  })

  it('computes shards with Discord formula, exactly beyond 2^53 (gateway-facts §4 examples)', () => {
    expect(shardFor('20971520', 2)).toBe(1)
    expect(shardFor('16777216', 2)).toBe(0)
    expect(shardFor('41771983423143937', 2)).toBe(0)
    expect(shardFor('41771983423143937', 3)).toBe(0)
    expect(shardFor('41771983423143937', 16)).toBe(6)
  })

  it('reads the timestamp of a snowflake', () => {
    expect(snowflakeTime('41771983423143937')).toBe(1430029616934)
  })

  it('orders snowflakes numerically', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
        fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
        (a, b) => {
          expect(Math.sign(compareSnowflakes(a.toString(), b.toString()))).toBe(
            a < b ? -1 : a > b ? 1 : 0,
          )
        },
      ),
    )
  })

  it('generates increasing snowflakes from the simulation clock, past 4096 per ms', () => {
    let now = 1_700_000_000_000
    const gen = createSnowflakeGenerator(() => now)
    const first = gen.next()
    expect(snowflakeTime(first)).toBe(now)
    const ids = [first]
    for (let i = 0; i < 5000; i++) ids.push(gen.next())
    now += 10
    ids.push(gen.next())
    for (let i = 1; i < ids.length; i++)
      expect(compareSnowflakes(ids[i - 1]!, ids[i]!)).toBeLessThan(0)
    expect(snowflakeTime(ids.at(-1)!)).toBe(now)
    expect(BigInt(first) >> 22n).toBe(BigInt(1_700_000_000_000 - DISCORD_EPOCH))
  })
})
