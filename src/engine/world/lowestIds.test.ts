import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareSnowflakes } from '../ids.ts'
import { createWorld } from './createWorld.ts'
import { LOWEST_IDS_CAPACITY, LowestIds } from './lowestIds.ts'
import { expectRefused, testContext } from './testWorld.ts'

/** A world with guild 1 owned by user 1 and the given extra member ids. */
function guildWith(ids: readonly string[]) {
  const ctx = testContext()
  const world = createWorld(ctx)
  world.createUser({ id: '1', username: 'owner' })
  world.createGuild({ id: '1', name: 'G', ownerId: '1' })
  for (const id of ids) {
    world.createUser({ id, username: `u${id}` })
    world.addMember('1', id)
  }
  return { world, ctx }
}

const sorted = (ids: Iterable<string>) => [...ids].sort(compareSnowflakes)

describe('lowestMemberIds', () => {
  it('returns the n numerically lowest member ids, ascending', () => {
    const { world } = guildWith(['300', '20', '1000', '5', '41'])
    expect(world.lowestMemberIds('1', 4)).toEqual(['1', '5', '20', '41'])
    expect(world.lowestMemberIds('1', 250)).toEqual(['1', '5', '20', '41', '300', '1000'])
    expect(world.lowestMemberIds('1', 0)).toEqual([])
    expect(world.lowestMemberIds('404', 10)).toEqual([])
  })

  it('compares ids as numbers, not strings, beyond 2^53', () => {
    const big = ['18446744073709551615', '9007199254740993', '9007199254740992', '99']
    const { world } = guildWith(big)
    expect(world.lowestMemberIds('1', 5)).toEqual([
      '1',
      '99',
      '9007199254740992',
      '9007199254740993',
      '18446744073709551615',
    ])
  })

  it('moves the next lowest member up when a kept member leaves a large guild', () => {
    const ids = Array.from({ length: 400 }, (_, i) => String(1000 + i))
    const { world } = guildWith(ids)
    expect(world.lowestMemberIds('1', 250).at(-1)).toBe('1248')
    world.removeMember('1', '1000')
    world.removeMember('1', '1100')
    expect(world.lowestMemberIds('1', 250)).toEqual(
      sorted(['1', ...ids])
        .filter((id) => id !== '1000' && id !== '1100')
        .slice(0, 250),
    )
    world.removeMember('1', '1399')
    expect(world.lowestMemberIds('1', 3)).toEqual(['1', '1001', '1002'])
  })

  it('refuses n outside 0..250', () => {
    const { world, ctx } = guildWith([])
    for (const n of [-1, 251, 2.5, NaN]) {
      expectRefused(world, ctx, () => world.lowestMemberIds('1', n), 'INVALID_INPUT', /0 to 250/)
    }
  })

  it('always equals a full sort of the members, whatever the joins and leaves', () => {
    // Ids from a small range and big batches: guilds pass 250 members and leaves hit kept ids.
    const id = fc.integer({ min: 2, max: 800 }).map(String)
    const batch = fc.array(id, { minLength: 1, maxLength: 300, size: 'max' })
    const step = fc.record({ join: fc.boolean(), ids: batch })
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 12 }),
        fc.integer({ min: 0, max: 250 }),
        (steps, n) => {
          const { world } = guildWith([])
          const members = new Set(['1'])
          for (const { join, ids } of steps) {
            for (const u of ids) {
              if (!world.user(u)) world.createUser({ id: u, username: 'u' })
              if (join && !members.has(u)) {
                world.addMember('1', u)
                members.add(u)
              } else if (!join && members.has(u) && u !== '1') {
                world.removeMember('1', u)
                members.delete(u)
              }
            }
            expect(world.lowestMemberIds('1', n)).toEqual(sorted(members).slice(0, n))
          }
        },
      ),
      // Shrinking batches of hundreds of ids takes minutes, so a failure is reported unshrunk.
      { numRuns: 60, endOnFailure: true },
    )
  })
})

describe('LowestIds', () => {
  it('keeps at most 250 ids and scans only when a kept id leaves a larger guild', () => {
    const index = new LowestIds()
    for (let i = 1; i <= 300; i++) index.add(String(i))
    expect(index.lowest(LOWEST_IDS_CAPACITY + 10)).toHaveLength(LOWEST_IDS_CAPACITY)
    let scans = 0
    const remaining = (ids: string[]) => () => {
      scans++
      return ids
    }
    const all = Array.from({ length: 300 }, (_, i) => String(i + 1))
    index.remove('299', remaining(all.filter((x) => x !== '299')), 299)
    expect(scans).toBe(0)
    index.remove('5', remaining(all.filter((x) => x !== '299' && x !== '5')), 298)
    expect(scans).toBe(1)
    expect(index.lowest(250).at(-1)).toBe('251')
  })
})
