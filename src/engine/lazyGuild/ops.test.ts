import { describe, expect, it } from 'vitest'
import { applyOps, type ClientCopy } from './clientCopy.ts'
import type { ListMember } from './listMember.ts'
import { MemberList } from './memberList.ts'
import { planUpdate, requestOps, syncOps, validateRanges } from './ops.ts'
import { ListSubscription } from './subscription.ts'
import { concatChanges, type ListItem, type Range } from './types.ts'

function member(userId: string, groupId: string, name: string, status = 'online'): ListMember {
  return { userId, groupId, sortName: name.toLowerCase(), item: { id: userId, name, status } }
}
const header = (id: string, count: number) => ({ group: { id, count } })
const row = (m: ListMember) => ({ member: m.item })

/**
 * Fixture L (docs/design/litecord-notes.md §6), with session V holding [0, 99] of the everyone
 * list.
 */
function fixtureL() {
  const list = new MemberList(['2001', '2002', 'online', 'offline'])
  const carl = member('103', 'online', 'carl')
  for (const m of [
    member('101', '2001', 'alice'),
    member('102', '2002', 'Bob'),
    carl,
    member('104', 'offline', 'dave'),
    member('105', 'online', 'Eve', 'idle'),
  ]) {
    list.upsert(m)
  }
  const v = new ListSubscription()
  const copy = applyOps([], v.request(list, [[0, 99]]))
  return { list, v, copy, carl }
}

/** One `online` group of `n` members named m0000…: header at 0, member i at index i + 1. */
function bigList(n: number) {
  const list = new MemberList(['online', 'offline'])
  for (let i = 0; i < n; i++)
    list.upsert(member(String(1000 + i), 'online', `m${String(i).padStart(4, '0')}`))
  return list
}

function subscribed(list: MemberList, ranges: Range[]) {
  const sub = new ListSubscription()
  const copy = applyOps([], sub.request(list, ranges))
  return { sub, copy }
}

function expectExact(copy: ClientCopy, list: MemberList, ranges: readonly Range[]) {
  for (const [start, end] of ranges) {
    const slots = (read: (i: number) => ListItem | undefined) =>
      Array.from({ length: end - start + 1 }, (_, i) => read(start + i))
    expect(slots((i) => copy[i])).toEqual(slots((i) => list.itemAt(i)))
  }
}

