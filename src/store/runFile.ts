import type { Scenario } from '../scenarios/types.ts'
import { MAX_CODE_LENGTH } from './codeStorage.ts'
import type { Step } from './connectEngine.ts'
import { applyCall, createCallEngine, type EngineCall } from '../calls/index.ts'
import { scenarioPlan, type StepPlan } from './loadJob.ts'

/**
 * A run saved to a file: the scenario it started from, the seed, every step's calls and the cursor. The
 * engine is deterministic, so these rebuild the run exactly; `trace` is what each dispatch did, for
 * reading or as a test fixture, and is recomputed (not trusted) when the file is opened.
 */
export interface RunFile {
  readonly format: typeof RUN_FORMAT
  readonly version: typeof RUN_VERSION
  readonly scenario: string
  readonly seed: number
  /**
   * Present for a scenario built by rules (100,000 IDENTIFYs): its first `scenarioSteps` steps are
   * rebuilt from the scenario, and `steps` lists only the ones after them. The cursor counts them all.
   */
  readonly scenarioSteps?: number
  readonly cursor: number
  readonly steps: readonly { readonly label: string; readonly calls: readonly EngineCall[] }[]
  readonly trace: readonly TraceEntry[]
  /** The editor's code (absent in files saved before the editor). */
  readonly code?: string
}

/**
 * One dispatch of a saved run: where it went and why it skipped whom. A dispatch that concerned more
 * than {@link TRACE_LIST_LIMIT} sessions is traced by counts (`delivered` 99,726 rather than 99,726
 * session ids), so that a run of a 100,000-session guild stays a small file.
 */
export type TraceEntry = TraceListed | TraceCounted

interface TraceBase {
  /** 1-based, as the event log numbers steps. */
  readonly step: number
  readonly backend: string
  readonly key: string
  readonly eventType: string
}

export interface TraceListed extends TraceBase {
  readonly delivered: readonly string[]
  readonly buffered: readonly string[]
  readonly skipped: readonly { readonly sessionId: string; readonly reason: string }[]
}

export interface TraceCounted extends TraceBase {
  readonly counts: {
    readonly delivered: number
    readonly buffered: number
    readonly skipped: Readonly<Record<string, number>>
  }
}

/** Above this many sessions, a trace entry gives counts instead of session ids. */
export const TRACE_LIST_LIMIT = 1000

export const RUN_FORMAT = 'fanout-run'
export const RUN_VERSION = 1
/** Bounds that keep a hostile or mistaken file from freezing the tab while it is checked. */
export const RUN_LIMITS = { bytes: 20_000_000, steps: 10_000, calls: 50_000 } as const

/** Why a run file cannot be opened. Nothing in the playground changes when one is thrown. */
export class RunFileError extends Error {
  override readonly name = 'RunFileError'
}

/**
 * The file for a run: every step (the future past the cursor too) and the trace of every dispatch. For a
 * scenario built by rules, the first `scenarioSteps` steps (the scenario's own, untouched) are named by
 * the scenario instead of listed, trace included.
 */
export function runFileOf(
  scenario: Scenario,
  seed: number,
  steps: readonly Step[],
  cursor: number,
  scenarioSteps = 0,
  code?: string,
): RunFile {
  const omitted = scenario.generated?.length ? Math.min(scenarioSteps, steps.length) : 0
  const listed = steps.slice(omitted)
  return {
    format: RUN_FORMAT,
    version: RUN_VERSION,
    scenario: scenario.id,
    seed,
    ...(omitted > 0 ? { scenarioSteps: omitted } : {}),
    cursor,
    // Longer code would make a file that cannot be opened again: the timeline is saved without it.
    ...(code !== undefined && code.length <= MAX_CODE_LENGTH ? { code } : {}),
    steps: listed.map((s) => ({ label: s.label, calls: s.calls })),
    trace: listed.flatMap((s) => s.dispatches.map(traceOf)),
  }
}

