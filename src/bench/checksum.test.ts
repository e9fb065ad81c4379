import { describe, expect, it } from 'vitest'
import { Checksum } from './checksum.ts'

describe('Checksum', () => {
  const of = (...values: number[]) => {
    const sum = new Checksum()
    for (const v of values) sum.add(v)
    return sum.hex()
  }

  it('is eight hex digits and deterministic', () => {
    expect(of(1, 2, 3)).toMatch(/^[0-9a-f]{8}$/)
    expect(of(1, 2, 3)).toBe(of(1, 2, 3))
  })

  it('depends on every value, their order, and the high word of large ones', () => {
    expect(of(1, 2, 3)).not.toBe(of(1, 2, 4))
    expect(of(1, 2, 3)).not.toBe(of(3, 2, 1))
    expect(of(2 ** 40)).not.toBe(of(2 ** 41))
    expect(of()).not.toBe(of(0))
  })
})
