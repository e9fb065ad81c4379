import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Session } from './session.ts'
import { UserSessions } from './userSessions.ts'

/**
 * The per-user session index against the naive list it replaced (an array per user, copied on every
 * insert and remove): after any history of adds, removes and reads, every user's list, order and
 * count are the same, and a list handed out before a change still reads as it did (a fan-out iterating
 * it never sees it change).
 */
const USERS = ['1', '2', '3']

type Step =
  { kind: 'add'; user: number } | { kind: 'remove'; pick: number } | { kind: 'read'; user: number }

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), user: fc.nat(USERS.length - 1) }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat(1000) }),
  fc.record({ kind: fc.constant('read' as const), user: fc.nat(USERS.length - 1) }),
)

function session(n: number, userId: string): Session {
  return new Session({
    sessionId: n.toString(16).padStart(32, '0'),
    userId,
    shard: [0, 1],
    intents: 0,
    resumeBufferSize: 4,
  })
}

describe('UserSessions', () => {
  it('equals a naive copied list per user after any history, and lists handed out never change', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        const index = new UserSessions()
        const naive = new Map<string, Session[]>()
        const open: Session[] = []
        const handedOut: [readonly Session[], Session[]][] = []
        let made = 0
        for (const s of steps) {
          if (s.kind === 'add') {
            const userId = USERS[s.user] as string
            const added = session(made++, userId)
            index.add(added)
            naive.set(userId, [...(naive.get(userId) ?? []), added])
            open.push(added)
          } else if (s.kind === 'remove') {
            if (open.length === 0) continue
            const [gone] = open.splice(s.pick % open.length, 1) as [Session]
            index.remove(gone)
            index.remove(gone) // removing an absent session is a no-op
            naive.set(
              gone.userId,
              (naive.get(gone.userId) ?? []).filter((x) => x !== gone),
            )
          } else {
            const list = index.of(USERS[s.user] as string)
            handedOut.push([list, [...list]])
          }
          for (const userId of USERS) {
            const expected = naive.get(userId) ?? []
            expect(index.of(userId)).toEqual(expected)
            expect(index.count(userId)).toBe(expected.length)
          }
        }
        for (const [list, asRead] of handedOut) expect(list).toEqual(asRead)
      }),
      { numRuns: 300 },
    )
  })
})
