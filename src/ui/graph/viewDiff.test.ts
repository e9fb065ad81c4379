import { describe, expect, it } from 'vitest'
import type { GraphModel } from '../../store/graphModel.ts'
import { buildGraphView } from './graphView.ts'
import { computeLayout, layoutInput } from './layout.ts'
import { loadForTest } from './testModel.ts'
import { toFlowElements } from './toFlowElements.ts'
import { diffViews } from './viewDiff.ts'

const view = (model: GraphModel) => buildGraphView(model, { expanded: {}, pinned: new Set() })

/** The flow edges of the model at the cursor, compared with the marked step's. */
function comparedEdges(store: ReturnType<typeof loadForTest>['store']) {
  const { model, baseline } = store.getState()
  if (!baseline) throw new Error('no marked step')
  const now = view(model)
  const diff = diffViews(view(baseline.model), now)
  return toFlowElements(now, computeLayout(layoutInput(now)), null, {}, null, diff).edges
}

describe('comparing the graph with a marked step', () => {
  it('marks the edges of subscriptions made since; the others stay plain', () => {
    const { store } = loadForTest('intents')
    store.getState().actions.seek(2)
    store.getState().actions.compareFromHere()
    store.getState().actions.seek(4)
    const edges = comparedEdges(store)
    const sessions = store.getState().model.sessions
    const added = edges.filter((e) => e.data?.change === 'added').map((e) => e.target)
    expect(added.sort()).toEqual(
      [sessions[1], sessions[1], sessions[2], sessions[2]].map((s) => `session:${s?.id}`).sort(),
    )
    expect(edges.filter((e) => e.data?.change === null)).toHaveLength(2) // alice's two
    expect(edges.some((e) => e.data?.change === 'removed')).toBe(false)
    store.destroy()
  })

  it('draws dropped subscriptions as ghosts when both ends are still on the graph', () => {
    const { store } = loadForTest('guild-basics')
    store.getState().actions.compareFromHere()
    store.getState().actions.apply({
      target: 'actions',
      method: 'updateChannel',
      args: ['1001', { overwrites: [{ id: '20971520', type: 0, deny: String(1 << 10) }] }],
    })
    store.getState().actions.pause()
    const ghosts = comparedEdges(store).filter((e) => e.data?.change === 'removed')
    // updateChannel re-checks that channel's sessions only (docs/design/semantics.md §10): bob's stale
    // #staff subscription, left by the scenario's world-only role change, is not this step's doing.
    expect(ghosts.map((e) => e.source).sort()).toEqual([
      'channel:1001',
      'channel:1001',
      'channel:1001',
    ])
    expect(ghosts.every((e) => e.id.startsWith('removed:') && e.data?.kind === null)).toBe(true)
    store.destroy()
  })

  it('leaves out a ghost whose session is gone: the Changes panel lists it instead', () => {
    const { store } = loadForTest('intents')
    store.getState().actions.compareFromHere() // all three identified
    store.getState().actions.seek(3) // logbot not yet
    const edges = comparedEdges(store)
    expect(edges.some((e) => e.data?.change === 'removed')).toBe(false)
    store.destroy()
  })
})
