import { EngineError } from '../errors.ts'
import { compareMembers, OFFLINE_GROUP, type ListMember } from './listMember.ts'
import { OrderTree } from './orderTree.ts'
import { sortInSteps } from './sortInSteps.ts'
import { regroupEdits, type GroupSpan } from './regroup.ts'
import type { GroupItem, ListChange, ListEdit, ListItem } from './types.ts'

/**
 * One lazy member list (docs/design/semantics.md §6): its groups in order, and for each non-empty
 * group a header `{ group: { id, count } }` followed by its members' rows `{ member }`, as one flat
 * list.
 *
 * Each group keeps its members in an order-statistic tree, so upsert, remove, indexOf and itemAt
 * cost O(log n + groups) in a list of n members; reordering groups moves whole groups and re-sorts
 * nothing. Every mutation returns the {@link ListChange} it made, for the op planner (`ops.ts`).
 *
 * @example
 * const list = new MemberList(['2001', 'online', 'offline'])
 * list.upsert({ userId: '10', groupId: 'online', sortName: 'alice', item: alice })
 * list.slice(0, 99) // [{ group: { id: 'online', count: 1 } }, { member: alice }]
 */
export class MemberList {
  private order: readonly string[] = []
  private readonly trees = new Map<string, OrderTree<ListMember>>()
  private readonly members = new Map<string, ListMember>()
  private slots = 0

  constructor(groupOrder: readonly string[]) {
    this.setGroupOrder(groupOrder)
  }

  /** Slots in the flat list: members plus one header per non-empty group. */
  get length(): number {
    return this.slots
  }

  /** Members in the list (those who can view its channel). */
  get memberCount(): number {
    return this.members.size
  }

  /** Members not in {@link OFFLINE_GROUP}. */
  get onlineCount(): number {
    return this.members.size - (this.trees.get(OFFLINE_GROUP)?.size ?? 0)
  }

  /** The group ids in order, empty groups included. */
  get groupOrder(): readonly string[] {
    return this.order
  }

  /** The non-empty groups in order, with their counts: the `groups` field of every update. */
  groups(): { id: string; count: number }[] {
    return this.spans().map(({ id, slots }) => ({ id, count: slots - 1 }))
  }

  has(userId: string): boolean {
    return this.members.has(userId)
  }

  /** Every member, in no particular order (snapshots rebuild a list by upserting them). */
  entries(): ListMember[] {
    return Array.from(this.members.values())
  }

  get(userId: string): ListMember | undefined {
    return this.members.get(userId)
  }

  /** The flat index of the member's row, or -1 when the member is not in the list. */
  indexOf(userId: string): number {
    const member = this.members.get(userId)
    if (!member) return -1
    return this.headerIndex(member.groupId) + 1 + this.tree(member.groupId).rank(member)
  }

  /** The item at flat index `index`, or `undefined` past either end. */
  itemAt(index: number): ListItem | undefined {
    return this.slice(index, index)[0]
  }

  /** The items at flat indices `start` to `end` inclusive, cut short where the list ends. */
  slice(start: number, end: number): ListItem[] {
    const items: ListItem[] = []
    let header = 0
    for (const { id, slots } of this.spans()) {
      if (header > end) break
      if (header + slots > start) {
        if (start <= header) items.push(groupItem(id, slots - 1))
        const from = Math.max(start - header - 1, 0)
        const to = Math.min(end - header, slots - 1)
        for (const member of this.tree(id).slice(from, to)) items.push({ member: member.item })
      }
      header += slots
    }
    return items
  }

  /**
   * Fills an empty list with `members` (distinct users, each in a group of the order), as upserting
   * them one by one in this order would, without computing the edits nobody reads: each group is
   * sorted once and its tree built from the sorted run (OrderTree.fillSorted). How a new list is built
   * from the world (a 100,000-member guild's first op 14).
   */
  fill(members: readonly ListMember[]): void {
    const job = this.fillInSteps(members, Infinity)
    while (!job.next().done);
  }

  /**
   * {@link fill} as a job that yields after about `every` members sorted or placed, so that a list of
   * 100,000 members never makes one long task (the sort alone is a few hundred milliseconds on a busy
   * machine). Make no other change to the list until it is done.
   */
  *fillInSteps(members: readonly ListMember[], every: number): Generator<void, void> {
    if (this.members.size > 0) {
      throw new EngineError('INVALID_INPUT', 'fill fills an empty member list only')
    }
    const byGroup = new Map<string, ListMember[]>()
    try {
      for (const member of members) {
        this.tree(member.groupId)
        if (this.members.has(member.userId)) {
          throw new EngineError('INVALID_INPUT', `fill was given user ${member.userId} twice`)
        }
        let group = byGroup.get(member.groupId)
        if (group === undefined) byGroup.set(member.groupId, (group = []))
        group.push(member)
        this.members.set(member.userId, member)
      }
    } catch (error) {
      // Bad input changes nothing: the list was empty.
      this.members.clear()
      throw error
    }
    for (const [id, group] of byGroup) {
      const sorted = yield* sortInSteps(group, compareMembers, every)
      this.tree(id).fillSorted(sorted)
      this.slots += sorted.length + 1
    }
  }

  /**
   * Adds a member or changes one. A member whose row stays where it was (same group, still between
   * the same neighbours) gives one `UPDATE`; otherwise its row is deleted and re-inserted, with the
   * headers of both groups updated (inserted when a group appears, deleted when it empties). Giving
   * back the very same `item` with nothing else changed is a no-op.
   */
  upsert(member: ListMember): ListChange {
    const tree = this.tree(member.groupId)
    const old = this.members.get(member.userId)
    const lengthBefore = this.slots
    const edits: ListEdit[] = []
    if (old?.groupId === member.groupId) {
      this.moveWithin(tree, old, member, edits)
    } else {
      if (old) this.detach(old, edits)
      this.attach(member, edits)
    }
    return changeOf(edits, lengthBefore)
  }

