import type { Scenario } from '../scenarios/types.ts'
import { MAX_CODE_LENGTH } from './codeStorage.ts'
import type { Step } from './connectEngine.ts'
import type { EngineCall } from '../calls/index.ts'
import {
  readRunDataJob,
  RUN_FORMAT,
  RUN_LIMITS,
  RUN_VERSION,
  RunFileError,
  type LargeRun,
  type OpenedRun,
} from './runData.ts'
import { runToEnd } from './longJobs.ts'

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

/**
 * Reads a run file's text (Open run…, a dropped file): its size, its JSON, then {@link readRunData}.
 */
export function readRunFile(
  text: string,
  scenarioById: (id: string) => Scenario | undefined,
): OpenedRun {
  return runToEnd(readRunFileJob(text, scenarioById))
}

/** {@link readRunFile} as a job (`readRunDataJob`): a large run's steps can be read in slices. */
export function* readRunFileJob(
  text: string,
  scenarioById: (id: string) => Scenario | undefined,
): Generator<LargeRun | void, OpenedRun> {
  if (text.length > RUN_LIMITS.bytes) {
    throw new RunFileError(`the file is over ${RUN_LIMITS.bytes} bytes, the most a run file may be`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new RunFileError(
      `the file is not JSON (${error instanceof Error ? error.message.slice(0, 200) : 'unreadable'})`,
    )
  }
  return yield* readRunDataJob(data, scenarioById, 'the file')
}
