import type { ListItem, ListOp } from './types.ts'

/**
 * A client's copy of one member list: a flat array in which a slot the client never received, or
 * stopped trusting, is `undefined`.
 */
export type ClientCopy = (ListItem | undefined)[]

/**
 * Applies a GUILD_MEMBER_LIST_UPDATE's ops, in order, as a client does ([the operations](/docs/lazy-member-list#the-operations)): this is
 * the reference client the op planner's guarantees are stated against, and what a UI can show per
 * session.
 *
 * - `SYNC` writes its items over its range; fewer items than slots means the list ends there, so
 *   the copy is cut at that point.
 * - `INSERT` and `DELETE` shift everything after their index, in or out of any range.
 * - `UPDATE` replaces one slot; `INVALIDATE` forgets the range's slots (their positions stay).
 * - An index past the copy's end is reached by padding with empty slots; a `DELETE` there does
 *   nothing.
 *
 * Mutates and returns `copy`.
 *
 * @example
 * const [alice] = sim.states.userStates('10')
 * sim.gateway.requestMemberList(alice.sessionId, '20971520', { '100': [[0, 99]] })
 * const update = alice.frames.at(-1)?.d as { ops: ListOp[] } // GUILD_MEMBER_LIST_UPDATE
 * const copy = applyOps([], update.ops) // the client's copy: a header, then its members…
 */
export function applyOps(copy: ClientCopy, ops: readonly ListOp[]): ClientCopy {
  for (const op of ops) {
    switch (op.op) {
      case 'SYNC': {
        const [start, end] = op.range
        op.items.forEach((item, offset) => put(copy, start + offset, item))
        const listEnd = start + op.items.length
        if (op.items.length < end - start + 1 && copy.length > listEnd) copy.length = listEnd
        break
      }
      case 'INVALIDATE':
        for (let i = op.range[0]; i <= op.range[1] && i < copy.length; i++) copy[i] = undefined
        break
      case 'INSERT':
        while (copy.length < op.index) copy.push(undefined)
        copy.splice(op.index, 0, op.item)
        break
      case 'UPDATE':
        put(copy, op.index, op.item)
        break
      case 'DELETE':
        if (op.index < copy.length) copy.splice(op.index, 1)
        break
    }
  }
  return copy
}

/**
 * The length of a client's copy after `op`, from its length before: what {@link applyOps} does to
 * `copy.length`, so the server can follow each session's copy without holding it.
 */
export function lengthAfter(length: number, op: ListOp): number {
  switch (op.op) {
    case 'SYNC': {
      const [start, end] = op.range
      const listEnd = start + op.items.length
      const written = op.items.length > 0 ? Math.max(length, listEnd) : length
      return op.items.length < end - start + 1 ? Math.min(written, listEnd) : written
    }
    case 'INVALIDATE':
      return length
    case 'INSERT':
      return Math.max(length, op.index) + 1
    case 'UPDATE':
      return Math.max(length, op.index + 1)
    case 'DELETE':
      return op.index < length ? length - 1 : length
  }
}

function put(copy: ClientCopy, index: number, item: ListItem): void {
  while (copy.length < index) copy.push(undefined)
  copy[index] = item
}