  /** Removes a member: its row's `DELETE`, then its header's `UPDATE` (`DELETE` if it empties). */
  remove(userId: string): ListChange {
    const lengthBefore = this.slots
    const edits: ListEdit[] = []
    const member = this.members.get(userId)
    if (member) this.detach(member, edits)
    return changeOf(edits, lengthBefore)
  }

  /**
   * Sets the group order (a hoisted role was created, moved, un-hoisted or deleted). New groups
   * start empty; a group left out must already be empty (move its members first), else
   * `GROUP_NOT_EMPTY`. Groups whose relative order changed move whole, by deletes and inserts:
   * O(their members).
   */
  setGroupOrder(groupOrder: readonly string[]): ListChange {
    if (new Set(groupOrder).size !== groupOrder.length) {
      throw new EngineError(
        'DUPLICATE_GROUP',
        `group ids must be unique, got ${groupOrder.join(', ')}`,
      )
    }
    for (const [id, tree] of this.trees) {
      if (tree.size > 0 && !groupOrder.includes(id)) {
        throw new EngineError('GROUP_NOT_EMPTY', `group ${id} still has ${tree.size} members`)
      }
    }
    const lengthBefore = this.slots
    const before = this.spans()
    this.order = [...groupOrder]
    for (const id of [...this.trees.keys()]) if (!groupOrder.includes(id)) this.trees.delete(id)
    for (const id of groupOrder) {
      if (!this.trees.has(id)) this.trees.set(id, new OrderTree(compareMembers))
    }
    const itemsOf = (id: string) => {
      const header = this.headerIndex(id)
      return this.slice(header, header + this.tree(id).size)
    }
    return changeOf(regroupEdits(before, this.spans(), itemsOf), lengthBefore)
  }

  /** Non-empty groups in order, each with its slot count (header plus members). */
  private spans(): GroupSpan[] {
    const spans: GroupSpan[] = []
    for (const id of this.order) {
      const count = this.tree(id).size
      if (count > 0) spans.push({ id, slots: count + 1 })
    }
    return spans
  }

  /** Where the group's header is, or would be if the group were non-empty. O(groups). */
  private headerIndex(groupId: string): number {
    let index = 0
    for (const id of this.order) {
      if (id === groupId) return index
      const count = this.tree(id).size
      if (count > 0) index += count + 1
    }
    return index
  }

  private tree(groupId: string): OrderTree<ListMember> {
    const tree = this.trees.get(groupId)
    if (tree) return tree
    throw new EngineError(
      'UNKNOWN_GROUP',
      `group ${JSON.stringify(groupId)} is not in this list's order (${this.order.join(', ')})`,
    )
  }

  /** A change within the group: an UPDATE in place unless it re-sorts (the count is the same). */
  private moveWithin(
    tree: OrderTree<ListMember>,
    old: ListMember,
    member: ListMember,
    edits: ListEdit[],
  ): void {
    if (old.sortName === member.sortName && old.item === member.item) return
    const first = this.headerIndex(member.groupId) + 1
    const rank = tree.rank(old)
    this.members.set(member.userId, member)
    if (this.fitsAt(tree, rank, member)) {
      tree.setAt(rank, member)
      edits.push({ op: 'UPDATE', index: first + rank, item: row(member) })
    } else {
      tree.delete(old)
      tree.insert(member)
      edits.push({ op: 'DELETE', index: first + rank })
      edits.push({ op: 'INSERT', index: first + tree.rank(member), item: row(member) })
    }
  }

  /** Whether `member` can take rank `rank`'s place without re-sorting. */
  private fitsAt(tree: OrderTree<ListMember>, rank: number, member: ListMember): boolean {
    const previous = rank > 0 ? tree.at(rank - 1) : undefined
    const next = tree.at(rank + 1)
    return (
      (!previous || compareMembers(previous, member) < 0) &&
      (!next || compareMembers(member, next) < 0)
    )
  }

  private detach(member: ListMember, edits: ListEdit[]): void {
    const tree = this.tree(member.groupId)
    const header = this.headerIndex(member.groupId)
    edits.push({ op: 'DELETE', index: header + 1 + tree.rank(member) })
    tree.delete(member)
    this.members.delete(member.userId)
    this.slots -= 1
    if (tree.size > 0) {
      edits.push({ op: 'UPDATE', index: header, item: groupItem(member.groupId, tree.size) })
    } else {
      edits.push({ op: 'DELETE', index: header })
      this.slots -= 1
    }
  }

  private attach(member: ListMember, edits: ListEdit[]): void {
    const tree = this.tree(member.groupId)
    const header = this.headerIndex(member.groupId)
    tree.insert(member)
    this.members.set(member.userId, member)
    this.slots += 1
    if (tree.size === 1) {
      this.slots += 1
      edits.push({ op: 'INSERT', index: header, item: groupItem(member.groupId, 1) })
      edits.push({ op: 'INSERT', index: header + 1, item: row(member) })
    } else {
      edits.push({ op: 'INSERT', index: header + 1 + tree.rank(member), item: row(member) })
      edits.push({ op: 'UPDATE', index: header, item: groupItem(member.groupId, tree.size) })
    }
  }
}

function changeOf(edits: readonly ListEdit[], lengthBefore: number): ListChange {
  const firstIndex = edits.reduce((first, edit) => Math.min(first, edit.index), Infinity)
  return { edits, lengthBefore, firstIndex }
}

function groupItem(id: string, count: number): GroupItem {
  return { group: { id, count } }
}

function row(member: ListMember): ListItem {
  return { member: member.item }
}
