import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { OrderTree } from './orderTree.ts'

const byNumber = (a: number, b: number) => a - b

describe('OrderTree', () => {
  it('keeps values sorted with ranks, as a sorted array would', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), value: fc.integer({ min: 0, max: 60 }) }),
      fc.record({ kind: fc.constant('delete' as const), value: fc.integer({ min: 0, max: 60 }) }),
    )
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), fc.nat(), (steps, seed) => {
        const tree = new OrderTree(byNumber, seed)
        let model: number[] = []
        for (const { kind, value } of steps) {
          const present = model.includes(value)
          if (kind === 'insert' && !present) {
            tree.insert(value)
            model = [...model, value].sort(byNumber)
          } else if (kind === 'delete') {
            expect(tree.delete(value)).toBe(present)
            model = model.filter((v) => v !== value)
          }
        }
        expect(tree.size).toBe(model.length)
        expect(tree.slice()).toEqual(model)
        model.forEach((value, index) => {
          expect(tree.rank(value)).toBe(index)
          expect(tree.at(index)).toBe(value)
        })
        expect(tree.at(model.length)).toBeUndefined()
        expect(tree.at(-1)).toBeUndefined()
      }),
    )
  })

  it('ranks absent values by how many values sort before them', () => {
    const tree = new OrderTree(byNumber)
    for (const v of [10, 20, 30]) tree.insert(v)
    expect([5, 15, 25, 35].map((v) => tree.rank(v))).toEqual([0, 1, 2, 3])
  })

  it('slices any window, clamped to the tree', () => {
    const tree = new OrderTree(byNumber)
    for (let v = 0; v < 50; v++) tree.insert(v * 2)
    expect(tree.slice(10, 14)).toEqual([20, 22, 24, 26])
    expect(tree.slice(48, 60)).toEqual([96, 98])
    expect(tree.slice(-3, 2)).toEqual([0, 2])
    expect(tree.slice(30, 30)).toEqual([])
  })

  it('replaces a value in place with setAt', () => {
    const tree = new OrderTree(byNumber)
    for (const v of [10, 20, 30]) tree.insert(v)
    tree.setAt(1, 25)
    expect(tree.slice()).toEqual([10, 25, 30])
  })

  it('stays shallow on sorted input: 100,000 ascending inserts', () => {
    const tree = new OrderTree(byNumber)
    for (let v = 0; v < 100_000; v++) tree.insert(v)
    expect(tree.rank(77_777)).toBe(77_777)
    expect(tree.at(99_999)).toBe(99_999)
  })
})
