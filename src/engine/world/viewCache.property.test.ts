import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createWorld } from './createWorld.ts'
import type { MemberHolder } from './internal.ts'
import { hasPermission, Permissions } from './permissions.ts'
import { testContext } from './testWorld.ts'

/**
 * canView's memos (per user, per role set), read by `canView` and `viewersOf` alike, against Discord's algorithm computed afresh: after any
 * history of overwrite changes (each forgets only the answers it can alter), role and member changes,
 * every answer is the one `permissions` computes now.
 */
const G = '1000'
const USERS = ['10', '20', '30', '40', '50']
const ROLES = ['2001', '2002']
const CHANNELS = ['100', '101']
const VIEW = Permissions.VIEW_CHANNEL

type Step =
  | { kind: 'overwrites'; channel: number; entries: [number, number][] }
  | { kind: 'roles'; user: number; roles: boolean[] }
  | { kind: 'permissions'; role: number; view: boolean }
  | { kind: 'ask'; user: number; channel: number }
  | { kind: 'membership'; user: number }

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('overwrites' as const),
    channel: fc.nat(1),
    // [who (0-1 roles, 2 @everyone, 3-4 members), 0 allow / 1 deny / 2 other bit]
    entries: fc.uniqueArray(fc.tuple(fc.nat(4), fc.nat(2)), {
      selector: ([who]) => who,
      maxLength: 4,
    }),
  }),
  fc.record({
    kind: fc.constant('roles' as const),
    user: fc.nat(USERS.length - 1),
    roles: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
  }),
  fc.record({ kind: fc.constant('permissions' as const), role: fc.nat(1), view: fc.boolean() }),
  // A member (not the owner) leaves, or joins back: a kept member record is stale from then on.
  fc.record({ kind: fc.constant('membership' as const), user: fc.integer({ min: 1, max: 4 }) }),
  fc.record({
    kind: fc.constant('ask' as const),
    user: fc.nat(USERS.length - 1),
    channel: fc.nat(1),
  }),
)

describe('canView and viewersOf memos', () => {
  it('always answer what the permission algorithm computes now', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 50 }), (steps) => {
        const world = createWorld(testContext())
        for (const id of USERS) world.createUser({ id, username: `u${id}` })
        world.createGuild({ id: G, name: 'G', ownerId: '10' })
        for (const id of USERS.slice(1)) world.addMember(G, id)
        for (const id of ROLES) world.createRole(G, { id, name: id })
        for (const id of CHANNELS) world.createChannel({ id, guildId: G })
        // viewersOf (one channel, many users: a fan-out filter) reads and fills the same memos, so
        // it is asked first about half the time: each must answer right after the other filled them.
        let round = 0
        const holders = new Map<string, MemberHolder>(
          USERS.map((u) => [u, { memberGuild: null, memberVersion: 0, memberRecord: undefined }]),
        )
        const check = () => {
          for (const c of CHANNELS) {
            const many = world.viewersOf(c)
            const first = round++ % 2 === 0
            for (const u of USERS) {
              const expected = hasPermission(world.permissions(u, c), VIEW)
              // Each user's holder lives across the whole history, as a session's does.
              const holder = holders.get(u) as MemberHolder
              if (first) expect(many(u, holder)).toBe(expected)
              expect(world.canView(u, c)).toBe(expected)
              expect(many(u)).toBe(expected)
              expect(many(u, holder)).toBe(expected)
            }
            expect(many('99')).toBe(false) // not a member
          }
          expect(world.viewersOf('404')('10')).toBe(false) // no such channel
        }
        for (const s of steps) {
          if (s.kind === 'overwrites') {
            const overwrites = s.entries.map(([who, bit]) => {
              const id = who < 2 ? ROLES[who]! : who === 2 ? G : USERS[who]!
              const bits = bit === 2 ? Permissions.SEND_MESSAGES : VIEW
              return {
                id,
                type: (who > 2 ? 1 : 0) as 0 | 1,
                ...(bit === 1 ? { deny: bits } : { allow: bits }),
              }
            })
            world.updateChannel(CHANNELS[s.channel]!, { overwrites })
          } else if (s.kind === 'membership') {
            const user = USERS[s.user]!
            if (world.member(G, user)) world.removeMember(G, user)
            else world.addMember(G, user)
          } else if (s.kind === 'roles') {
            if (!world.member(G, USERS[s.user]!)) continue
            world.setMemberRoles(
              G,
              USERS[s.user]!,
              ROLES.filter((_, i) => s.roles[i]),
            )
          } else if (s.kind === 'permissions') {
            world.updateRole(G, ROLES[s.role]!, { permissions: s.view ? VIEW : 0n })
          } else if (s.user % 2 === 0) world.canView(USERS[s.user]!, CHANNELS[s.channel]!)
          else world.viewersOf(CHANNELS[s.channel]!)(USERS[s.user]!)
          check()
        }
      }),
      { numRuns: 300 },
    )
    // Every step asks canView and viewersOf about every user and channel: seconds on a busy machine.
  }, 30_000)
})
