import { describe, expect, it } from 'vitest'
import { buildGraphView } from './graphView.ts'
import { computeLayout, layoutInput } from './layout.ts'
import { buildOverlay } from './overlay.ts'
import { loadForTest, loadLargeForTest } from './testModel.ts'
import { toFlowElements, type SessionNode, type SummaryNode } from './toFlowElements.ts'

async function elementsAfter(id: string, suggestion: number) {
  const t = await loadLargeForTest(id)
  const record = t.suggest(suggestion)
  if (!record) throw new Error('no dispatch')
  const view = buildGraphView(t.store.getState().model, { expanded: {}, pinned: new Set() })
  const layout = computeLayout(layoutInput(view))
  const overlay = buildOverlay(record, view, 'transient')
  t.store.destroy()
  return { view, overlay, ...toFlowElements(view, layout, overlay, {}, null) }
}

describe('toFlowElements', () => {
  it('gives the session without the intent a skipped outcome and its edge the reason', async () => {
    const { nodes, edges } = await elementsAfter('intents', 0)
    const sessions = nodes.filter((n): n is SessionNode => n.type === 'session')
    const logbot = sessions.find((n) => n.data.username === 'logbot')
    expect(logbot?.data.outcome).toEqual({ kind: 'skipped', reason: 'intents' })
    expect(sessions.filter((n) => n.data.outcome?.kind === 'delivered')).toHaveLength(2)
    const edge = edges.find((e) => e.target === logbot?.id && e.source === 'guild:20971520')
    expect(edge?.data).toMatchObject({ kind: 'skipped', label: 'intents' })
    // edges of the guild are active, the channel's are quiet
    expect(edges.filter((e) => e.source === 'channel:1001').every((e) => e.data?.quiet)).toBe(true)
  })

  it('draws a transient topic node and edges for a member dispatch, shard skips included', async () => {
    const { nodes, edges } = await elementsAfter('sharded-bot', 1)
    const topic = nodes.find((n) => n.id === 'member:20971520:50')
    expect(topic?.data).toMatchObject({ transient: true, active: true })
    const transient = edges.filter((e) => e.source === 'member:20971520:50')
    expect(transient.map((e) => e.data?.kind).sort()).toEqual([
      'delivered',
      'skipped',
      'skipped',
      'skipped',
    ])
    expect(transient.filter((e) => e.data?.label === 'shard')).toHaveLength(3)
  })

  it('marks not-subscribed sessions without inventing an edge', async () => {
    const { nodes, edges } = await elementsAfter('dms-and-group-dms', 1)
    const carolShard1 = nodes.find(
      (n): n is SessionNode =>
        n.type === 'session' && n.data.username === 'carol' && n.data.session.shard[0] === 1,
    )
    expect(carolShard1?.data.outcome).toEqual({ kind: 'not-subscribed' })
    expect(edges.some((e) => e.target === carolShard1?.id)).toBe(false)
  })

  it('draws one node per member list; a holder the update did not reach flashes with range', async () => {
    const { nodes, edges, overlay } = await elementsAfter('lazy-member-list', 0)
    expect(overlay.topicId).toBe('lazy_guild:20971520:everyone')
    expect(nodes.find((n) => n.id === 'lazy_guild:20971520:everyone')?.data).toMatchObject({
      active: true,
      transient: false,
    })
    const fromList = edges.filter((e) => e.source === 'lazy_guild:20971520:everyone')
    expect(fromList).toHaveLength(2)
    expect(fromList.map((e) => e.data?.kind ?? null).sort()).toEqual(['delivered', 'skipped'])
    expect(fromList.find((e) => e.data?.kind === 'skipped')?.data?.label).toBe('range')
  })

  it('puts sessions inside their user frame, parents first', async () => {
    const { nodes } = await elementsAfter('guild-basics', 0)
    const index = new Map(nodes.map((n, i) => [n.id, i]))
    for (const n of nodes)
      if (n.parentId) expect(index.get(n.parentId)).toBeLessThan(index.get(n.id) ?? -1)
  })

  it('counts outcomes on summary nodes above the threshold', async () => {
    const { nodes, edges } = await elementsAfter('large-guild', 0)
    const more = nodes.find(
      (n): n is SummaryNode => n.type === 'summary' && n.data.summary.kind === 'more',
    )
    expect(more?.data.counts?.delivered).toBe(more?.data.summary.sessionIds.length)
    expect(edges.find((e) => e.target === more?.id)?.data?.label).toMatch(/^982 delivered$/)
    expect(nodes.length).toBeLessThan(60)
  })

  it('keeps dragged positions over the layout', () => {
    const t = loadForTest('intents')
    const view = buildGraphView(t.store.getState().model, { expanded: {}, pinned: new Set() })
    const { nodes } = toFlowElements(
      view,
      computeLayout(layoutInput(view)),
      null,
      { 'guild:20971520': { x: -99, y: 7 } },
      null,
    )
    expect(nodes.find((n) => n.id === 'guild:20971520')?.position).toEqual({ x: -99, y: 7 })
    t.store.destroy()
  })
})
