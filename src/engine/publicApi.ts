import {
  API_CATALOGUE,
  PART_NAMES,
  type MethodEntry,
  type SimulationParts,
} from './apiCatalogue.ts'
import { readInput } from './input.ts'
import type { CallGuard } from './runToCompletion.ts'

/**
 * Where callers meet the engine. Each part of a `Simulation` is a frozen object holding only the
 * public methods the catalogue (`apiCatalogue.ts`) lists: the engine's own objects have more (a caller
 * could otherwise reach `dispatcher.send`, which skips validation, or `world.restore`). Every argument
 * is read once into the engine's own plain copy (`readInput`) before the call starts, so a getter, a
 * Proxy or an object changed mid-call cannot reach the engine (docs/design/semantics.md §10), except
 * those the catalogue passes as they are: payloads, which the dispatcher reads into its own copy with
 * the same care, a filter function, and the session list `dispatchManyFilterList` extends.
 */

type AnyFunction = (...args: never[]) => unknown

/**
 * Reads each argument of a call with `readInput`, in place, except those at the `asIs` positions.
 * Only objects need reading (`readInput` hands primitives back as they are), and the labels its errors
 * name are made once per method: every dispatch goes through here, and building an array and a label
 * per argument per call was a good part of a dispatch to one session.
 */
function readArguments(name: string, asIs: readonly number[]): (args: unknown[]) => void {
  const labels: string[] = []
  const label = (i: number) => (labels[i] ??= `${name}: argument ${i + 1}`)
  return (args) => {
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]
      if (arg !== null && typeof arg === 'object' && !asIs.includes(i))
        args[i] = readInput(arg, label(i))
    }
  }
}

/** `fn` with each argument read by `readInput`, except those at the `asIs` positions. */
function withInput(name: string, fn: AnyFunction, asIs: readonly number[]): AnyFunction {
  const read = readArguments(name, asIs)
  return (...args: unknown[]) => {
    read(args)
    return fn(...(args as never[]))
  }
}

/**
 * A method the catalogue marks `change`, run to completion (docs/design/semantics.md §10): refused with
 * `REENTRANT_CALL` while another call of the simulation is in progress, before its arguments are read
 * (reading a Proxy runs its traps, which could otherwise call in), and the call in progress while it runs.
 */
function runToCompletion(
  name: string,
  fn: AnyFunction,
  asIs: readonly number[],
  calls: CallGuard,
): AnyFunction {
  const read = readArguments(name, asIs)
  return (...args: unknown[]) => {
    calls.enter(name)
    try {
      read(args)
      return fn(...(args as never[]))
    } finally {
      calls.leave()
    }
  }
}

/** One part as callers get it: the catalogue's methods of `internal`, each guarded, frozen. */
function publicPart<P extends keyof SimulationParts>(
  part: P,
  internal: SimulationParts[P],
  calls: CallGuard,
): SimulationParts[P] {
  const out: Record<string, AnyFunction> = {}
  const source = internal as unknown as Record<string, AnyFunction>
  for (const [method, entry] of Object.entries(API_CATALOGUE[part]) as [string, MethodEntry][]) {
    const fn = source[method]
    if (typeof fn !== 'function') throw new Error(`engine: ${part}.${method} is not implemented`)
    const name = `${part}.${method}`
    const bound = fn.bind(internal)
    const asIs = entry.asIs ?? []
    out[method] =
      entry.kind === 'change'
        ? runToCompletion(name, bound, asIs, calls)
        : withInput(name, bound, asIs)
  }
  return Object.freeze(out) as unknown as SimulationParts[P]
}

/**
 * Every part of a simulation as callers get it, from the engine's own (wider) objects; `calls` is the
 * simulation's guard, which its changing methods enter.
 */
export function publicParts(internal: SimulationParts, calls: CallGuard): SimulationParts {
  const parts = {} as Record<keyof SimulationParts, unknown>
  for (const part of PART_NAMES) parts[part] = publicPart(part, internal[part], calls)
  return parts as SimulationParts
}
