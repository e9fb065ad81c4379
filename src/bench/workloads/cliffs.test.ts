import { describe, expect, it } from 'vitest'
import { CLIFF_GOALS } from '../goals.ts'
import { CLIFF_IDS, runCliffs } from './cliffs.ts'
import { cliffVerdicts } from './cliffVerdicts.ts'

describe('runCliffs', () => {
  it('runs every cost cliff end to end on a tiny guild (a smoke test: no timing is asserted)', () => {
    let t = 0
    let heap = 0
    const rows = runCliffs({
      now: () => (t += 0.5),
      sizes: [40],
      heapBytes: () => (heap += 1000),
    })
    expect(rows.map((r) => r.id)).toEqual(CLIFF_IDS)
    const sameList = rows.find((r) => r.id === 'op14-same-list')?.bytes
    // 100 channels naming the same ranges are answered as the ranges named once.
    expect(sameList?.['firstSyncBytes']).toBe(sameList?.['firstSyncBytesHeldOnce'])
    expect(sameList?.['changeBytes']).toBe(sameList?.['changeBytesHeldOnce'])
    expect(rows.find((r) => r.id === 'create-role')?.dispatchMs?.n).toBeGreaterThan(0)
    // No 100,000 rows: every cliff goal stays undecided.
    expect(cliffVerdicts(rows).map((v) => v.met)).toEqual(CLIFF_GOALS.map(() => null))
  })
})
