import { describe, expect, it } from 'vitest'
import { logRowsOf } from '../../store/logRows.ts'
import { loadForTest } from '../graph/testModel.ts'
import { DEFAULT_SORT, eventTypes, outcomePills, rowEvent, viewRows } from './logView.ts'

function rowsAfter(id: string, suggestion: number) {
  const t = loadForTest(id)
  t.suggest(suggestion)
  const { steps, cursor, model } = t.store.getState()
  t.store.destroy()
  return { rows: logRowsOf(steps, cursor), model }
}

describe('the event log’s rows', () => {
  it('give each row one outcome column of pills, skip reasons and own presence included', () => {
    const { rows, model } = rowsAfter('intents', 0)
    const update = rows.find((r) => rowEvent(r) === 'GUILD_UPDATE')
    if (!update) throw new Error('no row')
    expect(outcomePills(update, model)).toEqual([
      { kind: 'delivered', text: '2 delivered' },
      { kind: 'skipped', text: '1 intents' },
    ])
    const ready = rows.find((r) => r.kind === 'direct')
    expect(ready && outcomePills(ready, model)).toEqual([
      { kind: 'delivered', text: '2 delivered' },
    ])
  })

  it('filter by event type and by outcome, and sort by a column, stably', () => {
    const { rows } = rowsAfter('intents', 0)
    expect(eventTypes(rows)).toContain('GUILD_UPDATE')
    expect(eventTypes(rows)).toContain('READY')
    const updates = viewRows(rows, { type: 'GUILD_UPDATE', outcome: 'all' }, DEFAULT_SORT)
    expect(updates).toHaveLength(1)
    const skipped = viewRows(rows, { type: null, outcome: 'skipped' }, DEFAULT_SORT)
    expect(skipped.length).toBeGreaterThan(0)
    expect(skipped.every((r) => r.kind === 'dispatch' && r.record.result.skipped.length > 0)).toBe(
      true,
    )
    const direct = viewRows(rows, { type: null, outcome: 'direct' }, DEFAULT_SORT)
    expect(direct.every((r) => r.kind === 'direct')).toBe(true)
    const newest = viewRows(rows, { type: null, outcome: 'all' }, { key: 'step', descending: true })
    expect(newest[0]).toBe(rows.at(-1))
    const byEvent = viewRows(
      rows,
      { type: null, outcome: 'all' },
      { key: 'event', descending: false },
    )
    const names = byEvent.map(rowEvent)
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')))
    // Rows of the same event keep the order they happened in.
    const presences = byEvent.filter((r) => rowEvent(r) === 'PRESENCE_UPDATE')
    expect(presences).toEqual(rows.filter((r) => rowEvent(r) === 'PRESENCE_UPDATE'))
  })
})
