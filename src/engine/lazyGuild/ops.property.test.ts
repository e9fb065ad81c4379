import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyOps, type ClientCopy } from './clientCopy.ts'
import { compareMembers, OFFLINE_GROUP, ONLINE_GROUP, type ListMember } from './listMember.ts'
import { MemberList } from './memberList.ts'
import { planUpdate, type PlanStrategy } from './ops.ts'
import { ListSubscription } from './subscription.ts'
import { concatChanges, opsCost, type ListChange, type ListItem, type Range } from './types.ts'

// The proof of correctness (docs/design/semantics.md §6): over random histories, every simulated
// client that applies, in order, the ops it received holds exactly the server's list in each of its
// ranges.

const ROLES = ['3001', '3002', '3003']
const NAMES = ['a', 'b', 'ab', 'B', 'ba', 'é', 'Ω', 'zz', '_', '0']
const STRATEGIES: PlanStrategy[] = ['auto', 'edits', 'resync']

type Command =
  | { kind: 'upsert'; user: number; group: number; name: string }
  | { kind: 'remove'; user: number }
  | { kind: 'batch'; users: number[]; group: number } // a role given to many, as one payload
  | { kind: 'mixed'; steps: (Upsert | Remove)[] } // joins, leaves and moves, as one payload
  | { kind: 'regroup'; roles: string[] } // hoisted roles created, moved, deleted
  | { kind: 'request'; client: number; ranges: Range[] }

type Upsert = Extract<Command, { kind: 'upsert' }>
type Remove = Extract<Command, { kind: 'remove' }>

/** History sizes: wide ones look like real windows, tight ones live near range edges. */
interface Scale {
  readonly users: number
  readonly maxStart: number
  readonly maxSlots: number
  readonly initial: number
}
const WIDE: Scale = { users: 300, maxStart: 160, maxSlots: 100, initial: 120 }
const TIGHT: Scale = { users: 25, maxStart: 24, maxSlots: 12, initial: 20 }

function arbitraries(scale: Scale) {
  // Ids of 1 to 3 digits, so numeric order differs from text order.
  const user = fc.integer({ min: 1, max: scale.users })
  // Short ranges leave gaps between them; long ones are the usual windows.
  const slots = fc.oneof(
    fc.integer({ min: 1, max: 8 }),
    fc.integer({ min: 1, max: scale.maxSlots }),
  )
  const range = fc
    .tuple(fc.nat({ max: scale.maxStart }), slots)
    .map(([start, n]): Range => [start, start + n - 1])
  const ranges = fc.array(range, { minLength: 1, maxLength: 3 })
  const upsert: fc.Arbitrary<Upsert> = fc.record({
    kind: fc.constant('upsert' as const),
    user,
    group: fc.nat(),
    name: fc.constantFrom(...NAMES),
  })
  const remove: fc.Arbitrary<Remove> = fc.record({ kind: fc.constant('remove' as const), user })
  const command: fc.Arbitrary<Command> = fc.oneof(
    { weight: 8, arbitrary: upsert },
    { weight: 4, arbitrary: remove },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('mixed' as const),
        steps: fc.array(fc.oneof(upsert, remove), { maxLength: 12 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('batch' as const),
        users: fc.array(user, { maxLength: 30 }),
        group: fc.nat(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('regroup' as const),
        roles: fc.shuffledSubarray(ROLES),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('request' as const),
        client: fc.nat({ max: 2 }),
        ranges,
      }),
    },
  )
  return {
    initial: fc.array(upsert, { maxLength: scale.initial }),
    clients: fc.array(ranges, { minLength: 3, maxLength: 3 }),
    commands: fc.array(command, { minLength: 1, maxLength: 40 }),
  }
}

/** One simulated session: the same ranges followed under each strategy, each with its own copy. */
interface Client {
  readonly views: { strategy: PlanStrategy; sub: ListSubscription; copy: ClientCopy }[]
}

