import { describe, expect, it } from 'vitest'
import { runTimingSuite } from './suite.ts'

describe('runTimingSuite', () => {
  it('runs every workload end to end on tiny sizes (a smoke test: no timing is asserted)', () => {
    let t = 0
    const messages: string[] = []
    const results = runTimingSuite({
      now: () => (t += 0.5), // a fake clock: every reading is 0.5 ms later
      rounds: 2,
      warmupRounds: 0,
      minBatchMs: 0.5, // every batch "lasts" 0.5 ms on the fake clock: one repetition each
      sizes: [1, 20],
      filteredSizes: [20],
      churnSizes: [20],
      leanSizes: [1, 20],
      onProgress: (m) => void messages.push(m),
    })
    const impls = ['engine', 'plain loop', 'eventemitter3', 'tseep', 'tseep safe']
    expect(results.settings.impls).toEqual(impls)
    expect(results.fanout.map((r) => `${r.impl}@${r.size}`)).toEqual([
      ...impls.map((i) => `${i}@1`),
      ...impls.map((i) => `${i}@20`),
    ])
    expect(results.filtered).toHaveLength(impls.length)
    expect(results.lean.map((r) => `${r.impl}@${r.size}`)).toEqual(
      [1, 20].flatMap((n) =>
        ['engine', 'eventemitter3 lean', 'plain loop lean'].map((i) => `${i}@${n}`),
      ),
    )
    expect(results.lean.find((r) => r.impl === 'engine')?.vsEventemitter3?.n).toBe(2)
    expect(results.fanout.every((r) => r.samples.length === 2)).toBe(true)
    expect(results.churn.map((r) => `${r.op} ${r.impl}`)).toEqual([
      ...impls.map((i) => `subscribe ${i}`),
      ...impls.map((i) => `unsubscribe ${i}`),
      'close engine',
    ])
    // No 100,000 size and no second churn size: the timing goals stay undecided.
    expect(results.verdicts.map((v) => v.met)).toEqual([null, null, null, null, null])
    expect(results.checksum).toMatch(/^[0-9a-f]{8}$/)
    expect(messages[0]).toBe('fan-out: 1 recipients')
  })
})
