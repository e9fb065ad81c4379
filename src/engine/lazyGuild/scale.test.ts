import { describe, expect, it } from 'vitest'
import { createRandom } from '../random.ts'
import { applyOps } from './clientCopy.ts'
import { compareMembers, OFFLINE_GROUP, ONLINE_GROUP, type ListMember } from './listMember.ts'
import { MemberList } from './memberList.ts'
import { ListSubscription } from './subscription.ts'
import type { Range } from './types.ts'

// A 100,000-member guild: the list must stay incremental. Nothing here is timed; the default test
// timeout is the budget (a full re-sort per change would be ~1,000 sorts of 100,000 members).

const ORDER = ['3001', '3002', '3003', ONLINE_GROUP, OFFLINE_GROUP]

describe('MemberList at scale', () => {
  it('takes 100,000 members and 1,000 presence changes, and stays consistent', () => {
    const random = createRandom(7)
    const pick = (n: number) => random.nextUint32() % n
    const name = () => Array.from({ length: 6 }, () => 'abcdefghij'[pick(10)]).join('')
    const groupFor = () => {
      const roll = pick(100)
      return roll < 3 ? (ORDER[roll] as string) : roll < 35 ? ONLINE_GROUP : OFFLINE_GROUP
    }
    const list = new MemberList(ORDER)
    const members: ListMember[] = []
    for (let i = 0; i < 100_000; i++) {
      const userId = String(
        80_000_000_000_000_000n + BigInt(random.nextUint32()) * 1_000_000n + BigInt(i),
      )
      const member = { userId, groupId: groupFor(), sortName: name(), item: { userId, v: 0 } }
      members.push(member)
      list.upsert(member)
    }
    const ranges: Range[] = [
      [0, 99],
      [50_000, 50_099],
    ]
    const sub = new ListSubscription()
    const copy = applyOps([], sub.request(list, ranges))

    for (let change = 1; change <= 1_000; change++) {
      const at = pick(members.length)
      const old = members[at] as ListMember
      const status = pick(3)
      // Online ↔ offline moves, or an in-place change (idle/dnd) within the same group.
      const groupId = status === 0 ? OFFLINE_GROUP : status === 1 ? groupFor() : old.groupId
      const next = { ...old, groupId, item: { userId: old.userId, v: change } }
      members[at] = next
      applyOps(copy, sub.update(list.upsert(next), list) ?? [])
    }

    const rank = new Map(ORDER.map((id, index) => [id, index]))
    const sorted = [...members].sort(
      (a, b) => (rank.get(a.groupId) ?? 0) - (rank.get(b.groupId) ?? 0) || compareMembers(a, b),
    )
    const groups = ORDER.map((id) => ({ id, count: sorted.filter((m) => m.groupId === id).length }))
    expect(list.groups()).toEqual(groups.filter((g) => g.count > 0))
    expect(list.length).toBe(100_000 + list.groups().length)
    expect(list.onlineCount).toBe(100_000 - (groups.at(-1)?.count ?? 0))

    // Flat index of sorted[i] = i + the headers of its group and every group before it.
    const headersUpTo = (groupId: string) =>
      groups.filter((g, index) => g.count > 0 && index <= (rank.get(groupId) ?? 0)).length
    for (let probe = 0; probe < 500; probe++) {
      const i = pick(sorted.length)
      const member = sorted[i] as ListMember
      const index = i + headersUpTo(member.groupId)
      expect(list.indexOf(member.userId)).toBe(index)
      expect(list.itemAt(index)).toEqual({ member: member.item })
    }
    for (const [start, end] of ranges) {
      expect(copy.slice(start, end + 1)).toEqual(list.slice(start, end))
    }
  }, 60_000)
})
