import { describe, expect, it } from 'vitest'
import { buildGraphView } from './graphView.ts'
import { computeLayout, frameHeight, layoutInput } from './layout.ts'
import { loadForTest } from './testModel.ts'

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

  it('never overlaps nodes: columns (and the sub-columns a tall right side wraps into) stack cleanly', () => {
    for (const id of ['sharded-bot', 'lazy-member-list', 'large-guild']) {
      const { store } = loadForTest(id)
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

  it('wraps sessions right, then left of the topics, so the first two columns cross no sessions', () => {
    const { store } = loadForTest('large-guild')
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
})
