import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Session } from '../gateway/session.ts'
import { createInspector } from '../trace/inspector.ts'
import { SessionLists } from './sessionLists.ts'
import type { BackendContext } from './types.ts'

const SESSIONS = 40

function lists(): SessionLists {
  // Only the inspector is read on a subscribe or unsubscribe (and it has no listener here).
  const inspector = createInspector({ now: () => 0, onListenerError: () => {} })
  return new SessionLists('guild', { inspector } as unknown as BackendContext)
}

/**
 * `inListOrder` (the sessions of a few users, found through them) is the list filtered to them, in the
 * list's order, after any history of subscribes and unsubscribes (holes, compactions, re-subscribes).
 */
describe('SessionLists.inListOrder', () => {
  it('is sessions(key) filtered to the candidates, in the same order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.nat(SESSIONS - 1)), { maxLength: 200 }),
        fc.uniqueArray(fc.nat(SESSIONS - 1), { maxLength: SESSIONS }),
        (steps, picked) => {
          const l = lists()
          const sessions = Array.from(
            { length: SESSIONS },
            (_, i) =>
              new Session({
                sessionId: `s${i}`,
                userId: String(10 + i),
                shard: [0, 1],
                intents: 0,
                resumeBufferSize: 4,
              }),
          )
          // A second list the sessions are also in, so their reverse indexes hold several entries.
          for (const s of sessions) l.add('other', s)
          for (const [add, i] of steps) {
            const session = sessions[i] as Session
            if (add) l.add('g', session)
            else l.remove('g', session)
          }
          const candidates = picked.map((i) => sessions[i] as Session)
          const wanted = new Set(candidates)
          expect(l.inListOrder('g', candidates)).toEqual(
            l.sessions('g').filter((s) => wanted.has(s)),
          )
          expect(l.inListOrder('none', candidates)).toEqual([])
        },
      ),
      { numRuns: 300 },
    )
  })
})
