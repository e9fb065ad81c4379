import type { ChangeMethod, PartName, Simulation } from '../engine/index.ts'

/** JSON data: what an engine call's arguments may hold, so a call survives share links and workers. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** The parts of a simulation whose methods may change it: the parts a call may reach. */
export type CallTarget = {
  [P in PartName]: [ChangeMethod<P>] extends [never] ? never : P
}[PartName]

/**
 * One engine call as plain data: the timeline's unit. Arguments may hold references resolved when the
 * call runs (`refs.ts`), so hand-written scenarios can name sessions whose random ids they cannot know
 * in advance.
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
 * The engine calls are applied to: a simulation plus the sessions it identified, in order, so
 * `{ $session: n }` can name the n-th one (closed sessions keep their place). The store keeps one at the
 * cursor, the sandbox one per base, the local gateway one in all. Not called a "run": in this project a
 * run is the editor's code being run, and a run file the saved timeline.
 */
export interface CallEngine {
  readonly sim: Simulation
  readonly sessions: string[]
}

/** A call refused before it reaches the engine (unknown target, method or bad shape). */
export class CallError extends Error {
  override readonly name = 'CallError'
}
