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
    expect(computed).toHaveBeenCalledTimes(2)
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
    // Bob's nick changed nothing; carol's roles and guild 900's @everyone did.
    expect(computed).toHaveBeenCalledTimes(2)
  })
})
