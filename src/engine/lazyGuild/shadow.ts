import { lengthAfter } from './clientCopy.ts'
import { PositionSet } from './positionSet.ts'
import { opsCost, type ListEdit, type ListItem, type ListOp, type Range } from './types.ts'

/**
 * The planner's picture of one client's copy while it works through a change: which positions of
 * the copy agree with the server's list at this point of the change (an empty slot agrees with a
 * slot past the end), how long the copy is, and the ops sent so far with their cost.
 *
 * @internal
 */
export class Shadow {
  readonly ops: ListOp[] = []
  /** The ops' {@link opsCost}, kept as they are sent. */
  cost = 0
  clientLength: number
  serverLength: number
  private readonly agree: PositionSet

  /**
   * A client whose ranges are exact (the invariant every update keeps) and whose copy is
   * `clientLength` long, facing a server list of `serverLength` slots.
   */
  constructor(ranges: readonly Range[], clientLength: number, serverLength: number) {
    this.clientLength = clientLength
    this.serverLength = serverLength
    // Past both ends, both sides hold nothing: they agree there too.
    this.agree = PositionSet.of(ranges, Math.max(clientLength, serverLength))
  }

  /** The server made `edit` and the client is sent it: both sides shift alike. */
  forward(edit: ListEdit): void {
    if (edit.op === 'INSERT') this.agree.insertAt(edit.index)
    else if (edit.op === 'DELETE') this.agree.deleteAt(edit.index)
    else this.agree.add(edit.index)
    if (edit.op !== 'UPDATE') this.serverLength += edit.op === 'INSERT' ? 1 : -1
    this.send(edit)
  }

  /** The server made `edit`, the client is not told: from its index on, the sides may differ. */
  withhold(edit: ListEdit): void {
    if (edit.op === 'UPDATE') {
      this.agree.remove(edit.index)
      return
    }
    this.serverLength += edit.op === 'INSERT' ? 1 : -1
    this.agree.truncate(edit.index)
    this.agree.add(Math.max(this.clientLength, this.serverLength), Infinity)
  }

  /** The positions from `start` to `end` where the copy may differ from the server's list. */
  stale(start: number, end: number): number[] {
    return this.agree.missing(start, end)
  }

  /** Sends the server's current `item` for slot `index`. */
  update(index: number, item: ListItem): void {
    this.agree.add(index)
    this.send({ op: 'UPDATE', index, item })
  }

  /** Sends a fresh SYNC of `range` (its items cut short where the list ends). */
  sync(range: Range, items: readonly ListItem[]): void {
    const [start, end] = range
    this.agree.add(start, start + items.length - 1)
    // Fewer items than slots: the copy is cut where the list ends, and both sides are empty past
    // it.
    if (items.length < end - start + 1) this.agree.add(start + items.length, Infinity)
    this.send({ op: 'SYNC', range, items })
  }

  /**
   * Deletes whatever the copy still holds past the end of the server's list. Needed only when a
   * change shrinks the list into a range while the copy held slots beyond it (rows an earlier
   * insert pushed out of the ranges, whose later deletion the client was not told about).
   */
  trimToEnd(): void {
    while (this.clientLength > this.serverLength) {
      this.send({ op: 'DELETE', index: this.serverLength })
    }
    this.agree.add(this.serverLength, Infinity)
  }

  private send(op: ListOp): void {
    this.ops.push(op)
    this.clientLength = lengthAfter(this.clientLength, op)
    this.cost += opsCost([op])
  }
}
