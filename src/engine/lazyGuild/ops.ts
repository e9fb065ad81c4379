import { EngineError } from '../errors.ts'
import { describeValue } from '../ids.ts'
import type { MemberList } from './memberList.ts'
import { Shadow } from './shadow.ts'
import type { InvalidateOp, ListChange, ListItem, ListOp, Range, SyncOp } from './types.ts'

/** The most slots one range may span (docs/design/gateway-facts.md §9.1). */
export const MAX_RANGE_SLOTS = 100

/**
 * How {@link planUpdate} may answer: `'auto'` sends whichever of the other two costs less (the
 * edits on a tie), `'edits'` always sends the per-slot ops, `'resync'` always re-SYNCs the touched
 * ranges.
 */
export type PlanStrategy = 'auto' | 'edits' | 'resync'

/** The ops for one session, and the length its copy of the list will have once it applies them. */
export interface UpdatePlan {
  readonly ops: readonly ListOp[]
  readonly clientLength: number
}

/**
 * Refuses, with `EngineError` `INVALID_RANGE`, ranges that are not inclusive `[start, end]` pairs
 * of integers with `0 ≤ start ≤ end` spanning at most 100 slots (docs/design/semantics.md §10:
 * refused whole).
 */
export function validateRanges(ranges: readonly Range[]): void {
  for (const range of ranges as readonly unknown[]) {
    // Ranges come from user code: anything but a pair (a number, null, a triple) is refused too.
    const [start = NaN, end = NaN] =
      Array.isArray(range) && range.length === 2 ? (range as number[]) : []
    const valid =
      Number.isSafeInteger(start) &&
      Number.isSafeInteger(end) &&
      start >= 0 &&
      end >= start &&
      end - start < MAX_RANGE_SLOTS
    if (!valid) {
      throw new EngineError(
        'INVALID_RANGE',
        `each range must be [start, end] with 0 ≤ start ≤ end and at most ` +
          `${MAX_RANGE_SLOTS} slots, got ${describeValue(range)}`,
      )
    }
  }
}

/** A SYNC of `range`: the list's items there, fewer than its slots where the list ends. */
export function syncOp(list: MemberList, range: Range): SyncOp {
  return { op: 'SYNC', range, items: list.slice(range[0], range[1]) }
}

/** The first answer to op 14: one SYNC per range, in the order requested. */
export function syncOps(list: MemberList, ranges: readonly Range[]): SyncOp[] {
  return ranges.map((range) => syncOp(list, range))
}

/**
 * The answer to a new op 14 for a list the session may already hold ranges in: the new ranges
 * replace the old, so each old range not requested again gets `INVALIDATE` first, then every
 * requested range its `SYNC`, in the order requested (docs/design/semantics.md §10).
 */
export function requestOps(
  list: MemberList,
  held: readonly Range[],
  requested: readonly Range[],
): (InvalidateOp | SyncOp)[] {
  const dropped = held.filter(([s, e]) => !requested.some(([rs, re]) => rs === s && re === e))
  const invalidations = dropped.map((range): InvalidateOp => ({ op: 'INVALIDATE', range }))
  return [...invalidations, ...syncOps(list, requested)]
}

/**
 * The ops one session must receive for `change`, given the ranges it holds and the length of its
 * copy (`ListSubscription` tracks both). `list` is the list after the change. `null` means
 * send nothing: no range ends at or after the first index the change touches. Otherwise the ops
 * leave every range exact (as the reference client, `applyOps`, applies them), and may be empty
 * when the change fell between the ranges (the payload still carries the new counts).
 *
 * The edits come in the order they happened, minus those the ranges cannot see: an `UPDATE` outside
 * every range, and anything past the last range's end. Inserts and deletes before or inside a range
 * are kept, since they shift what it shows. Then each slot that slid into a range from outside it
 * (at either end) gets an `UPDATE`, or its range a fresh `SYNC` when that is cheaper. Cost counts
 * ops plus items carried; in `'auto'` the whole answer is a re-SYNC of the touched ranges when that
 * costs less, which is how large multi-member changes (a role reorder, a role given to many)
 * usually go out.
 *
 * @example
 * const change = list.upsert(carlNowOffline)
 * planUpdate(change, list, [[0, 99]], 9)?.ops
 * // DELETE 5, UPDATE 4 (online header), INSERT 7 (carl), UPDATE 6 (offline header)
 */
export function planUpdate(
  change: ListChange,
  list: MemberList,
  ranges: readonly Range[],
  clientLength: number,
  strategy: PlanStrategy = 'auto',
): UpdatePlan | null {
  const reach = Math.max(-1, ...ranges.map(([, end]) => end))
  if (change.firstIndex > reach) return null
  const touched = ranges.filter(([, end]) => end >= change.firstIndex)
  if (strategy !== 'resync') {
    const budget = strategy === 'edits' ? Infinity : resyncCost(touched, list.length)
    const edits = editPlan(change, list, ranges, clientLength, reach, budget)
    if (edits) return planOf(edits)
  }
  const resync = new Shadow([], clientLength, list.length)
  for (const range of touched) resync.sync(range, list.slice(...range))
  return planOf(resync)
}

/** The cost of re-SYNCing `ranges` of a list of `length` slots, without building the items. */
function resyncCost(ranges: readonly Range[], length: number): number {
  return ranges.reduce((cost, range) => cost + 1 + slotsFilled(range, length), 0)
}

/** How many of `range`'s slots hold an item in a list of `length` slots. */
function slotsFilled([start, end]: Range, length: number): number {
  return Math.max(0, Math.min(end, length - 1) - start + 1)
}

/** The edits the ranges can see, then the fixes; `null` as soon as it costs more than `budget`. */
function editPlan(
  change: ListChange,
  list: MemberList,
  ranges: readonly Range[],
  clientLength: number,
  reach: number,
  budget: number,
): Shadow | null {
  const shadow = new Shadow(ranges, clientLength, change.lengthBefore)
  const inRange = (index: number) => ranges.some(([start, end]) => start <= index && index <= end)
  for (const edit of change.edits) {
    const visible = edit.index <= reach && (edit.op !== 'UPDATE' || inRange(edit.index))
    if (visible) shadow.forward(edit)
    else shadow.withhold(edit)
    // A big regroup is hundreds of thousands of edits: stop once the re-SYNC is known to be
    // cheaper.
    if (shadow.cost > budget) return null
  }
  // Slots that slid into a range from outside it, or whose edit was withheld, get the list's item
  // now: one UPDATE each (cost 2), or one SYNC of the range (cost 1 + its items) when that is
  // cheaper.
  for (const range of ranges) {
    const [start, end] = range
    const stale = shadow.stale(start, Math.min(end, list.length - 1))
    if (stale.length === 0) continue
    if (1 + slotsFilled(range, list.length) < 2 * stale.length) {
      shadow.sync(range, list.slice(start, end))
    } else {
      // Stale positions are below the list's length, so each has an item.
      for (const index of stale) shadow.update(index, list.itemAt(index) as ListItem)
    }
  }
  const pastEnd = ranges.some(([s, e]) => shadow.stale(Math.max(s, list.length), e).length > 0)
  if (pastEnd) shadow.trimToEnd()
  return shadow.cost > budget ? null : shadow
}

function planOf(shadow: Shadow): UpdatePlan {
  return { ops: shadow.ops, clientLength: shadow.clientLength }
}
