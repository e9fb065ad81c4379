import type { ActionsState } from './actions/index.ts'
import type { EngineContext, SimulationSettings } from './context.ts'
import type { Lifecycle } from './gateway/lifecycle.ts'
import type { Topic } from './backends/topics.ts'
import { Session, type SessionSnapshot } from './gateway/session.ts'
import type { SubscriptionSlot } from './gateway/reverseIndex.ts'
import type { SnowflakeGenerator } from './ids.ts'
import type { WorldSnapshot } from './world/createWorld.ts'

/**
 * A whole simulation as immutable plain data: what step-back, replay from a checkpoint and share links
 * rebuild from. Opaque to callers: pass it to `restoreSimulation`. Frames are
 * frozen and shared with the live simulation, so taking one costs O(sessions + subscriptions + world),
 * not O(frames).
 */
export interface SimulationSnapshot {
  /** The snapshot format's version. */
  readonly version: 1
  /** The options the simulation was created with. */
  readonly settings: SimulationSettings
  /** The simulation clock. */
  readonly now: number
  /** The seeded generator's state. */
  readonly random: number
  /** The snowflake generator's state. */
  readonly ids: readonly [number, number]
  /** The id the next dispatch's inspection event gets. */
  readonly nextDispatchId: number
  /** The world's data. */
  readonly world: WorldSnapshot
  /** Every open session, with its frames and resume buffer. */
  readonly sessions: readonly SessionSnapshot[]
  /** The ids of closed sessions (so a late RESUME hears `closed`). */
  readonly closed: readonly string[]
  /** Disconnected sessions and when their resume window ends. */
  readonly expiring: readonly (readonly [string, number])[]
  /** The `guild` backend's lists. */
  readonly guild: readonly (readonly [string, readonly string[]])[]
  /** The `channel` backend's lists. */
  readonly channel: readonly (readonly [string, readonly string[]])[]
  /** The `friend` backend's links. */
  readonly friend: readonly (readonly [string, readonly string[]])[]
  /**
   * Sessions whose subscriptions a restore would otherwise put back in another order, with their
   * `guild` and `channel` topics in the order the session holds them (indexes into `guild` then
   * `channel`). Closing a session reports its unsubscribes in that order. Absent in older snapshots.
   */
  readonly slotOrder?: readonly (readonly [string, readonly number[]])[]
  /** The member lists and the ranges sessions hold (opaque). */
  readonly memberLists: unknown
  /** DMs whose peer has not heard of them yet (`openDm`). */
  readonly pendingDmPeers: readonly (readonly [string, string])[]
}

/** The parts of a built simulation a snapshot reads and writes. */
export interface SnapshotParts {
  readonly ctx: EngineContext
  readonly ids: SnowflakeGenerator
  readonly lifecycle: Lifecycle
  readonly actionsState: ActionsState
}

export function takeSnapshot(parts: SnapshotParts): SimulationSnapshot {
  const { ctx } = parts
  const sessions = ctx.states.sessions()
  return Object.freeze({
    version: 1,
    settings: ctx.settings,
    now: ctx.clock.now(),
    random: ctx.random.state(),
    ids: Object.freeze(parts.ids.state()),
    nextDispatchId: ctx.dispatcher.nextDispatchId,
    world: ctx.world.snapshot(),
    sessions: Object.freeze(sessions.map((s) => s.toSnapshot())),
    closed: Object.freeze(ctx.states.closedIds()),
    expiring: Object.freeze(parts.lifecycle.expiring()),
    guild: Object.freeze(ctx.backends.guild.sessions.table.entries()),
    channel: Object.freeze(ctx.backends.channel.sessions.table.entries()),
    friend: Object.freeze(ctx.backends.friend.entries()),
    slotOrder: Object.freeze(slotOrders(ctx, sessions)),
    memberLists: ctx.lists.snapshot(),
    pendingDmPeers: Object.freeze(Array.from(parts.actionsState.pendingDmPeers)),
  })
}

/** Loads a snapshot into a freshly built simulation (built with the snapshot's settings). */
export function applySnapshot(parts: SnapshotParts, snapshot: SimulationSnapshot): void {
  const { ctx } = parts
  ctx.clock.set(snapshot.now)
  ctx.random.setState(snapshot.random)
  parts.ids.setState(snapshot.ids)
  ctx.dispatcher.nextDispatchId = snapshot.nextDispatchId
  ctx.world.restore(snapshot.world)
  const byId = new Map<string, Session>()
  for (const data of snapshot.sessions) {
    const session = Session.fromSnapshot(data)
    byId.set(session.sessionId, session)
    ctx.states.insert(session)
  }
  for (const id of snapshot.closed) ctx.states.markClosed(id)
  for (const [id, deadline] of snapshot.expiring)
    parts.lifecycle.restoreExpiring(byId.get(id)!, deadline)
  for (const [key, ids] of snapshot.guild)
    for (const id of ids) ctx.backends.guild.sessions.table.add(key, byId.get(id)!)
  for (const [key, ids] of snapshot.channel) {
    for (const id of ids) ctx.backends.channel.sessions.table.add(key, byId.get(id)!)
  }
  if (snapshot.slotOrder) restoreSlotOrders(ctx, byId, snapshot.slotOrder)
  for (const [key, peers] of snapshot.friend)
    for (const peer of peers) ctx.backends.friend.restoreLink(key, peer)
  ctx.lists.restore(snapshot.memberLists)
  for (const [dm, peer] of snapshot.pendingDmPeers) parts.actionsState.pendingDmPeers.set(dm, peer)
}

/** The `guild` then `channel` topics, in the order a snapshot lists them: a topic's number is its index. */
function topicsInOrder(ctx: EngineContext): Topic[] {
  const topics: Topic[] = []
  for (const table of [ctx.backends.guild.sessions.table, ctx.backends.channel.sessions.table]) {
    for (const key of table.keys()) topics.push(table.get(key) as Topic)
  }
  return topics
}

/**
 * Each session's reverse index (the order closing it unsubscribes, see topics.ts) where it is not the
 * order a restore makes by itself: topics by number, as `applySnapshot` adds them. Subscribe-all gives
 * most sessions that order, so a snapshot of 100,000 sessions lists only the few that differ.
 */
function slotOrders(ctx: EngineContext, sessions: readonly Session[]): [string, number[]][] {
  const numbers = new Map<SubscriptionSlot, number>(topicsInOrder(ctx).map((t, i) => [t, i]))
  const orders: [string, number[]][] = []
  for (const session of sessions) {
    const order = session.slots.slots.map((slot) => numbers.get(slot) as number)
    if (order.some((n, i) => i > 0 && n < (order[i - 1] as number))) {
      orders.push([session.sessionId, order])
    }
  }
  return orders
}

/** Puts each listed session's reverse index back in its recorded order (checked: snapshotChecks.ts). */
function restoreSlotOrders(
  ctx: EngineContext,
  byId: ReadonlyMap<string, Session>,
  orders: readonly (readonly [string, readonly number[]])[],
): void {
  const topics = topicsInOrder(ctx)
  for (const [sessionId, order] of orders) {
    const session = byId.get(sessionId) as Session
    session.slots.reorder(order.map((n) => topics[n] as Topic))
  }
}
