import { describe, expect, it } from 'vitest'
import { shardAnswer } from './shard.ts'

const shard = (id: string, n: number) => {
  const a = shardAnswer(id, String(n))
  if (!a.ok) throw new Error(a.error)
  return a.shard
}

describe('the sharding calculator', () => {
  it('gives the formula examples of gateway-facts §4', () => {
    expect(shard('20971520', 2)).toBe(1) // 5 << 22
    expect(shard('16777216', 2)).toBe(0) // 4 << 22
    expect(shard('41771983423143937', 2)).toBe(0)
    expect(shard('41771983423143937', 3)).toBe(0)
    expect(shard('41771983423143937', 16)).toBe(6)
  })

  it('shows its working: the timestamp part and the creation date', () => {
    const a = shardAnswer('41771983423143937', '16')
    expect(a).toMatchObject({
      ok: true,
      base: '9959216934',
      createdAt: '2015-04-26T06:26:56.934Z',
      beyondNumber: true,
    })
  })

  it('shows what 32-bit JavaScript arithmetic gets wrong on a real id', () => {
    const a = shardAnswer('41771983423143937', '16')
    expect(a.ok && a.naive).not.toBe(6)
    const small = shardAnswer('20971520', '2')
    expect(small.ok && small.naive).toBe(1)
    expect(small.ok && small.beyondNumber).toBe(false)
  })

  it('handles the largest snowflake exactly', () => {
    const a = shardAnswer('18446744073709551615', '1000')
    expect(a).toMatchObject({ ok: true, base: '4398046511103', shard: 103 })
  })

  it('refuses what is not a snowflake or a shard count, with a reason', () => {
    for (const id of ['', 'abc', '-1', '0123', '18446744073709551616', '1.5']) {
      expect(shardAnswer(id, '2')).toMatchObject({ ok: false })
    }
    for (const n of ['0', '-2', '1.5', '', 'two', '100001']) {
      expect(shardAnswer('20971520', n)).toMatchObject({ ok: false })
    }
    const error = shardAnswer('x', '2')
    expect(!error.ok && error.error).toMatch(/snowflake/)
  })

  it('ignores spaces around the inputs', () => {
    expect(shardAnswer(' 20971520 ', ' 2 ')).toMatchObject({ ok: true, shard: 1 })
  })
})
