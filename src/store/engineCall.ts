import { requestMemberListInSteps, type Frame, type Simulation } from '../engine/index.ts'

/** JSON data: what an engine call's arguments may hold, so a call survives share links and workers. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** The parts of a simulation a call may reach. */
export type CallTarget = 'world' | 'gateway' | 'dispatcher' | 'actions' | 'clock'

/**
 * One engine call as plain data: the timeline's unit. Arguments may hold references resolved when the
 * call runs (see {@link resolveRefs}), so hand-written scenarios can name sessions whose random ids they
 * cannot know in advance.
 */
export interface EngineCall {
  readonly target: CallTarget
  readonly method: string
  readonly args: readonly Json[]
  /** Consecutive calls with the same group form one timeline step (a scenario's setup, say). */
  readonly group?: string
  /** A human label for buttons and the timeline; derived from the call when absent. */
  readonly label?: string
}

/**
 * A simulation plus the sessions it identified, in order, so `{ $session: n }` can name the n-th one
 * (closed sessions keep their place).
 */
export interface EngineRun {
  readonly sim: Simulation
  readonly sessions: string[]
}

/** The methods each target allows: the engine's mutating public API, nothing that reads or leaks. */
export const ALLOWED_CALLS: Readonly<Record<CallTarget, readonly string[]>> = {
  world: [
    'createUser',
    'createGuild',
    'createRole',
    'createChannel',
    'addMember',
    'updateMember',
    'addFriendship',
  ],
  gateway: [
    'identify',
    'disconnect',
    'invalidate',
    'resume',
    'requestMemberList',
    'updatePresence',
    'failSocket',
  ],
  dispatcher: [
    'dispatch',
    'dispatchMany',
    'dispatchFilter',
    'dispatchManyFilterList',
    'sub',
    'unsub',
    'subMany',
  ],
  actions: [
    'sendMessage',
    'editMessage',
    'deleteMessage',
    'startTyping',
    'joinGuild',
    'leaveGuild',
    'createChannel',
    'updateChannel',
    'deleteChannel',
    'createRole',
    'updateRole',
    'deleteRole',
    'setMemberRoles',
    'setNick',
    'addFriend',
    'removeFriend',
    'openDm',
    'createGroupDm',
    'updateUser',
  ],
  clock: ['advance'],
}

/** A call the playground refuses before it reaches the engine (unknown target, method or bad shape). */
export class CallError extends Error {
  override readonly name = 'CallError'
}

const TARGETS = Object.keys(ALLOWED_CALLS) as CallTarget[]

/**
 * Replaces `{ $session: n }` and `{ $lastSeq: n }` with the n-th identified session's id / last seen s,
 * and `{ $only: [sessionId, …] }` with a filter accepting exactly those sessions: how a `dispatchFilter`
 * call whose filter was a function (run in the sandbox) is recorded. The engine is deterministic, so the
 * filter is asked about the same sessions on replay and gives the same answers. The list may hold
 * `$session` references.
 */
export function resolveRefs(run: EngineRun, value: Json): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveRefs(run, v))
  if (value === null || typeof value !== 'object') return value
  const keys = Object.keys(value)
  if (keys.length === 1 && keys[0] === '$only') return onlyFilter(run, value.$only)
  if (keys.length === 1 && (keys[0] === '$session' || keys[0] === '$lastSeq')) {
    const index = value[keys[0]]
    const sessionId = typeof index === 'number' ? run.sessions[index] : undefined
    if (sessionId === undefined) {
      throw new CallError(
        `${keys[0]}: ${JSON.stringify(index)} names no session; only ${run.sessions.length} identified so far`,
      )
    }
    return keys[0] === '$session' ? sessionId : lastSeenSeq(run.sim, sessionId)
  }
  return Object.fromEntries(keys.map((k) => [k, resolveRefs(run, value[k] as Json)]))
}

/** The filter of `{ $only: [...] }`: true for exactly the sessions listed (ids or `$session` refs). */
function onlyFilter(run: EngineRun, list: Json | undefined): (sessionId: string) => boolean {
  if (!Array.isArray(list)) {
    throw new CallError(`$only: expected a list of session ids, got ${JSON.stringify(list)}`)
  }
  const ids = new Set(
    list.map((item) => {
      const id = resolveRefs(run, item)
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

function targetObject(sim: Simulation, target: CallTarget): Record<string, unknown> | undefined {
  // `actions` arrives with the engine's server flows; until then it is absent and refused clearly.
  const parts = sim as unknown as Partial<Record<CallTarget, Record<string, unknown>>>
  return parts[target]
}

/**
 * Runs one call against the simulation: the only way the playground changes the engine. Refuses unknown
 * targets and methods (the allowlist above) with a message naming what is allowed; engine errors
 * propagate unchanged so the user sees the engine's own explanation.
 */
export function applyCall(run: EngineRun, call: EngineCall): unknown {
  if (call === null || typeof call !== 'object')
    throw new CallError('a call is an object { target, method, args }')
  const { target, method, args } = call
  if (!TARGETS.includes(target)) {
    throw new CallError(
      `unknown target ${JSON.stringify(target)}; use one of ${TARGETS.join(', ')}`,
    )
  }
  const allowed = ALLOWED_CALLS[target]
  if (typeof method !== 'string' || !allowed.includes(method)) {
    throw new CallError(
      `${target}.${String(method)} is not a call the playground makes; ${target} allows ${allowed.join(', ')}`,
    )
  }
  if (!Array.isArray(args)) throw new CallError(`${target}.${method}: args must be an array`)
  const object = targetObject(run.sim, target)
  const fn = object?.[method]
  if (typeof fn !== 'function') {
    throw new CallError(`${target}.${method} is not available in this engine yet`)
  }
  const resolved = args.map((a) => resolveRefs(run, a))
  const result: unknown = fn.apply(object, resolved)
  if (target === 'gateway' && method === 'identify') {
    run.sessions.push((result as { sessionId: string }).sessionId)
  }
  return result
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
  run: EngineRun,
  call: EngineCall,
): Generator<typeof WITHIN_CALL, unknown> {
  const op14 =
    call !== null &&
    typeof call === 'object' &&
    call.target === 'gateway' &&
    call.method === 'requestMemberList' &&
    Array.isArray(call.args)
  if (!op14) return applyCall(run, call)
  const [sessionId, guildId, channels] = call.args.map((a) => resolveRefs(run, a)) as Parameters<
    Simulation['gateway']['requestMemberList']
  >
  const job = requestMemberListInSteps(run.sim, sessionId, guildId, channels)
  while (!job.next().done) yield WITHIN_CALL
  return undefined
}
