import { createBackends } from './backends/index.ts'
import type { BackendContext } from './backends/types.ts'
import { createManualClock, type Clock } from './clock.ts'
import type {
  EngineContext,
  MemberListInfo,
  MemberListService,
  SimulationSettings,
} from './context.ts'
import { createEventDispatcher, type EventDispatcher } from './dispatcher.ts'
import { EngineError } from './errors.ts'
import { createGateway, type Gateway } from './gateway/gateway.ts'
import { createLifecycle } from './gateway/lifecycle.ts'
import { createStateManager, type StateManager } from './gateway/stateManager.ts'
import { createSnowflakeGenerator, parseSnowflake } from './ids.ts'
import { freezeOwned } from './payload.ts'
import { createPresenceService } from './presence.ts'
import { createRandom } from './random.ts'
import { createInspector } from './trace/inspector.ts'
import type { InspectionListener } from './trace/types.ts'
import type { Frame, Snowflake } from './types.ts'
import { createWorld } from './world/createWorld.ts'
import type { World } from './world/types.ts'
import { createMemberLists } from './lazyGuild/service/memberListService.ts'
import { createActions, type Actions, type ActionsState } from './actions/index.ts'
import {
  applySnapshot,
  takeSnapshot,
  type SimulationSnapshot,
  type SnapshotParts,
} from './snapshot.ts'

/** Options of {@link createSimulation}. */
export interface SimulationOptions {
  /** Drives generated ids and session ids. Default 1. */
  seed?: number
  /** The simulation clock's start, in ms since 1970. Default 1_700_000_000_000. */
  startTime?: number
  /** How long a disconnected session stays resumable, in simulation ms. Default 60_000. */
  resumeWindowMs?: number
  /** Frames kept per session for RESUME. Default 250. */
  resumeBufferSize?: number
}

/** One simulated gateway: a world, its sessions, the dispatcher and the gateway they talk to. */
export interface Simulation {
  readonly world: World
  readonly states: StateManager
  readonly dispatcher: EventDispatcher
  readonly gateway: Gateway
  readonly actions: Actions
  readonly clock: Clock
  /** Subscribes to the inspection stream; returns the function that unsubscribes. */
  inspect(listener: InspectionListener): () => void
  /** The whole simulation as immutable data, for `restoreSimulation` (step back, checkpoints). */
  snapshot(): SimulationSnapshot
  /**
   * The guild's member lists (op 14) now: each list's id, counts, groups and the sessions holding ranges.
   * On the inspection stream, holding a list is a `subscribe` to backend `lazy_guild` with key
   * `<guildId>:<listId>`.
   */
  memberLists(guildId: Snowflake): MemberListInfo[]
}

export const DEFAULTS: SimulationSettings = Object.freeze({
  seed: 1,
  startTime: 1_700_000_000_000,
  resumeWindowMs: 60_000,
  resumeBufferSize: 250,
})

function settingsFrom(options: SimulationOptions): SimulationSettings {
  const settings = { ...DEFAULTS, ...options }
  const check = (name: keyof SimulationSettings, ok: boolean, rule: string) => {
    if (!ok) {
      throw new EngineError(
        'INVALID_OPTIONS',
        `createSimulation: ${name} must be ${rule}; got ${String(settings[name])}`,
      )
    }
  }
  check('seed', Number.isInteger(settings.seed), 'an integer')
  check(
    'startTime',
    Number.isSafeInteger(settings.startTime) && settings.startTime >= 0,
    'a time in ms ≥ 0',
  )
  check(
    'resumeWindowMs',
    Number.isFinite(settings.resumeWindowMs) && settings.resumeWindowMs >= 0,
    'a number of ms ≥ 0',
  )
  check(
    'resumeBufferSize',
    Number.isInteger(settings.resumeBufferSize) && settings.resumeBufferSize >= 1,
    'an integer ≥ 1',
  )
  return Object.freeze(settings)
}

/**
 * Creates a simulation: deterministic, synchronous, with no timers; the same seed and calls give the
 * same frames byte for byte (spec/semantics.md §9).
 *
 * @example
 * const sim = createSimulation({ seed: 42 })
 * const alice = sim.world.createUser({ username: 'alice' })
 * const guild = sim.world.createGuild({ name: 'Fanout', ownerId: alice.id })
 * const session = sim.gateway.identify({ userId: alice.id })
 * sim.dispatcher.dispatch('guild', guild.id, 'GUILD_UPDATE', { id: guild.id, name: 'Renamed' })
 * session.frames.at(-1) // { op: 0, t: 'GUILD_UPDATE', s: 3, d: { id, name: 'Renamed' } }
 */
