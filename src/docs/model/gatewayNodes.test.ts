import { describe, expect, it } from 'vitest'
import {
  eventCost,
  placeSessions,
  recipientsPerNode,
  routingState,
  subscribeCost,
} from './gatewayNodes.ts'

// r_k for K = 4 nodes: 3 recipients on node 0, none on node 1, 5 on node 2, 1 on node 3 (R = 9).
const R = [3, 0, 5, 1]

describe('K gateway nodes (anchors.md §4)', () => {
  it('broadcast sends K messages and wakes the nodes with no recipient too', () => {
    expect(eventCost('broadcast', R)).toEqual({
      messages: 4,
      nodesWoken: 4,
      idleNodes: 1,
      decodesPerNode: [1, 1, 1, 1],
    })
  })

  it('a topic per session sends R messages, r_k to each node', () => {
    expect(eventCost('topic-per-session', R)).toMatchObject({
      messages: 9,
      nodesWoken: 3,
      idleNodes: 0,
      decodesPerNode: [3, 0, 5, 1],
    })
  })

  it('interest routing and an owner process send one message per node with recipients', () => {
    for (const s of ['interest', 'batching'] as const) {
      expect(eventCost(s, R)).toMatchObject({ messages: 3, nodesWoken: 3, idleNodes: 0 })
    }
  })

  it('costs nothing when nobody is subscribed, except broadcast', () => {
    expect(eventCost('broadcast', [0, 0]).messages).toBe(2)
    for (const s of ['topic-per-session', 'interest', 'batching'] as const)
      expect(eventCost(s, [0, 0]).messages).toBe(0)
  })

  it('with one node every strategy but per-session topics sends one message', () => {
    expect(eventCost('broadcast', [7]).messages).toBe(1)
    expect(eventCost('interest', [7]).messages).toBe(1)
    expect(eventCost('topic-per-session', [7]).messages).toBe(7)
  })

  it('counts the routing state: per session, per (topic, node), or none', () => {
    const topics = [
      [0, 0, 2],
      [1, 1, 1, 1],
    ]
    expect(routingState('broadcast', topics)).toBe(0)
    expect(routingState('topic-per-session', topics)).toBe(7)
    expect(routingState('interest', topics)).toBe(3)
    expect(routingState('batching', topics)).toBe(7)
  })

  it('subscribes through the broker only on a node’s first session for interest routing', () => {
    const topics = [[0, 2], [1], []]
    expect(subscribeCost('interest', 0, topics)).toBe(2)
    expect(subscribeCost('topic-per-session', 0, topics)).toBe(3)
    expect(subscribeCost('broadcast', 0, topics)).toBe(0)
  })

  it('places sessions deterministically and counts recipients per node', () => {
    const placement = placeSessions(100, 4, 7)
    expect(placement).toEqual(placeSessions(100, 4, 7))
    expect(new Set(placement)).toEqual(new Set([0, 1, 2, 3]))
    const r = recipientsPerNode(placement, 100, 4)
    expect(r.reduce((a, b) => a + b, 0)).toBe(100)
    expect(recipientsPerNode([2, 2, 0], 2, 3)).toEqual([0, 0, 2])
  })
})
