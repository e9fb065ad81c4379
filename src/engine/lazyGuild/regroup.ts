import type { ListEdit, ListItem } from './types.ts'

/** A non-empty group as the flat list lays it out: its id and its slots (header plus members). */
export interface GroupSpan {
  readonly id: string
  readonly slots: number
}

/**
 * The edits that turn a flat list laid out as `before` into the same groups laid out as `after` (a
 * hoisted role moved), moving as few slots as possible: the heaviest run of groups common to both
 * orders stays put; each other group is deleted from its old place, then inserted, header first, at
 * its new one.
 *
 * Groups are few (hoisted roles), so the O(groups²) search is nothing next to the slots moved.
 */
export function regroupEdits(
  before: readonly GroupSpan[],
  after: readonly GroupSpan[],
  itemsOf: (groupId: string) => readonly ListItem[],
): ListEdit[] {
  const kept = heaviestCommonSubsequence(before, after)
  const edits: ListEdit[] = []
  let index = 0
  for (const { id, slots } of before) {
    if (kept.has(id)) index += slots
    else for (let i = 0; i < slots; i++) edits.push({ op: 'DELETE', index })
  }
  // Walking the new order, every group before `index` is already in place: kept groups keep their
  // relative order, and moved ones were inserted by earlier iterations.
  index = 0
  for (const { id, slots } of after) {
    if (!kept.has(id)) {
      itemsOf(id).forEach((item, offset) =>
        edits.push({ op: 'INSERT', index: index + offset, item }),
      )
    }
    index += slots
  }
  return edits
}

/** Groups of `after`, in order, whose old positions rise to `at`: `slots` stay in place. */
interface Chain {
  readonly at: number
  readonly slots: number
  readonly ids: readonly string[]
}

/**
 * The groups that can stay put: both orders hold the same groups, so a common subsequence is a
 * chain of `after` whose old positions increase; this finds the one with the most slots
 * (O(groups²)).
 */
function heaviestCommonSubsequence(
  before: readonly GroupSpan[],
  after: readonly GroupSpan[],
): Set<string> {
  const oldIndex = new Map(before.map((group, index) => [group.id, index]))
  const empty: Chain = { at: -1, slots: 0, ids: [] }
  const chains: Chain[] = []
  for (const group of after) {
    const at = oldIndex.get(group.id) ?? -1
    let best = empty
    for (const chain of chains) if (chain.at < at && chain.slots > best.slots) best = chain
    chains.push({ at, slots: best.slots + group.slots, ids: [...best.ids, group.id] })
  }
  const heaviest = chains.reduce((a, b) => (b.slots > a.slots ? b : a), empty)
  return new Set(heaviest.ids)
}
