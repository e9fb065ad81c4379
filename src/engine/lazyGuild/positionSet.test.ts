import { describe, expect, it } from 'vitest'
import { PositionSet } from './positionSet.ts'

const members = (set: PositionSet, upTo = 20) =>
  Array.from({ length: upTo }, (_, i) => i).filter((i) => set.has(i))

describe('PositionSet', () => {
  it('holds ranges and an unbounded tail', () => {
    const set = PositionSet.of(
      [
        [2, 4],
        [8, 8],
      ],
      15,
    )
    expect(members(set)).toEqual([2, 3, 4, 8, 15, 16, 17, 18, 19])
    expect(set.has(1e9)).toBe(true)
    expect(set.missing(0, 9)).toEqual([0, 1, 5, 6, 7, 9])
  })

  it('follows an insert: later positions move up and the new slot joins', () => {
    const set = PositionSet.of([[2, 4]], 10)
    set.insertAt(3)
    expect(members(set, 13)).toEqual([2, 3, 4, 5, 11, 12])
    set.insertAt(0)
    expect(members(set, 13)).toEqual([0, 3, 4, 5, 6, 12])
  })

  it('follows a delete: the slot leaves and later positions move down', () => {
    const set = PositionSet.of(
      [
        [2, 4],
        [6, 7],
      ],
      10,
    )
    set.deleteAt(4)
    expect(members(set, 12)).toEqual([2, 3, 5, 6, 9, 10, 11])
    set.deleteAt(4) // not in the set: only the shift
    expect(members(set, 12)).toEqual([2, 3, 4, 5, 8, 9, 10, 11])
  })

  it('removes a position, truncates, and re-adds a tail', () => {
    const set = PositionSet.of([[0, 5]], 8)
    set.remove(2)
    set.truncate(4)
    expect(members(set)).toEqual([0, 1, 3])
    set.add(6, Infinity)
    expect(members(set, 9)).toEqual([0, 1, 3, 6, 7, 8])
  })
})
