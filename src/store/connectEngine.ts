import type { DispatchResult, InspectionEvent, SkipReason } from '../engine/index.ts'
import { applyCall, type EngineCall, type EngineRun } from './engineCall.ts'
import { describeCall, namesFrom } from './describeCall.ts'

/** One dispatch as the event log and the graph show it: the engine's result plus `explain`'s answer. */
export interface DispatchRecord {
  /** Unique in a timeline: `<step>.<n>`. */
  readonly id: string
  readonly step: number
  readonly at: number
  readonly backend: DispatchResult['backend']
  readonly key: string
  readonly eventType: string
  readonly payload: unknown
  readonly result: DispatchResult
  readonly cause: string | null
  /** Sessions that could have been reached but were not subscribed; null when not computed. */
  readonly notSubscribed: readonly string[] | null
}

/** One frame sent straight to a session (READY, GUILD_CREATE, replays, RESUMED, op 9). */
export interface DirectRecord {
  readonly step: number
  readonly sessionId: string
  readonly t: string | null
  readonly op: number
  readonly s: number | null
  readonly outcome: 'delivered' | 'buffered' | 'failed'
  readonly replay: boolean
}

/** One timeline step: the calls the user (or scenario) made and exactly what the engine reported. */
export interface Step {
  readonly label: string
  readonly calls: readonly EngineCall[]
  readonly events: readonly InspectionEvent[]
  readonly dispatches: readonly DispatchRecord[]
  readonly directs: readonly DirectRecord[]
}

/**
 * `explain` walks a guild's members, so a step that fans out thousands of dispatches (a scale scenario's
 * setup) explains only its first ones; the rest show "not computed" instead of stalling the page.
 */
export const EXPLAIN_LIMIT = 200

/** Counts the skips of a result by reason, in the order reasons first appear. */
export function skipCounts(result: DispatchResult): [SkipReason, number][] {
  const counts = new Map<SkipReason, number>()
  for (const s of result.skipped) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1)
  return [...counts]
}

/**
 * The one bridge from the engine's inspection stream into the playground: runs a step's calls with a
 * listener attached and returns what it saw. `explain` is asked at dispatch time, because its answer
 * depends on the world as it is then. If a call throws, the listener is removed and the error propagates;
 * the caller must then discard the run (a refused call changes nothing in the engine, but the playground
 * does not bet on it).
 */
export function recordStep(run: EngineRun, calls: readonly EngineCall[], step: number): Step {
  const events: InspectionEvent[] = []
  const dispatches: DispatchRecord[] = []
  const directs: DirectRecord[] = []
  const { sim } = run
  const stop = sim.inspect((event) => {
    events.push(event)
    if (event.type === 'dispatch') {
      const explained = dispatches.length < EXPLAIN_LIMIT
      dispatches.push({
        id: `${step}.${dispatches.length}`,
        step,
        at: event.at,
        backend: event.backend,
        key: event.key,
        eventType: event.eventType,
        payload: event.payload,
        result: event.result,
        cause: event.cause,
        notSubscribed: explained
          ? sim.dispatcher.explain(event.result).map((e) => e.sessionId)
          : null,
      })
    } else if (event.type === 'send') {
      const { frame } = event
      directs.push({
        step,
        sessionId: event.sessionId,
        t: frame.t,
        op: frame.op,
        s: frame.s,
        outcome: event.outcome,
        replay: event.replay,
      })
    }
  })
  const names = namesFrom(sim)
  // Label before running: a call that creates or closes something reads best with the world it acted on.
  const label = calls[0]?.group ?? (calls[0] ? describeCall(calls[0], names) : 'Empty step')
  try {
    for (const call of calls) applyCall(run, call)
  } finally {
    stop()
  }
  return { label, calls, events, dispatches, directs }
}
