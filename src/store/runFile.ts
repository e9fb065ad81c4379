import type { Scenario } from '../scenarios/types.ts'
import type { Step } from './connectEngine.ts'
import { applyCall, type EngineCall } from './engineCall.ts'
import { createRun } from './timeline.ts'

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
  readonly cursor: number
  readonly steps: readonly { readonly label: string; readonly calls: readonly EngineCall[] }[]
  readonly trace: readonly TraceEntry[]
}

/** One dispatch of a saved run: where it went and why it skipped whom. */
export interface TraceEntry {
  /** 1-based, as the event log numbers steps. */
  readonly step: number
  readonly backend: string
  readonly key: string
  readonly eventType: string
  readonly delivered: readonly string[]
  readonly buffered: readonly string[]
  readonly skipped: readonly { readonly sessionId: string; readonly reason: string }[]
}

export const RUN_FORMAT = 'fanout-run'
export const RUN_VERSION = 1
/** Bounds that keep a hostile or mistaken file from freezing the tab while it is checked. */
export const RUN_LIMITS = { bytes: 20_000_000, steps: 10_000, calls: 50_000 } as const

/** Why a run file cannot be opened. Nothing in the playground changes when one is thrown. */
export class RunFileError extends Error {
  override readonly name = 'RunFileError'
}

/** The file for a run: every step (the future past the cursor too) and the trace of every dispatch. */
export function runFileOf(
  scenario: Scenario,
  seed: number,
  steps: readonly Step[],
  cursor: number,
): RunFile {
  return {
    format: RUN_FORMAT,
    version: RUN_VERSION,
    scenario: scenario.id,
    seed,
    cursor,
    steps: steps.map((s) => ({ label: s.label, calls: s.calls })),
    trace: steps.flatMap((s) =>
      s.dispatches.map((d) => ({
        step: d.step + 1,
        backend: d.backend,
        key: d.key,
        eventType: d.eventType,
        delivered: d.result.delivered,
        buffered: d.result.buffered,
        skipped: d.result.skipped.map(({ sessionId, reason }) => ({ sessionId, reason })),
      })),
    ),
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v)

/**
 * Reads a run file into the scenario to load (its steps as the calls, one group per step) and the
 * cursor to land on. Checks the shape, then replays every call on a scratch engine, so a file that
 * would fail halfway is refused whole, with the step that failed and the engine's reason.
 */
export function readRunFile(
  text: string,
  scenarioById: (id: string) => Scenario | undefined,
): { scenario: Scenario; cursor: number } {
  if (text.length > RUN_LIMITS.bytes) {
    throw new RunFileError(`the file is over ${RUN_LIMITS.bytes} bytes, the most a run file may be`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new RunFileError(`the file is not JSON (${(error as Error).message})`)
  }
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
  const { seed, steps, cursor } = data
  if (!Number.isSafeInteger(seed)) {
    throw new RunFileError(`"seed" must be an integer, not ${JSON.stringify(seed)}`)
  }
  if (!Array.isArray(steps) || steps.length > RUN_LIMITS.steps) {
    throw new RunFileError(`"steps" must be a list of at most ${RUN_LIMITS.steps} steps`)
  }
  if (
    !Number.isSafeInteger(cursor) ||
    (cursor as number) < 0 ||
    (cursor as number) > steps.length
  ) {
    throw new RunFileError(
      `"cursor" must be a whole number from 0 to ${steps.length} (the number of steps), not ${JSON.stringify(cursor)}`,
    )
  }
  const perStep: EngineCall[][] = []
  for (const [i, step] of steps.entries())
    perStep.push(stepCalls(step, i, perStep.at(-1)?.[0]?.group))
  const calls = perStep.flat()
  if (calls.length > RUN_LIMITS.calls) {
    throw new RunFileError(`the run makes ${calls.length} calls; at most ${RUN_LIMITS.calls}`)
  }
  dryRun(seed as number, perStep)
  return { scenario: { ...base, seed: seed as number, calls }, cursor: cursor as number }
}

/**
 * A step's calls, grouped so that loading rebuilds the file's steps exactly: a step of several calls
 * shares one group (its label, which the timeline shows), and a step whose group is the previous step's
 * gets its own, since consecutive calls of one group would merge into one step.
 */
function stepCalls(step: unknown, index: number, previousGroup: string | undefined): EngineCall[] {
  const calls = isRecord(step) ? step.calls : undefined
  if (!Array.isArray(calls) || calls.length === 0) {
    throw new RunFileError(`step ${index + 1} must have "calls": a non-empty list of calls`)
  }
  const label = isRecord(step) && typeof step.label === 'string' ? step.label : `step ${index + 1}`
  const first: unknown = calls[0]
  const named = isRecord(first) && typeof first.group === 'string' ? first.group : undefined
  let group = named ?? (calls.length > 1 ? label : undefined)
  if (group !== undefined && group === previousGroup) group = `${group} (again)`
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
function dryRun(seed: number, steps: readonly (readonly EngineCall[])[]) {
  let run
  try {
    run = createRun(seed)
  } catch (error) {
    throw new RunFileError(`"seed": ${(error as Error).message}`)
  }
  for (const [i, calls] of steps.entries()) {
    for (const call of calls) {
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
