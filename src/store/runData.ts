import type { Scenario } from '../scenarios/types.ts'
import {
  applyCall,
  CallError,
  createCallEngine,
  quoteValue,
  field,
  isArray,
  MAX_LABEL_LENGTH,
  plain,
  readBudget,
  readCall,
  type EngineCall,
} from '../calls/index.ts'
import { MAX_CODE_LENGTH } from './codeStorage.ts'
import { refusedStep, scenarioPlan, type StepPlan } from './loadJob.ts'
import { runToEnd } from './longJobs.ts'

/**
 * The one reader of run data, whether it came in a run file (Open run…, a dropped file) or a share
 * link: every field is checked whatever its type (`String(x)` can throw, `1e999` is Infinity, a label
 * may be megabytes), and every call goes through `readCall`. A small run (no step built by rules, at
 * most {@link DRY_RUN_CALLS} calls: a world that small is cheap to build) is replayed on a scratch
 * engine, so a call the engine refuses refuses it whole at once; a larger one is checked as it loads,
 * in slices and within a budget of deliveries (`loadJob.ts`). Either way a refused call is named by
 * {@link refusedStep}.
 */

/** The most calls a run may make to be checked by a replay when it is read (and loaded at once). */
export const DRY_RUN_CALLS = 200

export const RUN_FORMAT = 'fanout-run'
export const RUN_VERSION = 1
/** Bounds that keep a hostile or mistaken file from freezing the tab while it is checked. */
export const RUN_LIMITS = { bytes: 20_000_000, steps: 10_000, calls: 50_000 } as const

/** Why run data cannot be opened. Nothing in the playground changes when one is thrown. */
export class RunFileError extends Error {
  override readonly name = 'RunFileError'
}

/** A run read and checked: what to build and where to land. */
export interface OpenedRun {
  /** The run's scenario, with the run's seed. */
  readonly scenario: Scenario
  /** How many of the scenario's own steps come first (0 when the run lists every step). */
  readonly scenarioSteps: number
  /** Every step to build, the scenario's own first. */
  readonly plan: readonly StepPlan[]
  readonly cursor: number
  /** The editor's code, when the file (or link) holds some. */
  readonly code?: string
}

/**
 * Reads parsed run data (a file's JSON, a link's) into the steps to build and the cursor to land on.
 * `what` names the source in messages ("the file", "the link").
 */
export function readRunData(
  data: unknown,
  scenarioById: (id: string) => Scenario | undefined,
  what = 'the file',
): OpenedRun {
  return runToEnd(readRunDataJob(data, scenarioById, what))
}

/** What a large run holds besides its steps: known once its fields are checked, before its calls are. */
export interface LargeRun {
  readonly large: Omit<OpenedRun, 'plan'>
}

/**
 * {@link readRunData} as a job: a run of more than {@link DRY_RUN_CALLS} calls yields a
 * {@link LargeRun} once its fields are checked, then once after each step's calls are read, so the
 * rest of the reading can run in slices (a run may hold 50,000 calls: seconds in one task).
 */
export function* readRunDataJob(
  data: unknown,
  scenarioById: (id: string) => Scenario | undefined,
  what = 'the file',
): Generator<LargeRun | void, OpenedRun> {
  try {
    return yield* read(data, scenarioById, what)
  } catch (error) {
    if (error instanceof RunFileError) throw error
    if (error instanceof CallError) throw new RunFileError(error.message)
    throw new RunFileError(`${what} could not be read`)
  }
}