function traceOf(d: Step['dispatches'][number]): TraceEntry {
  const base = { step: d.step + 1, backend: d.backend, key: d.key, eventType: d.eventType }
  const { delivered, buffered, skipped } = d.result
  if (delivered.length + buffered.length + skipped.length > TRACE_LIST_LIMIT) {
    const reasons: Record<string, number> = {}
    for (const s of skipped) reasons[s.reason] = (reasons[s.reason] ?? 0) + 1
    return {
      ...base,
      counts: { delivered: delivered.length, buffered: buffered.length, skipped: reasons },
    }
  }
  return {
    ...base,
    delivered,
    buffered,
    skipped: skipped.map(({ sessionId, reason }) => ({ sessionId, reason })),
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v)

/** A run file read and checked: what to build and where to land. */
export interface OpenedRun {
  /** The file's scenario, with the file's seed. */
  readonly scenario: Scenario
  /** How many of the scenario's own steps come first (0 when the file lists every step). */
  readonly scenarioSteps: number
  /** Every step to build, the scenario's own first. */
  readonly plan: readonly StepPlan[]
  readonly cursor: number
  /** The editor's code, when the file (or link) holds some. */
  readonly code?: string
}

/**
 * Reads a run file into the steps to build and the cursor to land on. Checks the shape, then (unless
 * the plan holds generated steps, too long to run twice: those are checked as they load, in slices)
 * replays every call on a scratch engine, so a file that would fail halfway is refused whole, with the
 * step that failed and the engine's reason.
 */
export function readRunFile(
  text: string,
  scenarioById: (id: string) => Scenario | undefined,
): OpenedRun {
  if (text.length > RUN_LIMITS.bytes) {
    throw new RunFileError(`the file is over ${RUN_LIMITS.bytes} bytes, the most a run file may be`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new RunFileError(`the file is not JSON (${(error as Error).message})`)
  }
  return readRunData(data, scenarioById)
}

/** {@link readRunFile} on parsed JSON: the checks and the dry run that a share link goes through too. */
export function readRunData(
  data: unknown,
  scenarioById: (id: string) => Scenario | undefined,
): OpenedRun {
  if (!isRecord(data) || data.format !== RUN_FORMAT) {
    throw new RunFileError(`not a Fanout run file: expected "format": "${RUN_FORMAT}"`)
  }
  if (data.version !== RUN_VERSION) {
    throw new RunFileError(
      `run file version ${JSON.stringify(data.version)} is not supported; this playground reads version ${RUN_VERSION}`,
    )
  }
  const base = typeof data.scenario === 'string' ? scenarioById(data.scenario) : undefined
  if (!base) {
    throw new RunFileError(`"scenario" ${JSON.stringify(data.scenario)} is not a known scenario id`)
  }
  const { seed, steps, cursor, code } = data
  if (code !== undefined && (typeof code !== 'string' || code.length > MAX_CODE_LENGTH)) {
    throw new RunFileError(`"code" must be text of at most ${MAX_CODE_LENGTH} characters`)
  }
  if (!Number.isSafeInteger(seed)) {
    throw new RunFileError(`"seed" must be an integer, not ${JSON.stringify(seed)}`)
  }
  const own = scenarioPlan(base)
  const scenarioSteps = data.scenarioSteps ?? 0
  if (
    typeof scenarioSteps !== 'number' ||
    !Number.isSafeInteger(scenarioSteps) ||
    scenarioSteps < 0 ||
    scenarioSteps > own.length
  ) {
    throw new RunFileError(
      `"scenarioSteps" must be a whole number from 0 to ${own.length} (the steps of ${base.id}), not ${JSON.stringify(scenarioSteps)}`,
    )
  }
  const first = scenarioSteps
  if (!Array.isArray(steps) || steps.length > RUN_LIMITS.steps) {
    throw new RunFileError(`"steps" must be a list of at most ${RUN_LIMITS.steps} steps`)
  }
  const total = first + steps.length
  if (!Number.isSafeInteger(cursor) || (cursor as number) < 0 || (cursor as number) > total) {
    throw new RunFileError(
      `"cursor" must be a whole number from 0 to ${total} (the number of steps), not ${JSON.stringify(cursor)}`,
    )
  }
  const perStep: EngineCall[][] = []
  for (const [i, step] of steps.entries()) perStep.push(stepCalls(step, first + i))
  const calls = perStep.flat()
  if (calls.length > RUN_LIMITS.calls) {
    throw new RunFileError(`the run makes ${calls.length} calls; at most ${RUN_LIMITS.calls}`)
  }
  const plan: StepPlan[] = [...own.slice(0, first), ...perStep.map((c) => ({ calls: c }))]
  if (!plan.some((p) => p.generated)) dryRun(seed as number, plan)
  return {
    scenario: { ...base, seed: seed as number },
    scenarioSteps: first,
    plan,
    cursor: cursor as number,
    ...(code !== undefined ? { code } : {}),
  }
}

/**
 * A step's calls, checked: a step of several calls shares one group (its label, which the timeline
 * shows). Each step of the file is built as one step, whatever its groups.
 */
function stepCalls(step: unknown, index: number): EngineCall[] {
  const calls = isRecord(step) ? step.calls : undefined
  if (!Array.isArray(calls) || calls.length === 0) {
    throw new RunFileError(`step ${index + 1} must have "calls": a non-empty list of calls`)
  }
  const label = isRecord(step) && typeof step.label === 'string' ? step.label : `step ${index + 1}`
  const first: unknown = calls[0]
  const named = isRecord(first) && typeof first.group === 'string' ? first.group : undefined
  const group = named ?? (calls.length > 1 ? label : undefined)
  return calls.map((call: unknown) => {
    if (!isRecord(call) || !Array.isArray(call.args)) {
      throw new RunFileError(
        `step ${index + 1}: each call is an object { "target", "method", "args": [...] }`,
      )
    }
    const { target, method, args, label: callLabel } = call
    return {
      target,
      method,
      args,
      ...(typeof callLabel === 'string' ? { label: callLabel } : {}),
      ...(group !== undefined ? { group } : {}),
    } as EngineCall
  })
}

/** Replays every step on a scratch engine: a call it refuses refuses the file, naming the step. */
function dryRun(seed: number, steps: readonly StepPlan[]) {
  let run
  try {
    run = createCallEngine(seed)
  } catch (error) {
    throw new RunFileError(`"seed": ${(error as Error).message}`)
  }
  for (const [i, { calls }] of steps.entries()) {
    for (const call of calls ?? []) {
      try {
        applyCall(run, call)
      } catch (error) {
        throw new RunFileError(
          `step ${i + 1} (${String(call.target)}.${String(call.method)}) was refused: ${(error as Error).message}`,
        )
      }
    }
  }
}
