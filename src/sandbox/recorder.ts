import {
  API_CATALOGUE,
  PART_NAMES,
  type InspectionListener,
  type PartName,
} from '../engine/index.ts'
import {
  applyCall,
  isChange,
  resolveRefs,
  type CallTarget,
  type EngineCall,
  type CallEngine,
  type Json,
} from '../calls/index.ts'
import type { SimulationScope } from './scope.ts'
import { argsToJson, RecordError } from './toJson.ts'

/** A run passed the cap on engine calls: it fails whole, even if the code catches this. */
export class CallLimitError extends Error {
  override readonly name = 'CallLimitError'
}

export interface Recording {
  /** The simulation as code sees it: `sim` and its parts, by their names in scope. */
  readonly scope: SimulationScope
  /** The calls that changed the engine, in order. */
  readonly calls: readonly EngineCall[]
  /** Set when the cap on calls was reached. */
  readonly limitReached: boolean
  /** Set when a call threw after changing the engine: such a run cannot be replayed exactly. */
  readonly unsafe: string | null
  /** Ends the run: every object user code got stops working, its inspect listeners are removed. */
  seal(): void
}

/**
 * The engine as user code sees it: the public API of `engine`'s simulation, where every call that may
 * change the engine goes through `applyCall` with JSON arguments, exactly as the page will replay it,
 * and is recorded when it changed something (emitted an inspection event other than an action's
 * start and end markers). Reads pass through.
 * A call the engine refuses changes nothing (spec: refusals come before any change), so it records
 * nothing, and code that catches the error may go on.
 */
export function createRecording(
  engine: CallEngine,
  maxCalls: number,
  onListenerError: (error: unknown) => void = () => {},
): Recording {
  const calls: EngineCall[] = []
  const unsubscribers: (() => void)[] = []
  let active = true
  /** A call of this run is in progress: code running now is its listener's or its filter's. */
  let inCall = false
  let limitReached = false
  let unsafe: string | null = null
  let events = 0
  const stopCounting = engine.sim.inspect((event) => {
    if (isChange(event)) events++
  })

  const live = (name: string) => {
    if (!active) {
      throw new RecordError(`${name}: this run is over (the engine works only while the code runs)`)
    }
  }

  /** Runs one call, recording it if it changed the engine. */
  const perform = (call: EngineCall, execute: () => unknown) => {
    if (calls.length >= maxCalls) {
      limitReached = true
      throw new CallLimitError(
        `${call.target}.${call.method}: this run reached ${maxCalls} engine calls, the most one run may add`,
      )
    }
    const before = events
    inCall = true
    try {
      const result = execute()
      if (events !== before) calls.push(call)
      return result
    } catch (error) {
      if (events !== before) {
        unsafe = `${call.target}.${call.method} threw after changing the engine (${errorText(error)})`
      }
      throw error
    } finally {
      inCall = false
    }
  }

  const mutator = (target: CallTarget, method: string) =>
    function (...args: unknown[]) {
      const name = `${target}.${method}`
      live(name)
      if (inCall) {
        // From inside a call (an inspect listener, a dispatchFilter filter) the engine refuses every
        // change with REENTRANT_CALL (docs/design/semantics.md §10), before it reads the arguments:
        // hand it them as they are, so that its refusal, and not the recorder's reading of them, is
        // what the code meets. Nothing is recorded.
        const real = engine.sim[target] as unknown as Record<string, (...a: unknown[]) => unknown>
        return real[method]?.(...args)
      }
      if (target === 'dispatcher' && method === 'dispatchFilter' && typeof args[2] === 'function') {
        return filtered(args)
      }
      const call: EngineCall = { target, method, args: argsToJson(args, name) }
      const result = perform(call, () => applyCall(engine, call))
      if (method === 'dispatchManyFilterList' && Array.isArray(args[2]) && Array.isArray(result)) {
        // The engine extends the list it is given; give the code's own list the same additions.
        const own = args[2] as unknown[]
        own.push(...(result as unknown[]).slice(own.length))
        return own
      }
      return result
    }

  /** dispatchFilter with a function: run it, and record the sessions it accepted as `{ $only }`. */
  const filtered = (args: unknown[]) => {
    const [backend, key, filter, type, payload] = args as [
      unknown,
      unknown,
      (sessionId: string) => unknown,
      unknown,
      unknown,
    ]
    const data = argsToJson([backend, key, type, payload], 'dispatcher.dispatchFilter')
    const accepted: string[] = []
    const call: EngineCall = {
      target: 'dispatcher',
      method: 'dispatchFilter',
      args: [
        data[0] ?? null,
        data[1] ?? null,
        { $only: accepted },
        data[2] ?? null,
        data[3] ?? null,
      ],
    }
    return perform(call, () => {
      const [b, k, t, p] = data.map((a) => resolveRefs(engine, a as Json))
      return engine.sim.dispatcher.dispatchFilter(
        b as never,
        k as never,
        (sessionId) => {
          const verdict = filter(sessionId)
          if (verdict) accepted.push(sessionId) // the engine goes by truthiness
          return verdict as boolean
        },
        t as never,
        p,
      )
    })
  }

  const reader = (object: Record<string, unknown>, name: string) =>
    function (...args: unknown[]) {
      live(name)
      return (object[name.split('.')[1] ?? ''] as (...a: unknown[]) => unknown).apply(object, args)
    }

  /** One part: its reads pass through, its changes are recorded (the engine's catalogue says which). */
  const part = (name: PartName) => {
    const real = engine.sim[name] as unknown as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (const [method, entry] of Object.entries(API_CATALOGUE[name])) {
      out[method] =
        entry.kind === 'read'
          ? reader(real, `${name}.${method}`)
          : mutator(name as CallTarget, method)
    }
    return Object.freeze(out)
  }

  const inspect = (listener: InspectionListener) => {
    live('inspect')
    if (typeof listener !== 'function')
      throw new TypeError('inspect(listener): listener must be a function')
    const stop = engine.sim.inspect((event) => {
      if (!active) return
      try {
        listener(event)
      } catch (error) {
        // An observer's error never changes what the engine does; the Console shows it.
        onListenerError(error)
      }
    })
    unsubscribers.push(stop)
    return () => stop()
  }

  const parts = Object.fromEntries(PART_NAMES.map((name) => [name, part(name)])) as Record<
    PartName,
    unknown
  >
  const sim = Object.freeze({
    ...parts,
    inspect,
    memberLists: (guildId: unknown) => {
      live('sim.memberLists')
      return engine.sim.memberLists(guildId as never)
    },
    snapshot: () => {
      live('sim.snapshot')
      return engine.sim.snapshot()
    },
  })

  return {
    scope: { sim, inspect, ...parts },
    calls,
    get limitReached() {
      return limitReached
    },
    get unsafe() {
      return unsafe
    },
    seal() {
      active = false
      stopCounting()
      for (const stop of unsubscribers) stop()
    },
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}
