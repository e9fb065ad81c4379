import type { Frame, Simulation } from '../engine/index.ts'
import { CallError, type CallEngine, type Json } from './call.ts'

/**
 * Replaces `{ $session: n }` and `{ $lastSeq: n }` with the n-th identified session's id / last seen s,
 * and `{ $only: [sessionId, …] }` with a filter accepting exactly those sessions: how a `dispatchFilter`
 * call whose filter was a function (run in the sandbox) is recorded. The engine is deterministic, so the
 * filter is asked about the same sessions on replay and gives the same answers. The list may hold
 * `$session` references.
 */
export function resolveRefs(engine: CallEngine, value: Json): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveRefs(engine, v))
  if (value === null || typeof value !== 'object') return value
  const keys = Object.keys(value)
  if (keys.length === 1 && keys[0] === '$only') return onlyFilter(engine, value.$only)
  if (keys.length === 1 && (keys[0] === '$session' || keys[0] === '$lastSeq')) {
    const index = value[keys[0]]
    const sessionId = typeof index === 'number' ? engine.sessions[index] : undefined
    if (sessionId === undefined) {
      throw new CallError(
        `${keys[0]}: ${JSON.stringify(index)} names no session; only ${engine.sessions.length} identified so far`,
      )
    }
    return keys[0] === '$session' ? sessionId : lastSeenSeq(engine.sim, sessionId)
  }
  return Object.fromEntries(keys.map((k) => [k, resolveRefs(engine, value[k] as Json)]))
}

/** The filter of `{ $only: [...] }`: true for exactly the sessions listed (ids or `$session` refs). */
function onlyFilter(engine: CallEngine, list: Json | undefined): (sessionId: string) => boolean {
  if (!Array.isArray(list)) {
    throw new CallError(`$only: expected a list of session ids, got ${JSON.stringify(list)}`)
  }
  const ids = new Set(
    list.map((item) => {
      const id = resolveRefs(engine, item)
      if (typeof id !== 'string') {
        throw new CallError(
          `$only: expected a list of session ids, got ${JSON.stringify(item)} in it`,
        )
      }
      return id
    }),
  )
  return (sessionId) => ids.has(sessionId)
}

/** The last `s` the session's client received: what a real client sends in RESUME. */
export function lastSeenSeq(sim: Simulation, sessionId: string): number {
  return lastSeqIn(sim.states.fetchRaw(sessionId)?.frames ?? [])
}

/** The `s` of the last dispatch frame among `frames` (0 when there is none). */
export function lastSeqIn(frames: readonly Frame[]): number {
  for (let i = frames.length - 1; i >= 0; i--) {
    const s = frames[i]?.s
    if (typeof s === 'number') return s
  }
  return 0
}
