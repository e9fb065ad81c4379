import { EngineError } from '../errors.ts'

/**
 * An order-statistic treap: a sorted set whose nodes also count their subtree, so finding a value's
 * rank, the value at a rank, inserting and deleting are all O(log n) expected. A member list keeps
 * one per group, so a presence change in a 100,000-member guild touches about 40 nodes instead of
 * re-sorting.
 */

interface TreeNode<T> {
  value: T
  readonly priority: number
  size: number
  left: TreeNode<T> | null
  right: TreeNode<T> | null
}

/**
 * A sorted set of values under `compare` (values that compare equal are the same value), with
 * ranks. Priorities come from a seeded xorshift, so the shape, and everything built on it, replays
 * exactly.
 *
 * @example
 * const tree = new OrderTree<number>((a, b) => a - b)
 * tree.insert(30); tree.insert(10); tree.insert(20)
 * tree.rank(20) // 1
 * tree.at(2) // 30
 */
export class OrderTree<T> {
  private root: TreeNode<T> | null = null
  private seed: number
  private readonly compare: (a: T, b: T) => number

  constructor(compare: (a: T, b: T) => number, seed = 0x9e3779b9) {
    this.compare = compare
    this.seed = seed >>> 0 || 1
  }

  /** How many values the tree holds. */
  get size(): number {
    return sizeOf(this.root)
  }

  /** Adds `value`, which must not compare equal to a value already present. */
  insert(value: T): void {
    const node: TreeNode<T> = {
      value,
      priority: this.nextPriority(),
      size: 1,
      left: null,
      right: null,
    }
    this.root = this.insertNode(this.root, node)
  }

  /**
   * Adds `values`, which must be sorted, distinct, and all after the tree's current values, to an
   * empty tree in O(n): the treap is built directly from the sorted run (each value takes the next
   * priority, as `insert` would give it), with none of the n O(log n) descents and comparisons of
   * inserting one by one. Building a 100,000-member list spent a tenth of the Discord-scale scenario's
   * load in those descents. The shape may differ from one-by-one inserts; every answer is the same.
   */
  fillSorted(values: readonly T[]): void {
    if (this.root !== null) {
      throw new EngineError('INVALID_INPUT', 'fillSorted fills an empty tree only')
    }
    // A max-heap on priority over the in-order sequence (a Cartesian tree), built with a stack of
    // the rightmost path.
    const path: TreeNode<T>[] = []
    for (const value of values) {
      const node: TreeNode<T> = {
        value,
        priority: this.nextPriority(),
        size: 1,
        left: null,
        right: null,
      }
      let last: TreeNode<T> | null = null
      while (path.length > 0 && (path[path.length - 1] as TreeNode<T>).priority < node.priority) {
        last = path.pop() as TreeNode<T>
      }
      node.left = last
      if (path.length > 0) (path[path.length - 1] as TreeNode<T>).right = node
      path.push(node)
    }
    this.root = path[0] ?? null
    resizeAll(this.root)
  }

  /** Removes the value that compares equal to `value`; returns whether there was one. */
  delete(value: T): boolean {
    const before = this.size
    this.root = this.deleteNode(this.root, value)
    return this.size < before
  }

  /** How many values sort before `value` (its index, when present). */
  rank(value: T): number {
    let rank = 0
    let node = this.root
    while (node) {
      const order = this.compare(value, node.value)
      if (order <= 0) {
        if (order === 0) return rank + sizeOf(node.left)
        node = node.left
      } else {
        rank += sizeOf(node.left) + 1
        node = node.right
      }
    }
    return rank
  }

  /** The value at index `k` in sorted order, or `undefined` when out of range. */
  at(k: number): T | undefined {
    return this.nodeAt(k)?.value
  }

  /**
   * Replaces the value at index `k`. The caller guarantees the new value sorts between its
   * neighbours, so the order holds without moving the node: a rename that does not re-sort stays
   * O(log n).
   */
  setAt(k: number, value: T): void {
    const node = this.nodeAt(k)
    if (node) node.value = value
  }

  /** The values at indices `from` (inclusive) to `to` (exclusive), in order: O(log n + count). */
  slice(from = 0, to = this.size): T[] {
    const out: T[] = []
    collect(this.root, Math.max(from, 0), Math.min(to, this.size), 0, out)
    return out
  }

  private nodeAt(k: number): TreeNode<T> | null {
    let node = this.root
    let index = k
    while (node) {
      const leftSize = sizeOf(node.left)
      if (index === leftSize) return node
      if (index < leftSize) {
        node = node.left
      } else {
        index -= leftSize + 1
        node = node.right
      }
    }
    return null
  }

  private insertNode(node: TreeNode<T> | null, fresh: TreeNode<T>): TreeNode<T> {
    if (!node) return fresh
    if (fresh.priority > node.priority) {
      const [left, right] = this.split(node, fresh.value)
      fresh.left = left
      fresh.right = right
      return resize(fresh)
    }
    if (this.compare(fresh.value, node.value) < 0) node.left = this.insertNode(node.left, fresh)
    else node.right = this.insertNode(node.right, fresh)
    return resize(node)
  }

  private deleteNode(node: TreeNode<T> | null, value: T): TreeNode<T> | null {
    if (!node) return null
    const order = this.compare(value, node.value)
    if (order === 0) return merge(node.left, node.right)
    if (order < 0) node.left = this.deleteNode(node.left, value)
    else node.right = this.deleteNode(node.right, value)
    return resize(node)
  }

  /** Splits into the values before `key` and the rest. */
  private split(node: TreeNode<T> | null, key: T): [TreeNode<T> | null, TreeNode<T> | null] {
    if (!node) return [null, null]
    if (this.compare(node.value, key) < 0) {
      const [left, right] = this.split(node.right, key)
      node.right = left
      return [resize(node), right]
    }
    const [left, right] = this.split(node.left, key)
    node.left = right
    return [left, resize(node)]
  }

  /** xorshift32: cheap, seeded, and good enough to keep a treap balanced. */
  private nextPriority(): number {
    let x = this.seed
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    this.seed = x >>> 0
    return this.seed
  }
}

function sizeOf<T>(node: TreeNode<T> | null): number {
  return node ? node.size : 0
}

function resize<T>(node: TreeNode<T>): TreeNode<T> {
  node.size = sizeOf(node.left) + sizeOf(node.right) + 1
  return node
}

/** Sets every node's size from its children's, bottom up (a treap is O(log n) deep, expected). */
function resizeAll<T>(node: TreeNode<T> | null): number {
  if (!node) return 0
  node.size = resizeAll(node.left) + resizeAll(node.right) + 1
  return node.size
}

/** Joins two treaps where every value of `left` sorts before every value of `right`. */
function merge<T>(left: TreeNode<T> | null, right: TreeNode<T> | null): TreeNode<T> | null {
  if (!left) return right
  if (!right) return left
  if (left.priority > right.priority) {
    left.right = merge(left.right, right)
    return resize(left)
  }
  right.left = merge(left, right.left)
  return resize(right)
}

/** In-order walk of the indices [from, to) of the subtree whose first value has index `offset`. */
function collect<T>(node: TreeNode<T> | null, from: number, to: number, offset: number, out: T[]) {
  if (!node || from >= to) return
  const here = offset + sizeOf(node.left)
  if (from < here) collect(node.left, from, to, offset, out)
  if (from <= here && here < to) out.push(node.value)
  if (to > here + 1) collect(node.right, from, to, here + 1, out)
}
