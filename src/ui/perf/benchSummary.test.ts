import { describe, expect, it } from 'vitest'
import type { FanoutRow } from '../../bench/index.ts'
import { headline } from './benchSummary.ts'

const row = (impl: string, size: number, median: number) =>
  ({ impl, size, nsPerRecipient: { median, min: median, max: median } }) as unknown as FanoutRow

describe('a bench run’s headline', () => {
  it('is the engine at its largest size, as a ratio to each baseline there', () => {
    const h = headline({
      fanout: [
        row('engine', 100, 50),
        row('engine', 10_000, 20),
        row('plain loop', 10_000, 10),
        row('tseep', 10_000, 25),
        row('tseep', 100, 30),
      ],
    })
    expect(h).toEqual({
      size: 10_000,
      engineNs: 20,
      ratios: [
        { impl: 'plain loop', ratio: 2 },
        { impl: 'tseep', ratio: 0.8 },
      ],
    })
  })

  it('is absent when the engine was not measured', () => {
    expect(headline({ fanout: [row('tseep', 100, 3)] })).toBeNull()
  })
})
