import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readModel, sessionDirectory } from '../graphModel.ts'
import { EngineRuntime } from './EngineRuntime.ts'
import { callArb, recordAll } from '../testing/randomCalls.ts'
import { rebuild, type Checkpoints } from './checkpoints.ts'

describe('graph models shared between steps', () => {
  // Property tests: a few seconds of fast-check, more on a loaded machine.
  it('equal a model read from scratch, whatever the step touched', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.array(callArb, { minLength: 1, maxLength: 14 }), (calls) => {
        const { steps } = recordAll(calls, new Map() as Checkpoints)
        const runtime = new EngineRuntime()
        runtime.reset(9)
        for (let n = 0; n <= steps.length; n++) {
          // Step by step, as the playground reads them: each shares with the one before.
          const shared = runtime.modelAt(steps, n)
          const fresh = readModel(rebuild(9, steps, n).sim, sessionDirectory(steps, n))
          expect(shared).toEqual(fresh)
        }
      }),
      { numRuns: 40 },
    )
  })

  it('share the lists a dispatch does not change', () => {
    const { steps } = recordAll(
      [
        { target: 'gateway', method: 'identify', args: [{ userId: '10' }] },
        { target: 'gateway', method: 'identify', args: [{ userId: '11' }] },
        {
          target: 'dispatcher',
          method: 'dispatch',
          args: ['guild', '20971520', 'GUILD_UPDATE', {}],
        },
      ],
      new Map(),
    )
    const runtime = new EngineRuntime()
    runtime.reset(9)
    const before = runtime.modelAt(steps, steps.length - 1)
    const after = runtime.modelAt(steps, steps.length)
    expect(after.users).toBe(before.users)
    expect(after.sessions).toBe(before.sessions)
    expect(after.directory).toBe(before.directory)
    expect(after.topics.find((t) => t.backend === 'guild')).toBe(
      before.topics.find((t) => t.backend === 'guild'),
    )
  })
})
