/**
 * The wire shapes of GUILD_MEMBER_LIST_UPDATE (as Discord's clients read it) and the change record a
 * member list hands to the op planner.
 */

/** A group header: a hoisted role id, `'online'` or `'offline'`, with its member count. */
export interface GroupItem {
  /** The group's id (a hoisted role's id, `online` or `offline`) and its member count. */
  readonly group: { readonly id: string; readonly count: number }
}

/** A member row; the payload (`{ user, nick, roles, …, presence }`) is opaque to the list. */
export interface MemberItem {
  /** The member as Discord sends it (`user`, `nick`, `roles`, `presence`…). */
  readonly member: unknown
}

/** One slot of the flat list. */
export type ListItem = GroupItem | MemberItem

/** An inclusive index range `[start, end]`, at most 100 slots: `[0, 99]` is 100 items. */
export type Range = readonly [start: number, end: number]

/** Replace a range's slots with `items`; fewer items than slots means the list ends there. */
export interface SyncOp {
  readonly op: 'SYNC'
  readonly range: Range
  readonly items: readonly ListItem[]
}

/** The client stops trusting a range it no longer holds. */
export interface InvalidateOp {
  readonly op: 'INVALIDATE'
  readonly range: Range
}

/** Insert `item` at `index`; later slots shift up. */
export interface InsertOp {
  readonly op: 'INSERT'
  readonly index: number
  readonly item: ListItem
}

/** The slot at `index` now holds `item`. */
export interface UpdateOp {
  readonly op: 'UPDATE'
  readonly index: number
  readonly item: ListItem
}

/** Remove the slot at `index`; later slots shift down. */
export interface DeleteOp {
  readonly op: 'DELETE'
  readonly index: number
}

/** One op of a GUILD_MEMBER_LIST_UPDATE; each index refers to the list the ops before it left. */
export type ListOp = SyncOp | InvalidateOp | InsertOp | UpdateOp | DeleteOp

/**
 * What the planner weighs: one per op plus one per item carried, since the member rows are what
 * make a payload heavy (a DELETE costs 1, an UPDATE or INSERT 2, a SYNC 1 + its items).
 */
export function opsCost(ops: readonly ListOp[]): number {
  let cost = 0
  for (const op of ops) cost += 1 + (op.op === 'SYNC' ? op.items.length : 'item' in op ? 1 : 0)
  return cost
}

/** An edit of the flat list: the ops a client holding the whole list would need. */
export type ListEdit = InsertOp | UpdateOp | DeleteOp

/**
 * What one mutation of a member list did, as flat-list edits in the order they happened: applied in
 * order to the list as it was (`lengthBefore` slots), they give the list as it is now.
 */
export interface ListChange {
  readonly edits: readonly ListEdit[]
  readonly lengthBefore: number
  /** The lowest index any edit touches (`Infinity` if none): slots before it did not move. */
  readonly firstIndex: number
}

/** A change that did nothing, on a list of `length` slots. */
export function emptyChange(length: number): ListChange {
  return { edits: [], lengthBefore: length, firstIndex: Infinity }
}

/**
 * Joins changes made one after the other (in that order) into one, so a role change that moves many
 * members, or a regroup followed by moves, goes out as a single payload.
 *
 * @example
 * const change = concatChanges(movedIds.map((id) => list.upsert(next(id))))
 */
export function concatChanges(changes: readonly ListChange[]): ListChange {
  const [first] = changes
  if (!first) return emptyChange(0)
  return {
    edits: changes.flatMap((change) => change.edits),
    lengthBefore: first.lengthBefore,
    firstIndex: changes.reduce((first, change) => Math.min(first, change.firstIndex), Infinity),
  }
}
