/**
 * A model of K gateway nodes: sessions spread over machines, one event for R of them, and what each way
 * of fanning out across machines costs (docs/design/playground.md §7). Pure and deterministic; the
 * "Beyond one process" page draws it.
 *
 * The event is published by a process that holds no sessions (an API worker, say); a "cross-node
 * message" is one message that leaves it or a broker for a gateway node.
 */
import { createRandom } from '../../bench/random.ts'

export type Strategy = 'broadcast' | 'topic-per-session' | 'interest' | 'batching'

export const STRATEGIES: readonly { id: Strategy; name: string; peers: string }[] = [
  {
    id: 'broadcast',
    name: 'Broadcast to every node, filter locally',
    peers: 'Spacebar (unix sockets, rabbitmq-single), Synapse replication',
  },
  {
    id: 'topic-per-session',
    name: 'A broker topic per entity, one subscriber per session',
    peers: 'Revolt (Redis), Spacebar (RabbitMQ)',
  },
  {
    id: 'interest',
    name: 'Interest routing: one broker subscription per topic per node',
    peers: 'NATS-style, ref-counted local interest',
  },
  {
    id: 'batching',
    name: 'An owner process sends once per node',
    peers: 'Discord (a process per guild, Manifold)',
  },
]

/** What one event costs under one strategy. */
export interface EventCost {
  /** Messages that cross the network to gateway nodes. */
  readonly messages: number
  /** Nodes that receive something and must decode it. */
  readonly nodesWoken: number
  /** Nodes woken that hold none of the event's recipients: pure waste. */
  readonly idleNodes: number
  /** Per node: messages it decodes (a message per session for a topic per session). */
  readonly decodesPerNode: readonly number[]
}

/** `recipientsPerNode[k]` is r_k, how many of the event's recipients node k holds. */
export function eventCost(strategy: Strategy, recipientsPerNode: readonly number[]): EventCost {
  const interested = recipientsPerNode.map((r) => (r > 0 ? 1 : 0))
  const decodes =
    strategy === 'broadcast'
      ? recipientsPerNode.map(() => 1)
      : strategy === 'topic-per-session'
        ? [...recipientsPerNode]
        : interested
  const messages = decodes.reduce((a, b) => a + b, 0)
  const woken = decodes.filter((d) => d > 0).length
  const idle = decodes.filter((d, k) => d > 0 && (recipientsPerNode[k] ?? 0) === 0).length
  return { messages, nodesWoken: woken, idleNodes: idle, decodesPerNode: decodes }
}

/**
 * Subscription state the routing layer (a broker, or the owner process) keeps for a set of topics,
 * given `subscribers[t]`, the node of each session subscribed to topic t.
 */
export function routingState(
  strategy: Strategy,
  subscribers: readonly (readonly number[])[],
): number {
  switch (strategy) {
    case 'broadcast':
      return 0
    case 'topic-per-session':
    case 'batching':
      return subscribers.reduce((n, nodes) => n + nodes.length, 0)
    case 'interest':
      return subscribers.reduce((n, nodes) => n + new Set(nodes).size, 0)
  }
}

/**
 * Broker round trips when one session on node `node` subscribes to topics whose current subscribers'
 * nodes are `topics`: a per-session topic subscribes every time; interest routing only when the node had
 * no session on that topic yet (0 → 1); broadcast never; an owner process is told once per topic.
 */
export function subscribeCost(
  strategy: Strategy,
  node: number,
  topics: readonly (readonly number[])[],
): number {
  switch (strategy) {
    case 'broadcast':
      return 0
    case 'topic-per-session':
    case 'batching':
      return topics.length
    case 'interest':
      return topics.filter((nodes) => !nodes.includes(node)).length
  }
}

/** Assigns each of `sessions` sessions to one of `nodes` nodes, at random (seeded), as a load balancer would. */
export function placeSessions(sessions: number, nodes: number, seed = 1): number[] {
  // Seeded, so a placement is the same on every visit.
  const next = createRandom(seed)
  return Array.from({ length: sessions }, () => Math.floor(next() * nodes))
}

/** r_k for an event reaching the first `recipients` sessions of a placement. */
export function recipientsPerNode(
  placement: readonly number[],
  recipients: number,
  nodes: number,
): number[] {
  const counts = new Array<number>(nodes).fill(0)
  for (const node of placement.slice(0, recipients)) counts[node] = (counts[node] ?? 0) + 1
  return counts
}
