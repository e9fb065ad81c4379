import { describe, expect, it } from 'vitest'
import { formatVerdict, goal, GOALS, judge } from './goals.ts'

describe('goal verdicts', () => {
  it('meets a ratio goal on the median of at least seven rounds', () => {
    const v = judge(goal('fanout-vs-eventemitter3'), { value: 0.8, min: 0.6, max: 1.3, rounds: 7 })
    expect(v.met).toBe(true)
    expect(formatVerdict(v)).toBe(
      '✓ guild fan-out to 100,000 sessions, engine / eventemitter3: 0.80× (0.60×–1.30×, 7 rounds), goal ≤ 1.00×',
    )
  })

  it('misses when the median is over the limit, whatever the best round', () => {
    const v = judge(goal('fanout-vs-floor'), { value: 2.1, min: 1.2, max: 3, rounds: 9 })
    expect(v.met).toBe(false)
    expect(formatVerdict(v)).toMatch(/^✗ /)
  })

  it('refuses to decide a ratio goal on fewer than seven rounds', () => {
    const v = judge(goal('close-flat'), { value: 1.1, min: 1, max: 1.2, rounds: 5 })
    expect(v.met).toBeNull()
    expect(formatVerdict(v)).toMatch(/^\? .*needs ≥ 7 rounds, got 5/)
  })

  it('decides one-off measurements without rounds, and reports what was not measured', () => {
    expect(judge(goal('bytes-per-subscription'), { value: 61 }).met).toBe(true)
    expect(judge(goal('setup-100k'), { value: 75 }).met).toBe(false)
    const missing = judge(goal('setup-100k'), null)
    expect(missing.met).toBeNull()
    expect(formatVerdict(missing)).toBe(
      '? setting up 100,000 sessions in one guild (seconds, not minutes): not measured, goal ≤ 60.0 s; not measured',
    )
  })

  it('lists the goals of the issues and the engine review memory goal, each with a limit', () => {
    expect(GOALS.map((g) => [g.id, g.limit])).toEqual([
      ['lean-fanout-vs-eventemitter3', 0.8],
      ['lean-one-vs-eventemitter3', 10],
      ['fanout-vs-eventemitter3', 1],
      ['fanout-vs-floor', 2],
      ['close-flat', 2],
      ['bytes-per-subscription', 100],
      ['setup-100k', 60],
      ['identify-100k', 3],
      ['bytes-per-closed-session', 256],
    ])
  })
})
