import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Simulation } from './simulation.ts'
import { command, GUILDS, runCommand, startHistory, USERS } from './testing/histories.ts'
import type { BackendName, Key } from './types.ts'

/**
 * docs/design/semantics.md §4 and §10 (turn 3): `dispatchManyFilterList` gives each session the event
 * at most once across all its keys, and a session counts as reached when it was delivered to,
 * buffered, or its send failed (that frame took a seq and waits in the resume buffer). Checked on the
 * sessions' seqs, the engine's own count of what each was queued, at random points of random
 * histories (failing sockets, disconnects and resumes included).
 */
const KEYS: [BackendName, Key[]][] = [
  ['guild', GUILDS],
  ['channel', ['100', '101', '200']],
  ['user', USERS],
  ['friend', USERS],
  [
    'member',
    [
      [GUILDS[0]!, '20'],
      [GUILDS[1]!, '40'],
    ],
  ],
  ['lazy_guild', GUILDS],
]

const manyList = fc.record({
  backend: fc.nat(KEYS.length - 1),
  keys: fc.array(fc.nat(10), { minLength: 1, maxLength: 4 }),
  already: fc.nat(3),
})

function seqs(sim: Simulation): Map<string, number> {
  return new Map(sim.states.all().map((s) => [s.sessionId, s.seq]))
}

describe('dispatchManyFilterList over random histories', () => {
  // A property test: a few seconds of fast-check, more on a loaded machine.
  it(
    'queues the event at most once per session, and lists exactly the sessions it queued it for',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(command, fc.option(manyList, { nil: undefined })), {
            maxLength: 40,
            size: 'max',
          }),
          (steps) => {
            const { sim, state } = startHistory()
            for (const [c, many] of steps) {
              runCommand(sim, state, c)
              if (!many) continue
              const [backend, keys] = KEYS[many.backend]!
              const chosen = many.keys.map((k) => keys[k % keys.length]!)
              const initial = sim.states
                .all()
                .slice(0, many.already)
                .map((s) => s.sessionId)
              const before = seqs(sim)
              const list = sim.dispatcher.dispatchManyFilterList(
                backend,
                chosen,
                [...initial],
                'MANY_LIST',
                { n: 1 },
              )
              const queued: string[] = []
              for (const [id, seq] of seqs(sim)) {
                const grew = seq - (before.get(id) ?? seq)
                expect(grew).toBeLessThanOrEqual(1)
                if (grew === 1) queued.push(id)
              }
              expect(list.slice(0, initial.length)).toEqual(initial)
              expect(list.slice(initial.length).sort()).toEqual(queued.sort())
              expect(new Set(list).size).toBe(list.length)
            }
          },
        ),
        { numRuns: 150 },
      )
    },
  )
})
