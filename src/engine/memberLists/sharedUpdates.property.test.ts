import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Range } from '../lazyGuild/index.ts'
import { applyOps, type ClientCopy } from '../lazyGuild/index.ts'
import { fixtureL, L } from '../testing/fixtureL.ts'
import { label, updates } from '../testing/memberListFrames.ts'
import type { GatewayState } from '../types.ts'

/**
 * Holders of the same ranges share one member-list payload (one plan per shape, one frozen payload,
 * like a guild dispatch's recipients), and sharing changes nothing a client sees: over random histories
 * of presence, nick and role changes and requests, two sessions that always ask for the same ranges get
 * the very same `d` object in each update, and every session's copy stays exact in its ranges.
 */
const range = fc.nat(8).chain((start) => fc.nat(5).map((len): Range => [start, start + len]))

type Step =
  | { kind: 'presence'; user: number; status: 'online' | 'idle' | 'offline' }
  | { kind: 'nick'; user: number; nick: string | null }
  | { kind: 'roles'; user: number; mods: boolean }
  | { kind: 'request'; pair: number; ranges: Range[] }

const MOVERS = [L.carl, L.eve, L.bob] as const

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('presence' as const),
    user: fc.nat(MOVERS.length - 1),
    status: fc.constantFrom('online' as const, 'idle' as const, 'offline' as const),
  }),
  fc.record({
    kind: fc.constant('nick' as const),
    user: fc.nat(MOVERS.length - 1),
    nick: fc.constantFrom('aa', 'Zz', 'carla', null),
  }),
  fc.record({
    kind: fc.constant('roles' as const),
    user: fc.nat(MOVERS.length - 1),
    mods: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('request' as const),
    pair: fc.nat(1),
    ranges: fc.array(range, { minLength: 1, maxLength: 2 }),
  }),
)

describe('member-list updates shared by holders of the same ranges', () => {
  it('give both sessions of a pair the same payload object, and keep every copy exact', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (history) => {
        const { sim, V, B, C, E } = fixtureL()
        const V2 = sim.gateway.identify({ userId: L.alice })
        const B2 = sim.gateway.identify({ userId: L.bob })
        const pairs: [GatewayState, GatewayState][] = [
          [V, V2],
          [B, B2],
        ]
        const heldBy = new Map<GatewayState, Range[]>()
        const request = (session: GatewayState, ranges: Range[]) => {
          sim.gateway.requestMemberList(session.sessionId, L.guild, {
            [L.general]: ranges.map(([a, b]): [number, number] => [a, b]),
          })
          heldBy.set(session, ranges)
        }
        for (const [a, b] of pairs) for (const s of [a, b]) request(s, [[0, 3]])
        request(C, [[2, 6]])
        const sessionOf = (userId: string) => (userId === L.bob ? B : userId === L.eve ? E : C)
        for (const s of history) {
          const marks = pairs.map(([a, b]) => [a.frames.length, b.frames.length] as const)
          const user = 'user' in s ? MOVERS[s.user]! : ''
          if (s.kind === 'presence')
            sim.gateway.updatePresence(sessionOf(user).sessionId, { status: s.status })
          else if (s.kind === 'nick') sim.actions.setNick(L.guild, user, s.nick)
          else if (s.kind === 'roles')
            sim.actions.setMemberRoles(L.guild, user, s.mods ? [L.mods] : [])
          else for (const session of pairs[s.pair]!) request(session, s.ranges)
          // The pair's sessions got the same updates, each change's with the very same payload object.
          pairs.forEach(([a, b], i) => {
            const [ma, mb] = marks[i]!
            const got = [updates(a, ma), updates(b, mb)]
            expect(got[0]!.length).toBe(got[1]!.length)
            // (A request is answered to its own session: the pair's two requests are two sends.)
            if (s.kind === 'request') expect(got[0]).toEqual(got[1])
            else got[0]!.forEach((d, j) => expect(d).toBe(got[1]![j]))
          })
          // Truth: a fresh SYNC of the whole list, through Eve's session (never a holder above).
          const mark = E.frames.length
          sim.gateway.requestMemberList(E.sessionId, L.guild, { [L.general]: [[0, 99]] })
          const sync = updates(E, mark)[0]!.ops[0]!
          const truth = sync.op === 'SYNC' ? sync.items.map(label) : []
          for (const [session, ranges] of heldBy) {
            const copy = updates(session).reduce<ClientCopy>((c, u) => applyOps(c, u.ops), [])
            for (const [start, end] of ranges) {
              for (let i = start; i <= end; i++) expect(label(copy[i])).toBe(truth[i] ?? '-')
            }
          }
        }
      }),
      { numRuns: 120 },
    )
  }, 60_000)
})
