import { describe, expect, it } from 'vitest'
import { median, ratioSummary, summarize } from './stats.ts'

describe('stats', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNaN()
  })

  it('summarises median, min, max and count without reordering the input', () => {
    const samples = [3, 1, 2]
    expect(summarize(samples)).toEqual({ median: 2, min: 1, max: 3, n: 3 })
    expect(samples).toEqual([3, 1, 2])
  })

  it('divides round by round and drops rounds it cannot divide', () => {
    expect(ratioSummary([2, 9, 4], [1, 3, 4])).toEqual({ median: 2, min: 1, max: 3, n: 3 })
    expect(ratioSummary([1, 2, 3], [0, 1])).toEqual({ median: 2, min: 2, max: 2, n: 1 })
  })
})
