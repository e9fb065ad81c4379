import { describe, expect, it } from 'vitest'
import { runTimingSuite } from '../../bench/index.ts'
import { expectedSteps, PRESETS } from './benchProtocol.ts'

describe('the Bench page’s presets', () => {
  it('expect as many progress lines as a run reports', () => {
    const { label: _l, about: _a, ...smoke } = PRESETS.smoke
    const lines: string[] = []
    runTimingSuite({ ...smoke, now: () => performance.now(), onProgress: (m) => lines.push(m) })
    expect(lines.length).toBe(expectedSteps('smoke'))
  }, 60_000)

  it('keep the quick run at 10,000 recipients at most', () => {
    const { sizes = [], filteredSizes = [], leanSizes = [], churnSizes = [] } = PRESETS.quick
    expect(Math.max(...sizes, ...filteredSizes, ...leanSizes, ...churnSizes)).toBe(10_000)
    expect(expectedSteps('quick')).toBe(3 + 1 + 2 + 4)
  })
})
