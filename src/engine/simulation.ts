import { createActions, type ActionsState } from './actions/index.ts'
import { createBackends } from './backends/index.ts'
import { createManualClock } from './clock.ts'
import type { EngineContext, SimulationSettings } from './context.ts'
import { createEventDispatcher } from './dispatcher.ts'
import { EngineError } from './errors.ts'
import { createDirectSender } from './gateway/directSend.ts'
import { createGateway, type GatewayInternal } from './gateway/gateway.ts'
import { createLifecycle } from './gateway/lifecycle.ts'
import { createStateManager } from './gateway/stateManager.ts'
import {
  createSnowflakeGenerator,
  describeValue,
  DISCORD_EPOCH,
  LAST_SNOWFLAKE_TIME,
  parseSnowflake,
} from './ids.ts'
import { readInput } from './input.ts'
import { checkSnapshotValues } from './snapshotChecks.ts'
import { MemberListRegistry } from './memberLists/registry.ts'
import { createMemberListService, type MemberListInfo } from './memberLists/service.ts'
import { createPresenceService } from './presence.ts'
import type { SimulationParts } from './apiCatalogue.ts'
import { publicParts } from './publicApi.ts'
import { createRandom } from './random.ts'
import { createCallGuard, inSteps } from './runToCompletion.ts'
import {
  applySnapshot,
  takeSnapshot,
  type SimulationSnapshot,
  type SnapshotParts,
} from './snapshot.ts'
import {
  consoleListenerError,
  createInspector,
  type ListenerErrorHandler,
} from './trace/inspector.ts'
import type { InspectionListener } from './trace/types.ts'
import type { Snowflake } from './types.ts'
import { createWorld } from './world/createWorld.ts'

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
  /**
   * Where an exception thrown by an inspection listener (`sim.inspect`) goes. Listeners are observers:
   * the engine catches what they throw, finishes the call as if they were not there, and hands the
   * error here. Default: the host's `console.error`, when it has one. Not part of snapshots.
   */
  onListenerError?: ListenerErrorHandler
}

/** One simulated gateway: a world, its sessions, the dispatcher and the gateway they talk to. */
export interface Simulation extends SimulationParts {
  /**
   * Subscribes to the inspection stream (every dispatch with its result, direct sends, subscriptions,
   * session changes, world changes, the clock, actions); returns the function that unsubscribes.
   * Listeners are observers: what one throws goes to `onListenerError`, never into the engine. A
   * listener runs inside the call that emitted the event: it may read the engine, but a call that would
   * change it is refused (`REENTRANT_CALL`); make such calls after the call returns.
   *
   * @example
   * const stop = sim.inspect((event) => {
   *   if (event.type === 'dispatch') console.log(event.eventType, event.result.delivered.length)
   * })
   * stop()
   */
  inspect(listener: InspectionListener): () => void
  /**
   * The whole simulation as immutable data, for `restoreSimulation` (step back, checkpoints). Refused
   * (`REENTRANT_CALL`) from a listener or filter while a call runs: it would hold half of that call.
   */
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

/** The options as the engine's own plain copy (a getter in them is refused, never run). */
function readOptions(options: unknown): Record<string, unknown> {
  const given = readInput(options ?? {}, 'createSimulation options')
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new EngineError(
      'INVALID_OPTIONS',
      'createSimulation takes an options object (or nothing)',
    )
  }
  return given as Record<string, unknown>
}