export function createSimulation(options: SimulationOptions = {}): Simulation {
  return build(settingsFrom(options)).sim
}

/**
 * Rebuilds a simulation from `sim.snapshot()`: the result behaves exactly as the original did at that
 * moment (same frames, same future ids and session ids). Inspection listeners are not part of it.
 */
export function restoreSimulation(snapshot: SimulationSnapshot): Simulation {
  if (
    typeof snapshot !== 'object' ||
    snapshot === null ||
    (snapshot as { version?: unknown }).version !== 1
  ) {
    throw new EngineError(
      'INVALID_SNAPSHOT',
      'restoreSimulation takes a snapshot made by sim.snapshot()',
    )
  }
  const built = build(settingsFrom(snapshot.settings))
  applySnapshot(built.parts, snapshot)
  return built.sim
}

/** The parts behind each simulation, for tests that check what the engine keeps (never exported). */
const internals = new WeakMap<Simulation, EngineContext>()

/**
 * @internal Tests only: the engine's parts behind `sim` (what it retains, what it tracks). Not part of
 * the public API (index.ts does not export it).
 */
export function internalsOf(sim: Simulation): EngineContext {
  const ctx = internals.get(sim)
  if (!ctx) throw new EngineError('UNKNOWN_SIMULATION', 'not a simulation made by createSimulation')
  return ctx
}

function build(settings: SimulationSettings): { sim: Simulation; parts: SnapshotParts } {
  const clock = createManualClock(settings.startTime)
  const random = createRandom(settings.seed)
  const ids = createSnowflakeGenerator(clock.now)
  const inspector = createInspector()
  const world = createWorld({ nextId: ids.next, now: clock.now })
  const states = createStateManager()

  // The parts depend on each other (closing a session changes presence, which dispatches, which reads
  // member lists): build the context object first, then fill it in.
  const ctx = {
    settings,
    world,
    states,
    inspector,
    clock,
    random,
  } as Partial<Record<keyof EngineContext, unknown>> as {
    -readonly [K in keyof EngineContext]: EngineContext[K]
  }

  const backendContext: BackendContext = { world, states, inspector, now: clock.now }
  const lists: MemberListService = createMemberLists(ctx)
  ctx.lists = lists
  ctx.backends = createBackends(backendContext, lists)
  ctx.dispatcher = createEventDispatcher(backendContext, ctx.backends)
  ctx.presence = createPresenceService(ctx)
  ctx.reportFrame = (session, frame, outcome, replay) => {
    if (inspector.active) {
      inspector.emit({
        type: 'send',
        at: clock.now(),
        sessionId: session.sessionId,
        frame,
        outcome,
        replay,
      })
    }
  }
  ctx.sendDirect = (session, t, d) => {
    const payload = freezeOwned(d)
    let outcome: 'delivered' | 'buffered' | 'failed'
    try {
      outcome = session.dispatch(t, payload) ? 'delivered' : 'buffered'
    } catch {
      outcome = 'failed'
    }
    if (inspector.active) {
      const frame: Frame = { op: 0, t, s: session.seq, d: payload }
      ctx.reportFrame(session, frame, outcome, false)
    }
  }

  const actionsState: ActionsState = { pendingDmPeers: new Map() }
  const lifecycle = createLifecycle(ctx)
  const gateway = createGateway(ctx, lifecycle)
  clock.onAdvance((now, advancedBy) => {
    if (inspector.active) inspector.emit({ type: 'clock', at: now, advancedBy })
  })
  clock.onAdvance((now) => lifecycle.expire(now))
  world.onChange((change) => {
    if (inspector.active) inspector.emit({ type: 'world', at: clock.now(), change })
  })

  const parts: SnapshotParts = { ctx, ids, lifecycle, actionsState }
  const sim: Simulation = {
    world,
    states,
    dispatcher: ctx.dispatcher,
    gateway,
    actions: createActions(ctx, actionsState),
    clock: { now: clock.now, advance: clock.advance },
    inspect: (listener) => inspector.listen(listener),
    snapshot: () => takeSnapshot(parts),
    memberLists: (guildId) => {
      const id = parseSnowflake(guildId)
      return id === undefined ? [] : lists.describe(id)
    },
  }
  internals.set(sim, ctx)
  return { sim, parts }
}