function* read(
  data: unknown,
  scenarioById: (id: string) => Scenario | undefined,
  what: string,
): Generator<LargeRun | void, OpenedRun> {
  const record = plain(data)
  if (!record || field(record, 'format') !== RUN_FORMAT) {
    throw new RunFileError(`${what} does not hold a Fanout run: expected "format": "${RUN_FORMAT}"`)
  }
  const version = field(record, 'version')
  if (version !== RUN_VERSION) {
    throw new RunFileError(
      `${what} is version ${quoteValue(version)}; this playground reads version ${RUN_VERSION}`,
    )
  }
  const id = field(record, 'scenario')
  const base = typeof id === 'string' ? scenarioById(id) : undefined
  if (!base) {
    throw new RunFileError(`${what} names ${quoteValue(id)}, which is not a scenario here`)
  }
  const seed = field(record, 'seed')
  const steps = field(record, 'steps')
  const cursor = field(record, 'cursor')
  const code = field(record, 'code')
  if (code !== undefined && (typeof code !== 'string' || code.length > MAX_CODE_LENGTH)) {
    throw new RunFileError(`"code" must be text of at most ${MAX_CODE_LENGTH} characters`)
  }
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    throw new RunFileError(`"seed" must be an integer, not ${quoteValue(seed)}`)
  }
  const own = scenarioPlan(base)
  const scenarioSteps = field(record, 'scenarioSteps') ?? 0
  if (
    typeof scenarioSteps !== 'number' ||
    !Number.isSafeInteger(scenarioSteps) ||
    scenarioSteps < 0 ||
    scenarioSteps > own.length
  ) {
    throw new RunFileError(
      `"scenarioSteps" must be a whole number from 0 to ${own.length} (the steps of ${base.id}), not ${quoteValue(scenarioSteps)}`,
    )
  }
  if (!isArray(steps) || steps.length > RUN_LIMITS.steps) {
    throw new RunFileError(`"steps" must be a list of at most ${RUN_LIMITS.steps} steps`)
  }
  const total = scenarioSteps + steps.length
  if (typeof cursor !== 'number' || !Number.isSafeInteger(cursor) || cursor < 0 || cursor > total) {
    throw new RunFileError(
      `"cursor" must be a whole number from 0 to ${total} (the number of steps), not ${quoteValue(cursor)}`,
    )
  }
  const fields = {
    scenario: { ...base, seed },
    scenarioSteps,
    cursor,
    ...(code !== undefined ? { code } : {}),
  }
  const large =
    own.slice(0, scenarioSteps).some((p) => p.generated) || listedCalls(steps) > DRY_RUN_CALLS
  if (large) yield { large: fields }
  const budget = readBudget()
  let calls = 0
  const perStep: EngineCall[][] = []
  for (const [i, step] of steps.entries()) {
    const read = stepCalls(step, scenarioSteps + i, budget)
    calls += read.length
    if (calls > RUN_LIMITS.calls) {
      throw new RunFileError(`the run makes more than ${RUN_LIMITS.calls} calls, the most it may`)
    }
    perStep.push(read)
    if (large) yield
  }
  const plan: StepPlan[] = [...own.slice(0, scenarioSteps), ...perStep.map((c) => ({ calls: c }))]
  if (isSmall(plan)) dryRun(seed, plan)
  return { ...fields, plan }
}

/** How many calls the steps list, as far as their shape says (each is checked when it is read). */
function listedCalls(steps: readonly unknown[]): number {
  let count = 0
  for (const step of steps) {
    const record = plain(step)
    const calls = record ? field(record, 'calls') : undefined
    count += isArray(calls) ? calls.length : 1
  }
  return count
}

/**
 * A step's calls, checked: a step of several calls shares one group (its label, which the timeline
 * shows). Each step of the run is built as one step, whatever its groups.
 */
function stepCalls(
  step: unknown,
  index: number,
  budget: ReturnType<typeof readBudget>,
): EngineCall[] {
  const record = plain(step)
  const calls = record ? field(record, 'calls') : undefined
  if (!isArray(calls) || calls.length === 0) {
    throw new RunFileError(`step ${index + 1} must have "calls": a non-empty list of calls`)
  }
  const given = record ? field(record, 'label') : undefined
  if (given !== undefined && (typeof given !== 'string' || given.length > MAX_LABEL_LENGTH)) {
    throw new RunFileError(
      `step ${index + 1}: "label" must be text of at most ${MAX_LABEL_LENGTH} characters`,
    )
  }
  const label = given ?? `step ${index + 1}`
  const read = calls.map((call) => {
    try {
      return readCall(call, budget)
    } catch (error) {
      if (error instanceof CallError) throw new RunFileError(`step ${index + 1}: ${error.message}`)
      throw error
    }
  })
  const group = read[0]?.group ?? (read.length > 1 ? label : undefined)
  return read.map(({ group: _group, ...call }) => ({
    ...call,
    ...(group !== undefined ? { group } : {}),
  }))
}

/** A plan cheap enough to build in one task: no generated step, at most {@link DRY_RUN_CALLS} calls. */
export function isSmall(plan: readonly StepPlan[]): boolean {
  let calls = 0
  for (const p of plan) {
    if (p.generated) return false
    calls += p.calls.length
  }
  return calls <= DRY_RUN_CALLS
}

/** Replays every step on a scratch engine: a call it refuses refuses the run, naming the step. */
function dryRun(seed: number, steps: readonly StepPlan[]) {
  let engine
  try {
    engine = createCallEngine(seed)
  } catch (error) {
    throw new RunFileError(`"seed": ${error instanceof Error ? error.message : 'refused'}`)
  }
  for (const [i, { calls }] of steps.entries()) {
    for (const call of calls ?? []) {
      try {
        applyCall(engine, call)
      } catch (error) {
        throw new RunFileError(refusedStep(i, call, error))
      }
    }
  }
}