function settingsFrom(given: Record<string, unknown>): SimulationSettings {
  const settings = {
    seed: given['seed'] ?? DEFAULTS.seed,
    startTime: given['startTime'] ?? DEFAULTS.startTime,
    resumeWindowMs: given['resumeWindowMs'] ?? DEFAULTS.resumeWindowMs,
    resumeBufferSize: given['resumeBufferSize'] ?? DEFAULTS.resumeBufferSize,
  } as SimulationSettings
  const check = (name: keyof SimulationSettings, ok: boolean, rule: string) => {
    if (!ok) {
      throw new EngineError(
        'INVALID_OPTIONS',
        `createSimulation: ${name} must be ${rule}; got ${describeValue(settings[name])}`,
      )
    }
  }
  check('seed', Number.isInteger(settings.seed), 'an integer')
  // Generated ids are ((now − epoch) << 22) | increment: 42 bits of time keep them ≤ 2^64 − 1.
  check(
    'startTime',
    Number.isSafeInteger(settings.startTime) &&
      settings.startTime >= DISCORD_EPOCH &&
      settings.startTime <= LAST_SNOWFLAKE_TIME,
    `a time in ms from ${DISCORD_EPOCH} (the Discord epoch, 2015) to ${LAST_SNOWFLAKE_TIME} (2154, ` +
      'the last ms a snowflake can hold)',
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

function listenerErrorsFrom(given: Record<string, unknown>): ListenerErrorHandler {
  const handler = given['onListenerError'] ?? consoleListenerError
  if (typeof handler !== 'function') {
    throw new EngineError(
      'INVALID_OPTIONS',
      'createSimulation: onListenerError must be a function (error, event) => void',
    )
  }
  return handler as ListenerErrorHandler
}

/**
 * Creates a simulation: deterministic, synchronous, with no timers; the same seed and calls give the
 * same frames byte for byte: the engine reads no wall clock, and ids come from a seeded generator.
 *
 * @example
 * const fresh = createSimulation({ seed: 42 }) // in the editors, `sim` is the example's own
 * const alice = fresh.world.createUser({ username: 'alice' })
 * const guild = fresh.world.createGuild({ name: 'Fanout HQ', ownerId: alice.id })
 * const session = fresh.gateway.identify({ userId: alice.id })
 * fresh.dispatcher.dispatch('guild', guild.id, 'GUILD_UPDATE', { id: guild.id, name: 'Renamed' })
 * session.frames.at(-1) // { op: 0, t: 'GUILD_UPDATE', s: 3, d: { id, name: 'Renamed' } }
 */
export function createSimulation(options: SimulationOptions = {}): Simulation {
  const given = readOptions(options)
  return build(settingsFrom(given), listenerErrorsFrom(given)).sim
}

/**
 * Rebuilds a simulation from `sim.snapshot()`: the result behaves exactly as the original did at that
 * moment (same frames, same future ids and session ids). Inspection listeners are not part of it.
 */
export function restoreSimulation(
  snapshot: SimulationSnapshot,
  options: Pick<SimulationOptions, 'onListenerError'> = {},
): Simulation {
  const onListenerError = listenerErrorsFrom(readOptions(options))
  try {
    if ((snapshot as { version?: unknown } | null)?.version !== 1) throw new Error('no version 1')
    checkSnapshotValues(snapshot)
    const built = build(settingsFrom(readOptions(snapshot.settings)), onListenerError)
    applySnapshot(built.parts, snapshot)
    return built.sim
  } catch (error) {
    // A snapshot is opaque data made by sim.snapshot(): anything else is refused as a whole.
    throw new EngineError(
      'INVALID_SNAPSHOT',
      `restoreSimulation takes a snapshot made by sim.snapshot() (${
        error instanceof Error ? error.message : String(error)
      })`,
    )
  }
}

/** The parts behind each simulation, for tests that check what the engine keeps (never exported). */
const internals = new WeakMap<Simulation, EngineContext>()
/** Each simulation's own gateway, for {@link requestMemberListInSteps}. */
const gateways = new WeakMap<Simulation, GatewayInternal>()

/**
 * op 14 (`sim.gateway.requestMemberList`) as a job, for a host that must not block for long: a browser
 * building the member list of a 100,000-member guild. Every check runs on the first `next()` and throws
 * as `requestMemberList` would, before anything changes; lists that do not exist yet are read from the
 * world a few hundred members per step; the request is served, exactly as `requestMemberList` serves
 * it, in the last step. Stopping early changes nothing. Each step is one call that runs to completion;
 * between steps `sim` may be read, but a call that changes it interrupts the job: its next step throws
 * `EngineError` `INTERRUPTED` (nothing was served; start again), since the list being built would miss
 * that change. Not on `sim.gateway`, and not in the code editors' scope: a job is not one call that
 * user code can record and replay (code there calls `gateway.requestMemberList`).
 *
 * @example
 * const [alice] = sim.states.userStates('10')
 * const job = requestMemberListInSteps(sim, alice.sessionId, '20971520', { '100': [[0, 99]] })
 * let steps = 0
 * for (const _ of job) steps++ // a page would yield to the browser between steps
 */
export function requestMemberListInSteps(
  sim: Simulation,
  sessionId: string,
  guildId: Snowflake,
  channels: Record<string, [number, number][]>,
): Generator<void, void> {
  const gateway = gateways.get(sim)
  const ctx = internals.get(sim)
  if (!gateway || !ctx)
    throw new EngineError('UNKNOWN_SIMULATION', 'not a simulation made by createSimulation')
  const name = 'requestMemberListInSteps'
  // The arguments are read on the first step, inside the call, as the public methods read theirs.
  return inSteps(ctx.calls, name, () =>
    gateway.requestMemberListInSteps(
      readInput(sessionId, `${name}: argument 2`) as string,
      readInput(guildId, `${name}: argument 3`) as Snowflake,
      readInput(channels, `${name}: argument 4`) as Record<string, [number, number][]>,
    ),
  )
}

/**
 * @internal Tests only: the engine's parts behind `sim` (what it retains, what it tracks). Not part of
 * the public API (index.ts does not export it).
 */
export function internalsOf(sim: Simulation): EngineContext {
  const ctx = internals.get(sim)
  if (!ctx) throw new EngineError('UNKNOWN_SIMULATION', 'not a simulation made by createSimulation')
  return ctx
}

/**
 * Builds every part from the parts it needs, in dependency order: the world, the sessions and the
 * member-list registry first (the lazy_guild backend reads the registry), then the backends, the
 * dispatcher, the member lists, presence, the session lifecycle, and last the gateway and the actions,
 * which use them all.
 */
function build(
  settings: SimulationSettings,
  onListenerError: ListenerErrorHandler,
): { sim: Simulation; parts: SnapshotParts } {
  const clock = createManualClock(settings.startTime, LAST_SNOWFLAKE_TIME)
  const random = createRandom(settings.seed)
  const ids = createSnowflakeGenerator(clock.now)
  const inspector = createInspector({ now: clock.now, onListenerError })
  const world = createWorld({ nextId: ids.next, now: clock.now })
  const states = createStateManager()
  const registry = new MemberListRegistry(inspector)
  const backends = createBackends({ world, states, inspector }, registry)
  const dispatcher = createEventDispatcher({ world, states, inspector }, backends)
  const lists = createMemberListService({ world, states, dispatcher, registry })
  const presence = createPresenceService({ world, states, lists, dispatcher })
  const lifecycle = createLifecycle({ settings, clock, states, lists, presence, inspector, world })
  const calls = createCallGuard()
  const ctx: EngineContext = {
    settings,
    world,
    states,
    backends,
    dispatcher,
    inspector,
    clock,
    random,
    lists,
    presence,
    calls,
    ...createDirectSender(inspector),
  }
  const actionsState: ActionsState = { pendingDmPeers: new Map() }
  const gateway = createGateway(ctx, lifecycle)
  const actions = createActions(ctx, actionsState)

  clock.onAdvance((_now, advancedBy) => {
    if (inspector.active) inspector.emit({ type: 'clock', advancedBy })
  })
  clock.onAdvance((now) => lifecycle.expire(now))
  world.onChange((change) => {
    if (inspector.active) inspector.emit({ type: 'world', change })
  })

  const parts: SnapshotParts = { ctx, ids, lifecycle, actionsState }
  const sim: Simulation = Object.freeze({
    ...publicParts({ world, states, dispatcher, gateway, actions, clock }, calls),
    inspect(listener: InspectionListener) {
      if (typeof listener !== 'function') {
        throw new EngineError(
          'INVALID_LISTENER',
          'sim.inspect takes a function (event) => void; it returns the function that stops it',
        )
      }
      return inspector.listen(listener)
    },
    snapshot() {
      // A read, but of the whole engine at once: mid-call it would hold half of that call (a member
      // added, its GUILD_CREATE not yet sent), a state no sequence of calls leads to.
      calls.requireIdle('sim.snapshot', 'a snapshot taken now would hold half of that call')
      return takeSnapshot(parts)
    },
    memberLists(guildId: Snowflake) {
      const id = parseSnowflake(readInput(guildId, 'memberLists: guildId'))
      return id === undefined ? [] : lists.describe(id)
    },
  })
  internals.set(sim, ctx)
  gateways.set(sim, gateway)
  return { sim, parts }
}
