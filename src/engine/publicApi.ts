import type { Actions } from './actions/index.ts'
import type { Clock } from './clock.ts'
import type { EventDispatcher, EventDispatcherInternal } from './dispatcher.ts'
import type { Gateway } from './gateway/gateway.ts'
import type { StateManager, StateManagerInternal } from './gateway/stateManager.ts'
import { readInput } from './input.ts'
import type { WorldInternal } from './world/createWorld.ts'
import type { World } from './world/types.ts'

/**
 * Where callers meet the engine. Each part of a `Simulation` is a frozen object holding only its
 * public methods (the engine's own have more: a caller could otherwise reach `dispatcher.send`,
 * which skips validation, or `world.restore`), and every argument is read once into the engine's
 * own plain copy (`readInput`) before the call starts, so a getter, a Proxy or an object changed
 * mid-call cannot reach the engine (docs/design/semantics.md §10). Functions the API takes (a
 * filter) and the session list that `dispatchManyFilterList` extends are passed as they are;
 * payloads are read by the dispatcher's own copy, which refuses the same things.
 */

type AnyFunction = (...args: never[]) => unknown

/** `fn` with each argument read by `readInput`, except those at the `asIs` positions. */
function guarded<F extends AnyFunction>(name: string, fn: F, asIs: readonly number[] = []): F {
  const call = (...args: unknown[]) =>
    fn(
      ...(args.map((arg, i) =>
        asIs.includes(i) ? arg : readInput(arg, `${name}: argument ${i + 1}`),
      ) as never[]),
    )
  return call as unknown as F
}

/** The methods `keys` of `api`, each guarded, on a frozen object of their own. */
function publicPart<T extends object, K extends keyof T>(
  prefix: string,
  api: T,
  keys: readonly K[],
): Pick<T, K> {
  const part = {} as Pick<T, K>
  for (const key of keys) {
    part[key] = guarded(`${prefix}.${String(key)}`, api[key] as AnyFunction) as T[K]
  }
  return Object.freeze(part)
}

const WORLD_METHODS = [
  'createUser',
  'createGuild',
  'createRole',
  'createChannel',
  'addMember',
  'updateMember',
  'addFriendship',
  'canView',
  'users',
  'guilds',
  'channels',
  'user',
  'guild',
  'channel',
  'member',
  'members',
  'roles',
] as const satisfies readonly (keyof World)[]

/** `sim.world`: the public World, not the engine's internal reads and mutators. */
export function publicWorld(world: WorldInternal): World {
  return publicPart('world', world, WORLD_METHODS)
}

/** `sim.states`: read-only views of the sessions. */
export function publicStates(states: StateManagerInternal): StateManager {
  return publicPart('states', states, [
    'fetchRaw',
    'userStates',
    'fetchStates',
    'all',
    'count',
  ] as const)
}

/** `sim.gateway`. */
export function publicGateway(gateway: Gateway): Gateway {
  return publicPart('gateway', gateway, [
    'identify',
    'disconnect',
    'invalidate',
    'resume',
    'requestMemberList',
    'updatePresence',
    'failSocket',
  ] as const)
}

/** `sim.actions`. */
export function publicActions(actions: Actions): Actions {
  return publicPart('actions', actions, Object.keys(actions) as (keyof Actions)[])
}

/** `sim.clock`. */
export function publicClock(clock: Clock): Clock {
  return publicPart('clock', clock, ['now', 'advance'] as const)
}

/**
 * `sim.dispatcher`. Payloads are passed on as they are (the dispatcher's own copy reads them with the
 * same care), as are a filter and the session list `dispatchManyFilterList` extends.
 */
export function publicDispatcher(d: EventDispatcherInternal): EventDispatcher {
  const part = (name: keyof EventDispatcher, asIs: readonly number[] = []) =>
    guarded(`dispatcher.${name}`, d[name] as AnyFunction, asIs)
  return Object.freeze({
    dispatch: part('dispatch', [3]),
    dispatchMany: part('dispatchMany', [3]),
    dispatchFilter: part('dispatchFilter', [2, 4]),
    dispatchManyFilterList: part('dispatchManyFilterList', [2, 4]),
    sub: part('sub'),
    unsub: part('unsub'),
    subMany: part('subMany'),
    subscribers: part('subscribers'),
    topics: part('topics'),
    explain: part('explain'),
  }) as EventDispatcher
}
