import { lengthAfter } from './clientCopy.ts'
import type { MemberList } from './memberList.ts'
import {
  planUpdate,
  requestOps,
  syncOps,
  validateRanges,
  type PlanStrategy,
  type UpdatePlan,
} from './ops.ts'
import type { InvalidateOp, ListChange, ListOp, Range, SyncOp } from './types.ts'

/**
 * One session's hold on one member list: the ranges it asked for with op 14, and the length of its
 * copy of the list (as `applyOps` in clientCopy.ts leaves it). The length lets the planner stay
 * minimal without guessing: it knows whether the copy holds anything past the end of the list, so
 * it trims with a trailing DELETE only when rows pushed out of the ranges earlier really are there.
 *
 * A client keeps what it was sent until an op removes or replaces it, also after it lets go of its
 * ranges (docs/design/semantics.md §10), so a session keeps one subscription per list for its whole
 * life: releasing a list (`request(list, [])`) and asking again later goes through the same
 * subscription, whose length still describes the client's copy. When a channel's list id changes,
 * `request(oldList, [])` gives the INVALIDATEs of the old list, and the new list's subscription
 * `request(newList, ranges)` the SYNCs.
 *
 * @example
 * const sub = new ListSubscription()
 * send(sub.request(list, [[0, 99]])) // [SYNC [0, 99]]
 * const change = list.upsert(member)
 * const ops = sub.update(change, list) // this session's ops, or null to send it nothing
 */
/**
 * Plans already made for one change of one list, by the shape they were made for (ranges, copy length,
 * strategy). `planUpdate` depends on nothing else, so subscriptions of the same shape share one plan,
 * and their sessions one payload (see `ListSubscription.update`). Make one per change, never keep it.
 */
export class PlanMemo {
  private readonly plans = new Map<string, UpdatePlan | null>()
  // The shape asked for last, and its plan: a list's holders mostly share one shape, and a key string
  // built and hashed for each of 100,000 holders was a third of a presence change's cost.
  private lastStrategy: PlanStrategy | null = null
  private lastLength = -1
  private lastShape = ''
  private lastPlan: UpdatePlan | null = null

  /** The plan for this shape, made by `make` the first time it is asked for. */
  plan(
    strategy: PlanStrategy,
    length: number,
    shape: string,
    make: () => UpdatePlan | null,
  ): UpdatePlan | null {
    if (strategy === this.lastStrategy && length === this.lastLength && shape === this.lastShape) {
      return this.lastPlan
    }
    const key = `${strategy}|${length}|${shape}`
    let plan = this.plans.get(key)
    if (plan === undefined) {
      plan = make()
      this.plans.set(key, plan)
    }
    this.lastStrategy = strategy
    this.lastLength = length
    this.lastShape = shape
    this.lastPlan = plan
    return plan
  }
}

export class ListSubscription {
  private held: readonly Range[] = []
  private length = 0
  /** `held` written out (see {@link shape}), or null until asked after a change of `held`. */
  private heldKey: string | null = null

  /** A subscription as a snapshot left it: these ranges, a client copy of this length. */
  static restore(ranges: readonly Range[], clientLength: number): ListSubscription {
    const sub = new ListSubscription()
    sub.setHeld(ranges.map(([start, end]): Range => [start, end]))
    sub.length = clientLength
    return sub
  }

  /** The ranges held, in the order last requested. */
  get ranges(): readonly Range[] {
    return this.held
  }

  /** The length of the client's copy once it has applied every op handed out so far. */
  get clientLength(): number {
    return this.length
  }

  /**
   * The session stops holding ranges without being told (it left the guild): no ops, and its client
   * keeps its copy, whose length still counts if it asks again (docs/design/semantics.md §10).
   */
  forgetRanges(): void {
    this.setHeld([])
  }

  /**
   * A new op 14 for this list: the ops to send (`INVALIDATE` for each dropped range, then a `SYNC`
   * per requested range, in order). Invalid ranges are refused whole with `INVALID_RANGE`, changing
   * nothing.
   */
  request(list: MemberList, ranges: readonly Range[]): ListOp[] {
    validateRanges(ranges)
    const ops = requestOps(list, this.held, ranges)
    this.setHeld(ranges.map(([start, end]): Range => [start, end]))
    this.length = ops.reduce(lengthAfter, this.length)
    return ops
  }

  /**
   * The session keeps only `kept` of its ranges (a channel it asked through showed another list, or
   * it lost sight of it): `INVALIDATE` for the slots of each dropped range that no kept range covers
   * (a kept range's slots stay exact, so they must not be distrusted). `kept` are ranges it holds
   * already, so nothing needs a SYNC.
   */
  narrow(kept: readonly Range[]): InvalidateOp[] {
    const same = (a: Range, b: Range) => a[0] === b[0] && a[1] === b[1]
    const dropped = this.held.filter((range) => !kept.some((k) => same(k, range)))
    this.setHeld(kept.map(([start, end]): Range => [start, end]))
    return dropped
      .flatMap((range) => uncovered(range, kept))
      .map((range): InvalidateOp => ({ op: 'INVALIDATE', range }))
  }

  /**
   * The session holds `ranges` too (a channel it asked through now shows this list, which it
   * already holds through another channel; docs/design/semantics.md §10 adds them up): a `SYNC` of
   * each, in order. A range it holds already is exact in its copy and is held once: no SYNC, not
   * added again.
   */
  add(list: MemberList, ranges: readonly Range[]): SyncOp[] {
    validateRanges(ranges)
    const held = (range: Range) => this.held.some(([s, e]) => s === range[0] && e === range[1])
    const fresh = ranges.filter((range) => !held(range))
    const ops = syncOps(list, fresh)
    this.setHeld([...this.held, ...fresh.map(([start, end]): Range => [start, end])])
    this.length = ops.reduce(lengthAfter, this.length)
    return ops
  }

  /**
   * The ops this session must receive for `change`, `list` being the list after it; `null` to send
   * nothing. Call it for every change, in order, before the list changes again. With a `memo` shared
   * by the subscriptions of one change, those of the same shape get the very same ops array (plan once,
   * send one payload to all; 10,000 holders of `[0, 99]` made 10,000 identical copies). Never mutate it.
   */
  update(
    change: ListChange,
    list: MemberList,
    strategy: PlanStrategy = 'auto',
    memo?: PlanMemo,
  ): readonly ListOp[] | null {
    const plan =
      memo === undefined
        ? planUpdate(change, list, this.held, this.length, strategy)
        : memo.plan(strategy, this.length, this.shape(), () =>
            planUpdate(change, list, this.held, this.length, strategy),
          )
    if (!plan) return null
    this.length = plan.clientLength
    return plan.ops
  }

  /** The held ranges as a string, `"0-99,200-299"`: equal strings, equal ranges in the same order. */
  private shape(): string {
    return (this.heldKey ??= this.held.map(([start, end]) => `${start}-${end}`).join(','))
  }

  private setHeld(ranges: readonly Range[]): void {
    this.held = ranges
    this.heldKey = null
  }
}

/** The parts of `range` that none of `cover` spans, in order. */
function uncovered(range: Range, cover: readonly Range[]): Range[] {
  let parts: Range[] = [range]
  for (const [cs, ce] of cover) {
    parts = parts.flatMap(([s, e]): Range[] => {
      if (ce < s || cs > e) return [[s, e]]
      const left: Range[] = cs > s ? [[s, cs - 1]] : []
      const right: Range[] = ce < e ? [[ce + 1, e]] : []
      return [...left, ...right]
    })
  }
  return parts
}
