import { describe, expect, it } from 'vitest'
import { createRandom as createGenerator } from '../random.ts'
import { MemberList } from './memberList.ts'
import { OrderTree } from './orderTree.ts'
import { sortInSteps } from './sortInSteps.ts'
import { OFFLINE_GROUP, ONLINE_GROUP, type ListMember } from './listMember.ts'

/** Uniform in [0, 1), seeded. */
function createRandom(seed: number): () => number {
  const generator = createGenerator(seed)
  return () => generator.nextUint32() / 2 ** 32
}

const ORDER = ['900', '800', ONLINE_GROUP, OFFLINE_GROUP]

function members(n: number, seed: number): ListMember[] {
  const random = createRandom(seed)
  return Array.from({ length: n }, (_, i) => {
    const userId = String(1000 + i)
    const groupId = ORDER[Math.floor(random() * ORDER.length)] as string
    // Few distinct names: most ties are broken by user id.
    const sortName = `name${Math.floor(random() * (n / 4 + 1))}`
    return { userId, groupId, sortName, item: { userId } }
  })
}

describe('building a member list in one go (MemberList.fill)', () => {
  it('gives the same list as upserting the members one by one, then behaves the same', () => {
    for (const [n, seed] of [
      [0, 1],
      [1, 2],
      [7, 3],
      [500, 4],
      [3000, 5],
    ] as const) {
      const all = members(n, seed)
      const upserted = new MemberList(ORDER)
      for (const m of all) upserted.upsert(m)
      const filled = new MemberList(ORDER)
      filled.fill(all)
      expect(filled.length).toBe(upserted.length)
      expect(filled.groups()).toEqual(upserted.groups())
      expect(filled.slice(0, filled.length)).toEqual(upserted.slice(0, upserted.length))
      expect(filled.entries()).toEqual(upserted.entries())
      for (const m of all.slice(0, 50))
        expect(filled.indexOf(m.userId)).toBe(upserted.indexOf(m.userId))
      // Later changes: same edits from both.
      const random = createRandom(seed + 100)
      for (let i = 0; i < Math.min(n, 200); i++) {
        const m = all[Math.floor(random() * n)] as ListMember
        const next = {
          ...m,
          groupId: ORDER[Math.floor(random() * ORDER.length)] as string,
          sortName: `x${i}`,
        }
        expect(filled.upsert(next)).toEqual(upserted.upsert(next))
        if (i % 7 === 0) expect(filled.remove(m.userId)).toEqual(upserted.remove(m.userId))
      }
      expect(filled.slice(0, filled.length)).toEqual(upserted.slice(0, upserted.length))
    }
  })

  it('refuses a list that is not empty, a user given twice, and a group not in the order', () => {
    const list = new MemberList(ORDER)
    const [a, b] = members(2, 9) as [ListMember, ListMember]
    expect(() => list.fill([a, a])).toThrow(/twice/)
    expect(() => new MemberList(ORDER).fill([{ ...b, groupId: 'nope' }])).toThrow(
      /not in this list's order/,
    )
    const full = new MemberList(ORDER)
    full.upsert(a)
    expect(() => full.fill([b])).toThrow(/empty member list only/)
  })
})

describe('OrderTree.fillSorted', () => {
  it('holds the sorted values with their ranks, and stays a working tree', () => {
    const tree = new OrderTree<number>((x, y) => x - y)
    const values = Array.from({ length: 2000 }, (_, i) => i * 2)
    tree.fillSorted(values)
    expect(tree.size).toBe(2000)
    expect(tree.slice()).toEqual(values)
    expect(tree.rank(1000)).toBe(500)
    expect(tree.at(1999)).toBe(3998)
    tree.insert(1001)
    expect(tree.rank(1002)).toBe(502)
    expect(tree.delete(0)).toBe(true)
    expect(tree.slice(0, 3)).toEqual([2, 4, 6])
    expect(() => tree.fillSorted([1])).toThrow(/empty tree only/)
  })
})

describe('sortInSteps', () => {
  it('sorts as Array.prototype.sort does (stable), yielding along the way, and leaves its input', () => {
    const random = createRandom(77)
    for (const n of [0, 1, 2, 5, 100, 1023, 1024, 1025, 5000]) {
      for (const every of [1, 3, 64, 1000, 4096, Infinity]) {
        const items = Array.from({ length: n }, (_, i) => ({ key: Math.floor(random() * 50), i }))
        const before = items.slice()
        const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key
        const job = sortInSteps(items, byKey, every)
        let yields = 0
        let next = job.next()
        while (!next.done) {
          yields++
          next = job.next()
        }
        expect(next.value).toEqual(items.slice().sort(byKey))
        expect(items).toEqual(before)
        if (every < n) expect(yields).toBeGreaterThan(0)
      }
    }
  })
})

describe('MemberList.fillInSteps', () => {
  it('yields while it sorts a large group, and gives the list fill gives', () => {
    const all = members(6000, 12)
    const stepped = new MemberList(ORDER)
    let yields = 0
    for (const _ of stepped.fillInSteps(all, 500)) yields++
    const filled = new MemberList(ORDER)
    filled.fill(all)
    expect(yields).toBeGreaterThan(10)
    expect(stepped.slice(0, stepped.length)).toEqual(filled.slice(0, filled.length))
  })

  it('changes nothing when refused half way through its input', () => {
    const [a, b] = members(2, 13) as [ListMember, ListMember]
    const list = new MemberList(ORDER)
    expect(() => list.fill([a, b, a])).toThrow(/twice/)
    expect(list.memberCount).toBe(0)
    list.fill([a, b])
    expect(list.memberCount).toBe(2)
  })
})
