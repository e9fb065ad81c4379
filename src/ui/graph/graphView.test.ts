import { describe, expect, it } from 'vitest'
import { buildGraphView, LOD_THRESHOLD, LOD_VISIBLE_USERS } from './graphView.ts'
import { loadForTest, loadLargeForTest } from './testModel.ts'

const noOptions = { expanded: {}, pinned: new Set<string>() }

describe('buildGraphView', () => {
  it('draws every session inside its user frame below the threshold', () => {
    const { store } = loadForTest('guild-basics')
    const view = buildGraphView(store.getState().model, noOptions)
    expect(view.summarised).toBe(false)
    expect(view.sessions).toHaveLength(4)
    expect(view.users.map((u) => [u.username, u.sessionNodeIds.length])).toEqual([
      ['alice', 1],
      ['bob', 1],
      ['carol', 2],
    ])
    expect(view.topics.map((t) => t.id)).toEqual(['guild:20971520', 'channel:1001', 'channel:1002'])
    // #staff: alice, and bob (whose subscription outlived his role)
    expect(view.links.filter((l) => l.source === 'channel:1002')).toHaveLength(2)
    store.destroy()
  })

  it('expands friend topics to every session of each friend', () => {
    const { store } = loadForTest('friends-and-presence')
    const view = buildGraphView(store.getState().model, noOptions)
    const friendLinks = view.links.filter((l) => l.source === 'friend:10')
    const targets = friendLinks.map((l) => view.sessions.find((s) => s.id === l.target)?.username)
    expect(targets.sort()).toEqual(['bob', 'carol'])
    store.destroy()
  })

  it('summarises above the threshold: per multi-session user, per bot shard, then "+N more"', async () => {
    const { store } = await loadLargeForTest('large-guild')
    const model = store.getState().model
    expect(model.sessions.length).toBeGreaterThan(LOD_THRESHOLD)
    const view = buildGraphView(model, noOptions)
    expect(view.summarised).toBe(true)
    expect(view.sessions).toHaveLength(LOD_VISIBLE_USERS)
    const kinds = view.summaries.map((s) => [s.kind, s.sessionIds.length])
    expect(kinds).toContainEqual(['user', 2])
    expect(kinds.filter(([k]) => k === 'shard')).toHaveLength(4)
    const more = view.summaries.find((s) => s.kind === 'more')
    expect(more?.label).toBe(`+${(994 - LOD_VISIBLE_USERS).toLocaleString('en-US')} more`)
    // Every session is drawn by exactly one node; the guild's one link into "+N more" counts them all.
    expect(view.nodeOfSession.size).toBe(1000)
    const intoMore = view.links.find((l) => l.source === 'guild:20971520' && l.target === more?.id)
    expect(intoMore?.count).toBe(more?.sessionIds.length)
    expect(view.users.length + view.sessions.length + view.summaries.length).toBeLessThan(40)
    store.destroy()
  })

  it('shows more on expand and keeps a pinned session visible', async () => {
    const { store } = await loadLargeForTest('large-guild')
    const model = store.getState().model
    const pinned = model.sessions.at(-1)?.id ?? ''
    const view = buildGraphView(model, {
      expanded: { 'summary:more': 50 },
      pinned: new Set([pinned]),
    })
    expect(view.sessions).toHaveLength(LOD_VISIBLE_USERS + 50 + 1)
    expect(view.nodeOfSession.get(pinned)).toBe(`session:${pinned}`)
    store.destroy()
  })
})
