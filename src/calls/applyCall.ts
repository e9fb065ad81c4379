import { createSimulation, requestMemberListInSteps, type Simulation } from '../engine/index.ts'
import { ALLOWED_CALLS, CALL_TARGETS } from './allowed.ts'
import { CallError, type CallTarget, type EngineCall, type CallEngine, type Json } from './call.ts'
import { describeValue } from './readCall.ts'
import { resolveRefs } from './refs.ts'

/** A fresh simulation from `seed`, with no session identified yet. */
export function createCallEngine(seed: number): CallEngine {
  return { sim: createSimulation({ seed }), sessions: [] }
}

/**
 * Runs one call against the simulation: the only way the playground changes the engine. Refuses unknown
 * targets and methods (those the engine's catalogue does not mark as changes) with a message naming
 * what is allowed; engine errors propagate unchanged so the user sees the engine's own explanation.
 */
export function applyCall(engine: CallEngine, call: EngineCall): unknown {
  const { target, method, args } = readCall(call)
  const object = engine.sim[target] as unknown as Record<string, (...args: unknown[]) => unknown>
  const resolved = args.map((a) => resolveRefs(engine, a))
  const result = object[method]!(...resolved)
  if (target === 'gateway' && method === 'identify') {
    engine.sessions.push((result as { sessionId: string }).sessionId)
  }
  return result
}

/**
 * The call's target, method and arguments, checked against the allowlist. Whatever `call` holds (it
 * may come from a link, a file or a worker), the only error is a {@link CallError} with a short message.
 */
function readCall(call: EngineCall): { target: CallTarget; method: string; args: readonly Json[] } {
  let target: unknown, method: unknown, args: unknown
  try {
    if (call === null || typeof call !== 'object') throw new Error('not an object')
    ;({ target, method, args } = call as { target: unknown; method: unknown; args: unknown })
  } catch {
    throw new CallError('a call is an object { target, method, args }')
  }
  if (!CALL_TARGETS.includes(target as CallTarget)) {
    throw new CallError(
      `unknown target ${typeof target === 'string' ? JSON.stringify(target.slice(0, 64)) : describeValue(target)}; use one of ${CALL_TARGETS.join(', ')}`,
    )
  }
  const allowed = ALLOWED_CALLS[target as CallTarget]
  if (typeof method !== 'string' || !allowed.includes(method)) {
    throw new CallError(
      `${String(target)}.${describeValue(method)} is not a call the playground makes; ${String(target)} allows ${allowed.join(', ')}`,
    )
  }
  let isArray = false
  try {
    isArray = Array.isArray(args)
  } catch {
    // a revoked Proxy: not an array we can read
  }
  if (!isArray) throw new CallError(`${String(target)}.${method}: args must be an array`)
  return { target: target as CallTarget, method, args: args as readonly Json[] }
}

/** What a job yields while one call is still running: not a call done (progress bars skip it). */
export const WITHIN_CALL = 'within-call'

/**
 * {@link applyCall} as a job, for callers that run in slices. op 14 (`gateway.requestMemberList`) goes
 * through the engine's `requestMemberListInSteps`, which yields while it reads a new member list from
 * the world (100,000 members would otherwise be one task of seconds); every other call runs at once.
 * Same checks, same effect, same errors (thrown from `next()`), so a run file or a share link records
 * the one call `requestMemberList` either way.
 */
export function* applyCallInSteps(
  engine: CallEngine,
  call: EngineCall,
): Generator<typeof WITHIN_CALL, unknown> {
  const op14 =
    call !== null &&
    typeof call === 'object' &&
    call.target === 'gateway' &&
    call.method === 'requestMemberList' &&
    Array.isArray(call.args)
  if (!op14) return applyCall(engine, call)
  const [sessionId, guildId, channels] = call.args.map((a) => resolveRefs(engine, a)) as Parameters<
    Simulation['gateway']['requestMemberList']
  >
  const job = requestMemberListInSteps(engine.sim, sessionId, guildId, channels)
  while (!job.next().done) yield WITHIN_CALL
  return undefined
}
