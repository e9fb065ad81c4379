import type { ChangeMethod, SimulationParts } from '../engine/index.ts'
import type { CallTarget, EngineCall, Json } from './call.ts'

/** A reference to the n-th identified session (`$session`) or the last `s` its client saw (`$lastSeq`). */
export type SessionRef = { readonly $session: number } | { readonly $lastSeq: number }

/** A `dispatchFilter` filter as data: the sessions it lets through. */
export interface OnlyFilter {
  readonly $only: readonly (string | SessionRef)[]
}

/**
 * An engine argument type as a call's JSON argument: snowflakes as strings, a filter function as
 * `{ $only }`, any session id or number as a {@link SessionRef} too, payloads (`unknown`) as JSON.
 */
export type CallArg<T> = unknown extends T
  ? Json
  : T extends (...args: never[]) => unknown
    ? OnlyFilter
    : T extends bigint
      ? string
      : T extends string | number
        ? T | SessionRef
        : T extends boolean | null | undefined
          ? T
          : { readonly [K in keyof T]: CallArg<T[K]> }

type CallArgs<F> = F extends (...args: infer A) => unknown
  ? { [K in keyof A]: CallArg<A[K]> }
  : never

/**
 * One builder per method that may change the engine, typed by the engine's own signatures, each
 * returning the call as data: `callBuilders.world.createUser({ id: '10', username: 'alice' })`.
 * Derived from the engine's API catalogue, so a new engine method has its builder with no edit here.
 */
export type CallBuilders = {
  readonly [P in CallTarget]: {
    readonly [M in ChangeMethod<P>]: (...args: CallArgs<SimulationParts[P][M]>) => EngineCall
  }
}

/**
 * Built on demand rather than from the catalogue's values, so that data which only builds calls
 * (the scenarios, on the home page's first load) does not load the engine: the types say which
 * builders exist, and `applyCall` checks every call against the allowlist when it runs.
 */
export const callBuilders: CallBuilders = new Proxy(Object.freeze({}), {
  get: (_, target) =>
    typeof target === 'string'
      ? new Proxy(Object.freeze({}), {
          get: (__, method) =>
            typeof method === 'string'
              ? (...args: Json[]): EngineCall => ({ target: target as CallTarget, method, args })
              : undefined,
        })
      : undefined,
}) as CallBuilders

/** The n-th session identified in this engine (IDENTIFY order, from 0). */
export const session = (n: number): SessionRef => ({ $session: n })
/** The last `s` the n-th session's client received: what it would send in RESUME. */
export const lastSeq = (n: number): SessionRef => ({ $lastSeq: n })
/** A `dispatchFilter` filter that lets exactly these sessions through. */
export const only = (...sessions: (string | SessionRef)[]): OnlyFilter => ({ $only: sessions })

/** Marks calls as one timeline step named `group`. */
export function step(group: string, calls: readonly EngineCall[]): EngineCall[] {
  return calls.map((c) => ({ ...c, group }))
}

/** Gives a call a label for its button and timeline step. */
export function labelled(label: string, c: EngineCall): EngineCall {
  return { ...c, label }
}
