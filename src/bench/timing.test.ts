import { describe, expect, it } from 'vitest'
import { createRandom, sample } from './random.ts'
import { calibrate, roundOrder, runInterleaved, type Subject } from './timing.ts'

/** A subject whose batches "take" `msPerRep` per repetition on a fake clock; it records its calls. */
function fake(name: string, msPerRep: number, log: string[]): Subject {
  return {
    name,
    run(reps) {
      log.push(`${name}×${reps}`)
      return reps * msPerRep
    },
  }
}

const options = { rounds: 3, warmupRounds: 1, minBatchMs: 10, unitsPerRep: 1000 }

describe('timing loop', () => {
  it('grows the repetitions until a batch lasts at least minBatchMs', () => {
    const log: string[] = []
    expect(calibrate(fake('a', 0.5, log), options)).toBe(25)
    expect(log).toEqual(['a×1', 'a×10', 'a×25'])
    expect(calibrate({ ...fake('b', 0.001, []), maxReps: 500 }, options)).toBe(500)
  })

  it('rotates the order every round', () => {
    expect(roundOrder(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c'])
    expect(roundOrder(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a'])
    expect(roundOrder(['a', 'b', 'c'], 5)).toEqual(['c', 'a', 'b'])
  })

  it('keeps one sample per measured round, in ns per unit, after unrecorded warm-up', () => {
    const log: string[] = []
    const results = runInterleaved([fake('a', 1, log), fake('b', 2, log)], options)
    expect(results).toEqual([
      { name: 'a', reps: 10, samples: [1e6 / 1000, 1e6 / 1000, 1e6 / 1000] },
      { name: 'b', reps: 7, samples: [2e6 / 1000, 2e6 / 1000, 2e6 / 1000] },
    ])
    // calibration, then 1 warm-up + 3 rounds in rotated order
    expect(log.slice(-8)).toEqual(['a×10', 'b×7', 'b×7', 'a×10', 'a×10', 'b×7', 'b×7', 'a×10'])
  })

  it('calls prepare and beforeBatch, untimed, before every batch', () => {
    const calls: string[] = []
    const subject: Subject = {
      name: 's',
      prepare: (reps) => void calls.push(`prepare ${reps}`),
      run: (reps) => (calls.push(`run ${reps}`), 20),
    }
    runInterleaved([subject], {
      ...options,
      rounds: 1,
      warmupRounds: 0,
      beforeBatch: () => void calls.push('gc'),
    })
    expect(calls).toEqual(['prepare 1', 'gc', 'run 1', 'prepare 1', 'gc', 'run 1'])
  })
})

describe('seeded sampling', () => {
  it('picks k distinct items, the same ones for the same seed', () => {
    const items = Array.from({ length: 100 }, (_, i) => i)
    const a = sample(items, 10, createRandom(1))
    expect(new Set(a).size).toBe(10)
    expect(sample(items, 10, createRandom(1))).toEqual(a)
    expect(sample(items, 200, createRandom(2))).toHaveLength(100)
  })
})
