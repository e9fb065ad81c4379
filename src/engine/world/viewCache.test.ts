import { describe, expect, it, vi } from 'vitest'
import { computePermissions } from './permissions.ts'
import type * as PermissionsModule from './permissions.ts'
import { testWorld } from './testWorld.ts'

// Counts permission computations, to prove that repeated questions are answered from the cache.
vi.mock('./permissions.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof PermissionsModule>()
  return { ...actual, computePermissions: vi.fn(actual.computePermissions) }
})

describe('ViewCache', () => {
  it('answers repeated canView questions without recomputing permissions', () => {
    const { world } = testWorld()
    const computed = vi.mocked(computePermissions)
    computed.mockClear()
    for (let i = 0; i < 1000; i++) {
      world.canView('20', '100')
      world.canView('30', '100')
    }
    // Bob and carol hold the same roles (none), and no member overwrite names them: one computation.
    expect(computed).toHaveBeenCalledTimes(1)
  })

  it('computes once per role set in a channel, and apart for members an overwrite names', () => {
    const { world } = testWorld()
    const role = world.createRole('1000', { name: 'r' }).id
    world.createChannel({
      id: '101',
      guildId: '1000',
      overwrites: [
        { id: '1000', type: 0, deny: 1n << 10n },
        { id: role, type: 0, allow: 1n << 10n },
        { id: '30', type: 1, allow: 1n << 10n },
      ],
    })
    world.setMemberRoles('1000', '20', [role])
    world.createUser({ id: '50', username: 'eve' })
    world.addMember('1000', '50', { roles: [role] })
    const computed = vi.mocked(computePermissions)
    computed.mockClear()
    expect(['20', '30', '50'].map((u) => world.canView(u, '101'))).toEqual([true, true, true])
    // Bob and eve share a role set; carol's own overwrite is hers alone.
    expect(computed).toHaveBeenCalledTimes(2)
    world.setMemberRoles('1000', '50', [])
    expect(world.canView('50', '101')).toBe(false)
  })

  it('recomputes only the answers a mutation may have changed', () => {
    const { world } = testWorld()
    world.createGuild({ id: '900', name: 'H', ownerId: '40' })
    world.createChannel({ id: '901', guildId: '900' })
    const computed = vi.mocked(computePermissions)
    for (const [u, c] of [
      ['20', '100'],
      ['30', '100'],
      ['40', '901'],
    ])
      world.canView(u!, c!)
    computed.mockClear()
    world.setNick('1000', '20', 'nick only')
    world.setMemberRoles('1000', '30', [])
    world.updateRole('900', '900', { permissions: 0 })
    for (const [u, c] of [
      ['20', '100'],
      ['30', '100'],
      ['40', '901'],
    ])
      world.canView(u!, c!)
    // Bob's nick changed nothing; carol's roles did, but her new role set's answer is known (bob's
    // before); guild 900's @everyone did, and its owner is always computed.
    expect(computed).toHaveBeenCalledTimes(1)
  })
})
