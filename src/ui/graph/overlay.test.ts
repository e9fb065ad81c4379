import { describe, expect, it } from 'vitest'
import { rowsOfStep, type DirectRow } from '../../store/logRows.ts'
import { sessionLabel } from '../format/sessionLabel.ts'
import { buildGraphView } from './graphView.ts'
import { buildDirectOverlay, buildStepOverlay } from './overlay.ts'
import { loadForTest } from './testModel.ts'

describe('overlays of direct sends and whole steps', () => {
  it('draws a RESUME’s replay from the session’s resume buffer, one token per frame', () => {
    const t = loadForTest('disconnect-and-resume')
    t.suggest(0)
    const { steps, cursor, model } = t.store.getState()
    t.store.destroy()
    const step = steps[cursor - 1]!
    const row = rowsOfStep(step, cursor - 1).find((r): r is DirectRow => r.kind === 'direct')!
    const view = buildGraphView(model, { expanded: {}, pinned: new Set() })
    const overlay = buildDirectOverlay(row, step.directs, view, (id) => sessionLabel(model, id))
    expect(overlay.transientTopics).toEqual([
      { id: `direct:${row.sessionId}`, label: 'resume buffer', kind: 'direct', detail: 'bob #1' },
    ])
    expect(overlay.edges).toHaveLength(1)
    expect(overlay.edges[0]).toMatchObject({
      kind: 'delivered',
      label: '2 replayed + RESUMED',
      frames: 3,
      transient: true,
    })
  })

  it('merges a step’s rows: a node reached several times gets a tally, topics all lit', () => {
    const t = loadForTest('guild-basics')
    const { steps, model } = t.store.getState()
    t.store.destroy()
    const view = buildGraphView(model, { expanded: {}, pinned: new Set() })
    const name = (id: string) => sessionLabel(model, id)
    const overlay = buildStepOverlay(steps[3]!, 3, view, () => 'x', name)
    if (!overlay) throw new Error('no overlay')
    expect(overlay.dispatchId).toBe('step:3')
    expect(overlay.topicIds.has('guild:20971520')).toBe(true)
    const carol = [...model.directory.values()].find(
      (e) => model.users.find((u) => u.id === e.userId)?.username === 'carol' && e.ordinal === 1,
    )
    expect(overlay.tallies.get(`session:${carol?.id}`)).toBe('✓ 2×')
    expect(buildStepOverlay(steps[5]!, 5, view, () => 'x', name)).toBeNull()
  })
})