describe('ops', () => {
  it('answers op 14 with one SYNC per range, in order, the last cut where the list ends', () => {
    const { list } = fixtureL()
    expect(
      syncOps(list, [
        [4, 6],
        [0, 3],
        [7, 20],
      ]),
    ).toEqual([
      { op: 'SYNC', range: [4, 6], items: list.slice(4, 6) },
      { op: 'SYNC', range: [0, 3], items: list.slice(0, 3) },
      { op: 'SYNC', range: [7, 20], items: list.slice(7, 8) },
    ])
  })

  it('sends carl online → dnd as exactly UPDATE 5 (litecord-notes §6 example 11)', () => {
    const { list, v, carl } = fixtureL()
    const dnd = member(carl.userId, 'online', 'carl', 'dnd')
    expect(v.update(list.upsert(dnd), list)).toEqual([{ op: 'UPDATE', index: 5, item: row(dnd) }])
  })

  it('sends carl going offline as one payload: DELETE 5, UPDATE 4, INSERT 7, UPDATE 6', () => {
    const { list, v, copy, carl } = fixtureL()
    const offline = member(carl.userId, 'offline', 'carl', 'offline')
    const ops = v.update(list.upsert(offline), list)
    expect(ops).toEqual([
      { op: 'DELETE', index: 5 },
      { op: 'UPDATE', index: 4, item: header('online', 1) },
      { op: 'INSERT', index: 7, item: row(offline) },
      { op: 'UPDATE', index: 6, item: header('offline', 2) },
    ])
    expectExact(applyOps(copy, ops ?? []), list, [[0, 99]])
  })

  it('lets a member leave a short list with no trailing fix-up: the copy length is known', () => {
    const { list, v, copy } = fixtureL()
    const ops = v.update(list.remove('104'), list)
    expect(ops).toEqual([
      { op: 'DELETE', index: 8 },
      { op: 'DELETE', index: 7 },
    ])
    expectExact(applyOps(copy, ops ?? []), list, [[0, 99]])
    expect(v.clientLength).toBe(7)
  })

  it('sends nothing to a session whose ranges all end before the change', () => {
    const list = bigList(300)
    const { sub } = subscribed(list, [
      [0, 99],
      [100, 199],
    ])
    const change = list.upsert(member('1250', 'online', 'm0250', 'idle'))
    expect(change.firstIndex).toBe(251)
    expect(sub.update(change, list)).toBeNull()
  })

  it('moves a member within a window with DELETE + INSERT and no SYNC', () => {
    const list = bigList(300)
    const { sub, copy } = subscribed(list, [[0, 99]])
    const renamed = member('1005', 'online', 'm0050x')
    const ops = sub.update(list.upsert(renamed), list)
    expect(ops).toEqual([
      { op: 'DELETE', index: 6 },
      { op: 'INSERT', index: 51, item: row(renamed) },
    ])
    expectExact(applyOps(copy, ops ?? []), list, [[0, 99]])
  })

  it('moves across groups with DELETE + INSERT + header UPDATEs, and fixes the slide-in', () => {
    const list = bigList(300)
    list.upsert(member('5000', 'offline', 'zz', 'offline'))
    const { sub, copy } = subscribed(list, [
      [0, 99],
      [290, 389],
    ])
    const online = member('5000', 'online', 'm0009x')
    const ops = sub.update(list.upsert(online), list)
    expect(ops).toEqual([
      { op: 'DELETE', index: 302 },
      { op: 'DELETE', index: 301 },
      { op: 'INSERT', index: 11, item: row(online) },
      { op: 'UPDATE', index: 0, item: header('online', 301) },
      // Net, one slot left [290, 389]'s left edge: the row from 289 slid in.
      { op: 'UPDATE', index: 290, item: list.itemAt(290) },
    ])
    expectExact(applyOps(copy, ops ?? []), list, [
      [0, 99],
      [290, 389],
    ])
  })

  it('updates the slot that slides in at a range end after a DELETE before the range', () => {
    const list = bigList(300)
    const { sub, copy } = subscribed(list, [[10, 19]])
    const ops = sub.update(list.remove('1002'), list)
    expect(ops).toEqual([
      { op: 'DELETE', index: 3 },
      { op: 'UPDATE', index: 19, item: list.itemAt(19) },
    ])
    expectExact(applyOps(copy, ops ?? []), list, [[10, 19]])
  })

  it('updates the slot that slides in at a range start after an INSERT before the range', () => {
    const list = bigList(300)
    const { sub, copy } = subscribed(list, [[10, 19]])
    const joined = member('9000', 'online', 'm0001x')
    const ops = sub.update(list.upsert(joined), list)
    expect(ops).toEqual([
      { op: 'INSERT', index: 3, item: row(joined) },
      { op: 'UPDATE', index: 10, item: list.itemAt(10) },
    ])
    expectExact(applyOps(copy, ops ?? []), list, [[10, 19]])
  })

  it('re-SYNCs one small range instead of updating most of its slots', () => {
    const list = bigList(300)
    const ranges: Range[] = [
      [0, 99],
      [200, 203],
    ]
    const { sub, copy } = subscribed(list, ranges)
    const joins = ['m0001x', 'm0002x', 'm0003x'].map((name, i) =>
      member(String(9000 + i), 'online', name),
    )
    const ops = sub.update(concatChanges(joins.map((m) => list.upsert(m))), list) ?? []
    // Three rows slid into [200, 203]: three UPDATEs (cost 6) lose to one SYNC of 4 items (cost 5).
    expect(ops.map((op) => op.op)).toEqual([
      ...['INSERT', 'UPDATE', 'INSERT', 'UPDATE', 'INSERT', 'UPDATE'],
      'SYNC',
    ])
    expect(ops.at(-1)).toEqual({ op: 'SYNC', range: [200, 203], items: list.slice(200, 203) })
    expectExact(applyOps(copy, ops), list, ranges)
  })

  it('re-SYNCs instead when that is smaller: a hoisted group of 40 moving above another', () => {
    const list = new MemberList(['r1', 'r2', 'online', 'offline'])
    for (let i = 0; i < 40; i++) list.upsert(member(String(100 + i), 'r1', `a${i}`))
    for (let i = 0; i < 40; i++) list.upsert(member(String(200 + i), 'r2', `b${i}`))
    const { sub, copy } = subscribed(list, [[0, 99]])
    const ops = sub.update(list.setGroupOrder(['r2', 'r1', 'online', 'offline']), list)
    expect(ops).toEqual([{ op: 'SYNC', range: [0, 99], items: list.slice(0, 99) }])
    expectExact(applyOps(copy, ops ?? []), list, [[0, 99]])
  })

  it('trims rows an earlier INSERT pushed out of the range once the list shrinks into it', () => {
    const list = new MemberList(['online', 'offline'])
    for (const [id, name] of [
      ['1', 'a'],
      ['2', 'b'],
      ['3', 'c'],
    ] as const)
      list.upsert(member(id, 'online', name))
    const edits = subscribed(list, [[0, 1]])
    const auto = subscribed(list, [[0, 1]])
    const history = [
      () => list.upsert(member('4', 'online', '0')), // INSERT 1 pushes "a" out of [0, 1], to slot 2
      () => list.remove('1'), // slot 2, past the range: withheld, so the copy keeps "a" there
      () => list.remove('2'),
      () => list.remove('3'),
      () => list.remove('4'), // the list empties into the range
    ]
    let last: unknown
    for (const step of history) {
      const change = step()
      applyOps(auto.copy, auto.sub.update(change, list) ?? [])
      last = edits.sub.update(change, list, 'edits')
      applyOps(edits.copy, (last as never) ?? [])
    }
    expect(last).toEqual([
      { op: 'DELETE', index: 1 },
      { op: 'DELETE', index: 0 },
      { op: 'DELETE', index: 0 }, // the stale "a"
    ])
    expect(edits.copy).toEqual([])
    expect(auto.copy).toEqual([])
  })

  it('replaces old ranges on a new request: INVALIDATE the dropped, then SYNC each', () => {
    const list = bigList(300)
    const sub = new ListSubscription()
    sub.request(list, [
      [0, 99],
      [100, 199],
    ])
    expect(
      sub.request(list, [
        [200, 299],
        [0, 99],
      ]),
    ).toEqual([
      { op: 'INVALIDATE', range: [100, 199] },
      { op: 'SYNC', range: [200, 299], items: list.slice(200, 299) },
      { op: 'SYNC', range: [0, 99], items: list.slice(0, 99) },
    ])
    expect(sub.ranges).toEqual([
      [200, 299],
      [0, 99],
    ])
    expect(requestOps(list, [[0, 9]], [])).toEqual([{ op: 'INVALIDATE', range: [0, 9] }])
  })

  it('refuses a reversed, negative, fractional or over-long range, whole', () => {
    const list = bigList(10)
    const sub = new ListSubscription()
    sub.request(list, [[0, 99]])
    for (const bad of [
      [5, 2],
      [-1, 3],
      [0, 100],
      [0.5, 3],
    ] as Range[]) {
      expect(() => sub.request(list, [[0, 9], bad])).toThrow(
        expect.objectContaining({ code: 'INVALID_RANGE' }),
      )
    }
    expect(sub.ranges).toEqual([[0, 99]])
    expect(() =>
      validateRanges([
        [0, 99],
        [100, 199],
      ]),
    ).not.toThrow()
  })

  it('plans without a subscription: a pure function of change, list, ranges, length', () => {
    const { list, carl } = fixtureL()
    const change = list.upsert(member(carl.userId, 'online', 'carl', 'idle'))
    expect(planUpdate(change, list, [[0, 99]], 9)?.ops).toHaveLength(1)
    expect(planUpdate(change, list, [[0, 4]], 9)).toBeNull()
    expect(
      planUpdate(
        change,
        list,
        [
          [0, 4],
          [6, 8],
        ],
        9,
      ),
    ).toEqual({ ops: [], clientLength: 9 })
  })
})
