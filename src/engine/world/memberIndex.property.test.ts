import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createWorld } from './createWorld.ts'
import { testContext } from './testWorld.ts'

/**
 * The role index (memberIndex.ts) against a scan of the members: after any history of joins, leaves,
 * role changes, role deletions and a snapshot round trip, `roleMemberIds` lists exactly the members
 * holding the role, in join order (the order of `members()`), and `inJoinOrder` orders any ids so.
 */
const USERS = ['10', '20', '30', '40', '50', '60']
const GUILD = '1000'

type Step =
  | { kind: 'join' | 'leave'; user: number; roles: boolean[] }
  | { kind: 'roles'; user: number; roles: boolean[] }
  | { kind: 'create' | 'delete'; role: number }
  | { kind: 'restore' }

const roles = fc.array(fc.boolean(), { minLength: 4, maxLength: 4 })
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constantFrom('join' as const, 'leave' as const), user: fc.nat(5), roles }),
  fc.record({ kind: fc.constant('roles' as const), user: fc.nat(5), roles }),
  fc.record({ kind: fc.constantFrom('create' as const, 'delete' as const), role: fc.nat(3) }),
  fc.record({ kind: fc.constant('restore' as const) }),
)

describe('the role index', () => {
  it('lists each role’s members in join order after any history', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const world = createWorld(testContext())
        for (const id of USERS) world.createUser({ id, username: `u${id}` })
        world.createGuild({ id: GUILD, name: 'G', ownerId: '10' })
        const roleIds = ['2001', '2002', '2003', '2004']
        const live = () => roleIds.filter((id) => world.role(GUILD, id) !== undefined)
        const pick = (flags: boolean[]) => live().filter((id) => flags[roleIds.indexOf(id)])
        for (const id of roleIds) world.createRole(GUILD, { id, name: id })
        for (const s of steps) {
          const user = 'user' in s ? USERS[s.user]! : ''
          const isMember = world.member(GUILD, user) !== undefined
          if (s.kind === 'join' && !isMember) world.addMember(GUILD, user, { roles: pick(s.roles) })
          else if (s.kind === 'leave' && isMember && user !== '10') world.removeMember(GUILD, user)
          else if (s.kind === 'roles' && isMember) world.setMemberRoles(GUILD, user, pick(s.roles))
          else if (s.kind === 'create' && world.role(GUILD, roleIds[s.role]!) === undefined)
            world.createRole(GUILD, { id: roleIds[s.role]!, name: 'again' })
          else if (s.kind === 'delete' && world.role(GUILD, roleIds[s.role]!) !== undefined)
            world.deleteRole(GUILD, roleIds[s.role]!)
          else if (s.kind === 'restore') world.restore(world.snapshot())
          const members = world.members(GUILD)
          for (const role of roleIds) {
            const naive = members.filter((m) => m.roles.includes(role)).map((m) => m.user_id)
            expect(world.roleMemberIds(GUILD, role)).toEqual(naive)
          }
          const shuffled = [...USERS].reverse()
          expect(world.inJoinOrder(GUILD, shuffled)).toEqual(members.map((m) => m.user_id))
        }
      }),
      { numRuns: 300 },
    )
  })
})
