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
})
