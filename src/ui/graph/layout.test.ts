import { describe, expect, it } from 'vitest'
import { buildGraphView } from './graphView.ts'
import {
  computeLayout,
  frameHeight,
  layoutInput,
  orderColumns,
  type LayoutInput,
} from './layout.ts'
import { loadForTest, loadLargeForTest } from './testModel.ts'

describe('layout', () => {
  it('lays out topics on the left and user frames on the right, one edge per topic and frame', () => {
    const { store } = loadForTest('guild-basics')
    const view = buildGraphView(store.getState().model, { expanded: {}, pinned: new Set() })
    const input = layoutInput(view)
    expect(input.nodes.filter((n) => n.column === 0).map((n) => n.id)).toEqual([
      'guild:20971520',
      'channel:1001',
      'channel:1002',
    ])
    const carol = input.nodes.find((n) => n.id === 'frame:12')
    expect(carol?.height).toBe(frameHeight(2))
    // carol's two sessions both subscribe to the guild: one layout edge into her frame
    expect(
      input.edges.filter((e) => e.target === 'frame:12' && e.source === 'guild:20971520'),
    ).toHaveLength(1)
    const positions = computeLayout(input)
    for (const n of input.nodes) expect(positions.get(n.id)?.x).toBe(n.column === 0 ? 0 : 340)
    store.destroy()
  })

  it('never overlaps nodes: columns (and the sub-columns a tall right side wraps into) stack cleanly', async () => {
    for (const id of ['sharded-bot', 'lazy-member-list', 'large-guild']) {
      const { store } = await loadLargeForTest(id)
      const input = layoutInput(
        buildGraphView(store.getState().model, { expanded: {}, pinned: new Set() }),
      )
      const positions = computeLayout(input)
      const columns = new Map<number, { top: number; bottom: number }[]>()
      for (const n of input.nodes) {
        const p = positions.get(n.id) ?? { x: 0, y: 0 }
        columns.set(p.x, [...(columns.get(p.x) ?? []), { top: p.y, bottom: p.y + n.height }])
      }
      for (const boxes of columns.values()) {
        boxes.sort((a, b) => a.top - b.top)
        for (let i = 1; i < boxes.length; i++)
          expect(boxes[i]?.top).toBeGreaterThanOrEqual(boxes[i - 1]?.bottom ?? 0)
      }
      if (id === 'large-guild') expect(columns.size).toBeGreaterThan(2)
      store.destroy()
    }
  })

  it('wraps sessions right, then left of the topics, so the first two columns cross no sessions', async () => {
    const { store } = await loadLargeForTest('large-guild')
    const input = layoutInput(
      buildGraphView(store.getState().model, { expanded: {}, pinned: new Set() }),
    )
    const positions = computeLayout(input)
    const xs = (column: 0 | 1) =>
      new Set(input.nodes.filter((n) => n.column === column).map((n) => positions.get(n.id)?.x))
    expect([...xs(0)]).toEqual([0])
    const sessionXs = [...xs(1)].map(Number).sort((a, b) => a - b)
    // One column on each side of the topics, next to them; any more stand beyond those two.
    expect(sessionXs.filter((x) => x < 0).length).toBeGreaterThanOrEqual(1)
    expect(sessionXs.filter((x) => x > 0)[0]).toBe(340)
    const nearestLeft = Math.max(...sessionXs.filter((x) => x < 0))
    const width = Math.max(...input.nodes.filter((n) => n.column === 1).map((n) => n.width))
    expect(nearestLeft + width).toBe(-140)
    store.destroy()
  })

  it('keeps the topics in the view’s order and puts each session node beside the topics it is linked to', () => {
    const node = (id: string, column: 0 | 1) => ({ id, width: 10, height: 10, column })
    const input: LayoutInput = {
      nodes: [
        node('guild', 0),
        node('general', 0),
        node('staff', 0),
        node('lurker', 1), // linked to nothing: last
        node('staffer', 1), // staff only: row 2
        node('member', 1), // guild and general: rows 0 and 1, mean 0.5
        node('everyone', 1), // all three: mean 1
        node('reader', 1), // guild and general too: ties keep the view's order, after member
      ],
      edges: [
        { source: 'staff', target: 'staffer' },
        { source: 'guild', target: 'member' },
        { source: 'general', target: 'member' },
        { source: 'guild', target: 'everyone' },
        { source: 'general', target: 'everyone' },
        { source: 'staff', target: 'everyone' },
        { source: 'general', target: 'reader' },
        { source: 'guild', target: 'reader' },
      ],
    }
    const { left, right } = orderColumns(input)
    expect(left.map((n) => n.id)).toEqual(['guild', 'general', 'staff'])
    expect(right.map((n) => n.id)).toEqual(['member', 'reader', 'everyone', 'staffer', 'lurker'])
    // Stacked in that order, top to bottom.
    const positions = computeLayout(input)
    const ys = right.map((n) => positions.get(n.id)?.y ?? NaN)
    expect(ys).toEqual([...ys].sort((a, b) => a - b))
  })
})
