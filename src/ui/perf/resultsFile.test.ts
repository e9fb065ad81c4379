import { describe, expect, it } from 'vitest'
import { formatNumber, formatTick } from './resultsFile.ts'

describe('number formats of the performance pages', () => {
  it('labels every power-of-ten tick of a log axis distinctly, small ones included', () => {
    const ticks = [1e-4, 1e-3, 0.01, 0.1, 1, 10, 100, 1000, 1e5].map(formatTick)
    expect(ticks).toEqual(['0.0001', '0.001', '0.01', '0.1', '1', '10', '100', '1,000', '100,000'])
  })

  it('never prints a small positive number as 0.00', () => {
    expect(formatNumber(0.004)).toBe('0.004')
    expect(formatNumber(0.00123)).toBe('0.0012')
    expect(formatNumber(0.5)).toBe('0.50')
    expect(formatNumber(12.34)).toBe('12.3')
    expect(formatNumber(0)).toBe('0.00')
  })
})
