import { describe, expect, it } from 'vitest'
import { EngineError } from '../errors.ts'
import type { ListMember } from './listMember.ts'
import { MemberList } from './memberList.ts'

/**
 * Fixture L (docs/design/litecord-notes.md §6): hoisted Admins 2001 (pos 2), Mods 2002 (pos 1);
 * Plain not.
 */
function fixtureL() {
  const list = new MemberList(['2001', '2002', 'online', 'offline'])
  const alice = member('101', '2001', 'alice')
  const bob = member('102', '2002', 'Bob')
  const carl = member('103', 'online', 'carl')
  const dave = member('104', 'offline', 'dave')
  const eve = member('105', 'online', 'Eve') // idle, only the non-hoisted Plain role
  for (const m of [alice, bob, carl, dave, eve]) list.upsert(m)
  return { list, alice, bob, carl, dave, eve }
}

function member(userId: string, groupId: string, name: string, status = 'online'): ListMember {
  return { userId, groupId, sortName: name.toLowerCase(), item: { id: userId, name, status } }
}

const header = (id: string, count: number) => ({ group: { id, count } })
const row = (m: ListMember) => ({ member: m.item })

describe('MemberList', () => {
  it('lays out fixture L as headers and sorted members (litecord-notes §6 example 9)', () => {
    const { list, alice, bob, carl, dave, eve } = fixtureL()
    expect(list.slice(0, 99)).toEqual([
      header('2001', 1),
      row(alice),
      header('2002', 1),
      row(bob),
      header('online', 2),
      row(carl),
      row(eve),
      header('offline', 1),
      row(dave),
    ])
    expect(list.length).toBe(9)
    expect(list.groups()).toEqual([
      { id: '2001', count: 1 },
      { id: '2002', count: 1 },
      { id: 'online', count: 2 },
      { id: 'offline', count: 1 },
    ])
    expect([list.memberCount, list.onlineCount]).toEqual([5, 4])
    expect(['101', '102', '103', '105', '104', '999'].map((id) => list.indexOf(id))).toEqual([
      1, 3, 5, 6, 8, -1,
    ])
    expect(list.itemAt(7)).toEqual(header('offline', 1))
    expect(list.itemAt(9)).toBeUndefined()
    expect(list.itemAt(-1)).toBeUndefined()
    expect(list.slice(4, 6)).toEqual([header('online', 2), row(carl), row(eve)])
  })

  it('changes a member in place with one UPDATE (carl online → dnd, example 11)', () => {
    const { list, carl } = fixtureL()
    const dnd = member(carl.userId, 'online', 'carl', 'dnd')
    const change = list.upsert(dnd)
    expect(change.edits).toEqual([{ op: 'UPDATE', index: 5, item: row(dnd) }])
    expect(change.firstIndex).toBe(5)
    expect(list.itemAt(5)).toEqual(row(dnd))
  })

  it('moves a member between groups in client-apply order (carl goes offline, example 11)', () => {
    const { list, carl } = fixtureL()
    const offline = member(carl.userId, 'offline', 'carl', 'offline')
    const change = list.upsert(offline)
    expect(change.edits).toEqual([
      { op: 'DELETE', index: 5 },
      { op: 'UPDATE', index: 4, item: header('online', 1) },
      { op: 'INSERT', index: 7, item: row(offline) },
      { op: 'UPDATE', index: 6, item: header('offline', 2) },
    ])
    expect(change.lengthBefore).toBe(9)
    expect(list.onlineCount).toBe(3)
  })

  it('inserts a header when a group appears and deletes it when the group empties', () => {
    const { list, alice } = fixtureL()
    const demoted = member(alice.userId, 'online', 'alice')
    expect(list.upsert(demoted).edits).toEqual([
      { op: 'DELETE', index: 1 },
      { op: 'DELETE', index: 0 },
      { op: 'INSERT', index: 3, item: row(demoted) },
      { op: 'UPDATE', index: 2, item: header('online', 3) },
    ])
    expect(list.upsert(alice).edits).toEqual([
      { op: 'DELETE', index: 3 },
      { op: 'UPDATE', index: 2, item: header('online', 2) },
      { op: 'INSERT', index: 0, item: header('2001', 1) },
      { op: 'INSERT', index: 1, item: row(alice) },
    ])
  })

  it('re-sorts on a rename that passes a neighbour, with no header change', () => {
    const { list, carl, eve } = fixtureL()
    const renamed = member(carl.userId, 'online', 'zed')
    expect(list.upsert(renamed).edits).toEqual([
      { op: 'DELETE', index: 5 },
      { op: 'INSERT', index: 6, item: row(renamed) },
    ])
    expect(list.slice(5, 6)).toEqual([row(eve), row(renamed)])
    const still = member(carl.userId, 'online', 'zoe') // still after eve: stays in place
    expect(list.upsert(still).edits).toEqual([{ op: 'UPDATE', index: 6, item: row(still) }])
  })

  it('removes a member, and ignores an unknown one', () => {
    const { list, dave } = fixtureL()
    expect(list.remove(dave.userId).edits).toEqual([
      { op: 'DELETE', index: 8 },
      { op: 'DELETE', index: 7 },
    ])
    expect(list.remove('999')).toEqual({ edits: [], lengthBefore: 7, firstIndex: Infinity })
  })

  it('does nothing when given back the very same member', () => {
    const { list, bob } = fixtureL()
    expect(list.upsert(bob).edits).toEqual([])
  })

  it('sorts by UTF-16 code units, then by user id numerically', () => {
    const list = new MemberList(['online', 'offline'])
    const names = [
      ['9', 'b'],
      ['10', 'b'],
      ['3', 'é'],
      ['4', 'z'],
      ['5', 'Ω'],
      ['6', '_x'],
      ['7', '0zed'],
    ]
    for (const [id, name] of names) list.upsert(member(id!, 'online', name!))
    const order = list
      .slice(1, 99)
      .map((item) => ('member' in item ? (item.member as { id: string }).id : ''))
    // '0' < '_' < 'b' < 'z' < 'é' (U+00E9) < 'ω' (U+03C9); ids 9 and 10 tie on 'b': 9 first.
    expect(order).toEqual(['7', '6', '9', '10', '4', '3', '5'])
  })

  it('moves whole groups when hoisted roles are reordered', () => {
    const { list, alice, bob } = fixtureL()
    const change = list.setGroupOrder(['2002', '2001', 'online', 'offline'])
    expect(list.slice(0, 3)).toEqual([header('2002', 1), row(bob), header('2001', 1), row(alice)])
    expect(change.edits).toHaveLength(4) // one of the two 2-slot groups moves: 2 deletes, 2 inserts
    expect(change.firstIndex).toBe(0)
  })

  it('adds an empty group freely, and refuses to drop a group that still has members', () => {
    const { list, bob } = fixtureL()
    expect(list.setGroupOrder(['3000', '2001', '2002', 'online', 'offline']).edits).toEqual([])
    expect(() => list.setGroupOrder(['2001', 'online', 'offline'])).toThrow(EngineError)
    list.upsert(member(bob.userId, 'online', 'Bob'))
    list.remove('104')
    expect(list.setGroupOrder(['2001', 'online']).edits).toEqual([])
    expect(list.groups().map((g) => g.id)).toEqual(['2001', 'online'])
  })

  it('refuses unknown and duplicate groups', () => {
    const { list } = fixtureL()
    expect(() => list.upsert(member('200', '9999', 'x'))).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_GROUP' }),
    )
    expect(list.has('200')).toBe(false)
    expect(() => list.setGroupOrder(['online', 'online'])).toThrow(/unique/)
  })
})