function history() {
  let version = 0
  const list = new MemberList([...ROLES, ONLINE_GROUP, OFFLINE_GROUP])
  const members = new Map<string, ListMember>()
  const groupAt = (n: number) => list.groupOrder[n % list.groupOrder.length] as string
  const put = (id: string, groupId: string, name: string): ListChange => {
    const next = {
      userId: id,
      groupId,
      sortName: name.toLowerCase(),
      item: { id, name, v: version++ },
    }
    members.set(id, next)
    return list.upsert(next)
  }
  const drop = (id: string): ListChange => {
    members.delete(id)
    return list.remove(id)
  }

  function run(cmd: Exclude<Command, { kind: 'request' }>): ListChange {
    switch (cmd.kind) {
      case 'upsert':
        return put(String(cmd.user), groupAt(cmd.group), cmd.name)
      case 'remove':
        return drop(String(cmd.user))
      case 'mixed':
        return concatChanges(cmd.steps.map(run))
      case 'batch': {
        const groupId = groupAt(cmd.group)
        const present = cmd.users.map(String).filter((id) => members.has(id))
        return concatChanges(
          present.map((id) => put(id, groupId, members.get(id)?.sortName ?? 'x')),
        )
      }
      case 'regroup': {
        // As the backend would: members of a role that is no longer a group move first, in one
        // payload.
        const orphans = [...members.values()].filter(
          (m) => ROLES.includes(m.groupId) && !cmd.roles.includes(m.groupId),
        )
        const moves = orphans.map((m) => put(m.userId, ONLINE_GROUP, m.sortName))
        const order = [...cmd.roles, ONLINE_GROUP, OFFLINE_GROUP]
        return concatChanges([...moves, list.setGroupOrder(order)])
      }
    }
  }
  return { list, members, run }
}

/** The flat list recomputed from scratch: the oracle for the incremental one. */
function naiveItems(order: readonly string[], members: Iterable<ListMember>): ListItem[] {
  const all = [...members]
  return order.flatMap((groupId) => {
    const group = all.filter((m) => m.groupId === groupId).sort(compareMembers)
    if (group.length === 0) return []
    return [
      { group: { id: groupId, count: group.length } },
      ...group.map((m) => ({ member: m.item })),
    ]
  })
}

function expectExact(copy: ClientCopy, expected: readonly ListItem[], ranges: readonly Range[]) {
  for (const [start, end] of ranges) {
    const slots = (read: (i: number) => ListItem | undefined) =>
      Array.from({ length: end - start + 1 }, (_, i) => read(start + i))
    expect(slots((i) => copy[i])).toEqual(slots((i) => expected[i]))
  }
}

describe('member list ops (property)', () => {
  it.each([
    ['wide', WIDE],
    ['tight', TIGHT],
  ])(
    'leave every range exact, reach only touched sessions, cost the least (%s)',
    (_, scale) => {
      const { initial, clients, commands } = arbitraries(scale)
      fc.assert(
        fc.property(initial, clients, commands, (setup, clientRanges, cmds) => {
          const { list, members, run } = history()
          setup.forEach(run)
          const sessions: Client[] = clientRanges.map((held) => ({
            views: STRATEGIES.map((strategy) => {
              const sub = new ListSubscription()
              return { strategy, sub, copy: applyOps([], sub.request(list, held)) }
            }),
          }))
          for (const cmd of cmds) {
            if (cmd.kind === 'request') {
              for (const view of sessions[cmd.client]?.views ?? []) {
                applyOps(view.copy, view.sub.request(list, cmd.ranges))
              }
            } else {
              const change = run(cmd)
              for (const { views } of sessions) {
                for (const view of views) {
                  const held = view.sub.ranges
                  const touched = held.some(([, end]) => end >= change.firstIndex)
                  if (view.strategy === 'auto' && touched) expectCheapest(change, list, view.sub)
                  const ops = view.sub.update(change, list, view.strategy)
                  expect(ops !== null).toBe(touched)
                  applyOps(view.copy, ops ?? [])
                }
              }
            }
            const expected = naiveItems(list.groupOrder, members.values())
            expect(list.slice(0, list.length + 5)).toEqual(expected)
            for (const { views } of sessions) {
              for (const { sub, copy } of views) {
                expectExact(copy, expected, sub.ranges)
                expect(copy.length).toBe(sub.clientLength)
              }
            }
          }
        }),
        { numRuns: 300 },
      )
    },
    60_000,
  )
})

/** `'auto'` never costs more than the per-slot edits or the re-SYNC would. */
function expectCheapest(change: ListChange, list: MemberList, sub: ListSubscription) {
  const cost = (strategy: PlanStrategy) =>
    opsCost(planUpdate(change, list, sub.ranges, sub.clientLength, strategy)?.ops ?? [])
  expect(cost('auto')).toBe(Math.min(cost('edits'), cost('resync')))
}
