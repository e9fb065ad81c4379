import LZString from 'lz-string'
import type { Scenario } from '../scenarios/types.ts'
import { MAX_CODE_LENGTH } from './codeStorage.ts'
import type { Step } from './connectEngine.ts'
import { scenarioPlan } from './loadJob.ts'
import { decompressBounded, TooLargeError } from './lzBounded.ts'
import { runToEnd } from './longJobs.ts'
import { readRunDataJob, RunFileError, type LargeRun, type OpenedRun } from './runData.ts'
import { runFileOf } from './runFile.ts'

/** A notice about a link (the shape of the store's `LinkNotice`). */
export interface LinkNotice {
  readonly heading: string
  readonly message: string
}

/**
 * Share links: the run file's content (scenario, seed, every step's calls, the cursor) and the code,
 * as JSON compressed with lz-string into the address's `#run=` part. The scenario's own first steps
 * are written as a count (`scenarioSteps`, as a run file of a scenario built by rules does), so a link
 * to a scenario with a few runs of code stays short, and a link into the 100,000-session guild holds
 * its id and the calls made since. Opening one goes through the run file's reader: shape checks, then
 * a dry run on a scratch engine (or, for generated steps, the checks made while it loads).
 */
export const SHARE_PARAM = 'run'
/** The longest `#run=` data accepted, and the longest text it may decompress to. */
export const SHARE_LIMITS = { chars: 200_000, text: 5_000_000 } as const

/** Why a link cannot be made or opened. Nothing in the playground changes when one is thrown. */
export class ShareLinkError extends Error {
  override readonly name = 'ShareLinkError'
}

/** What a link opens: the steps to build, the step to land on and the code. */
export interface SharedRun extends OpenedRun {
  readonly code: string
}

/** The playground state a link is made of. */
export interface ShareState {
  /** The scenario as loaded (a run file's may carry another seed; its id names the registered one). */
  readonly scenario: Scenario
  readonly seed: number
  readonly steps: readonly Step[]
  readonly cursor: number
  /** How many first steps the store knows are still the scenario's own. */
  readonly scenarioSteps: number
  readonly code: string
}

/**
 * How many first steps are the scenario's own: those the store vouches for, then any listed step
 * whose calls are the scenario's next ones (a run file that listed every step, opened again).
 */
function ownPrefix({ scenario, steps, scenarioSteps }: ShareState): number {
  const own = scenarioPlan(scenario)
  let count = Math.min(scenarioSteps, steps.length, own.length)
  for (; count < own.length && count < steps.length; count++) {
    const mine = own[count]?.calls
    const step = steps[count]
    if (!mine || !step || step.generated) break
    if (JSON.stringify(step.calls) !== JSON.stringify(mine)) break
  }
  return count
}

/** The `#…` part (without `#`) of a link to this state; throws when it would be too long. */
export function shareHash(
  state: ShareState,
  limits: { readonly chars: number } = SHARE_LIMITS,
): string {
  const { scenario, seed, steps, cursor, code } = state
  if (code.length > MAX_CODE_LENGTH) {
    throw new ShareLinkError(
      `the code is longer than ${MAX_CODE_LENGTH.toLocaleString('en-US')} characters, the most a link carries`,
    )
  }
  const own = ownPrefix(state)
  const { trace: _trace, ...file } = runFileOf(scenario, seed, steps.slice(own), cursor, 0, code)
  const data = JSON.stringify({ ...file, ...(own > 0 ? { scenarioSteps: own } : {}) })
  const packed = LZString.compressToEncodedURIComponent(data)
  if (packed.length > limits.chars) {
    throw new ShareLinkError(
      `this timeline is too large for a link (${packed.length.toLocaleString('en-US')} characters compressed; at most ${limits.chars.toLocaleString('en-US')}): use Save run instead`,
    )
  }
  return `${SHARE_PARAM}=${packed}`
}

/**
 * The app path that opens this state in the playground (`/play/<scenario>#run=…`): the one place a
 * link's path is built. Throws ShareLinkError when it would be too long.
 */
export function linkPathOf(state: ShareState): string {
  return `/play/${state.scenario.id}#${shareHash(state)}`
}

/** The notice for a link that could not be opened: the reason, and what opened instead. */
export function linkProblem(reason: string): LinkNotice {
  return {
    heading: 'This link could not be opened',
    message: `${reason[0]?.toUpperCase() ?? ''}${reason.slice(1)}. The scenario opened as it starts.`,
  }
}

/** Whether a location's hash holds a share link (read or not). */
export function isShareLink(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith(`${SHARE_PARAM}=`)
}

/** A location's hash, read: a run to open, a problem to report, or neither. */
export interface ReadLink {
  readonly shared?: SharedRun
  readonly problem?: LinkNotice
}

/** Reads a share link from a location hash; a bad one becomes a problem to show, never an error. */
export function readLink(
  hash: string,
  scenarioById: (id: string) => Scenario | undefined,
): ReadLink {
  try {
    const shared = readShareHash(hash, scenarioById)
    return shared ? { shared } : {}
  } catch (error) {
    return { problem: linkReadProblem(error) }
  }
}

/** The notice for whatever reading a link threw: a link never stops the page from opening. */
export function linkReadProblem(error: unknown): LinkNotice {
  return linkProblem(error instanceof ShareLinkError ? error.message : 'the link could not be read')
}

/**
 * The link's data as written: mail and chat programs may percent-encode its `$` and `+` (lz-string's
 * alphabet has no `%`, so decoding never changes a link that was not encoded).
 */
function unescaped(packed: string): string {
  if (!packed.includes('%')) return packed
  try {
    return decodeURIComponent(packed)
  } catch {
    throw new ShareLinkError('the link is damaged: it holds a broken %-escape')
  }
}

/**
 * Reads a location's hash: null when it holds no link, the shared run when it does, or a
 * ShareLinkError saying what is wrong with it (damaged, truncated, another version, too large, or a
 * call the engine refuses).
 */
export function readShareHash(
  hash: string,
  scenarioById: (id: string) => Scenario | undefined,
  limits: { readonly chars: number; readonly text: number } = SHARE_LIMITS,
): SharedRun | null {
  return runToEnd(readShareHashJob(hash, scenarioById, limits))
}

/**
 * {@link readShareHash} as a job: a large run yields a {@link LargeRun} once the link is decompressed
 * and its fields checked, then once per step read (`readRunDataJob`), so the rest can run in slices.
 */
export function* readShareHashJob(
  hash: string,
  scenarioById: (id: string) => Scenario | undefined,
  limits: { readonly chars: number; readonly text: number } = SHARE_LIMITS,
): Generator<LargeRun | void, SharedRun | null> {
  const raw = hash.replace(/^#/, '')
  const prefix = `${SHARE_PARAM}=`
  if (!raw.startsWith(prefix)) return null
  const packed = unescaped(raw.slice(prefix.length))
  if (packed.length > limits.chars) {
    throw new ShareLinkError(
      `the link is too large (over ${limits.chars.toLocaleString('en-US')} characters)`,
    )
  }
  let text: string | null
  try {
    text = decompressBounded(packed, limits.text)
  } catch (error) {
    if (error instanceof TooLargeError)
      throw new ShareLinkError(`the link is too large: ${error.message}`)
    throw error
  }
  if (!text) {
    throw new ShareLinkError(
      'the link is damaged: its data does not decompress (was it cut short when copied?)',
    )
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new ShareLinkError(
      'the link is damaged: its data is not the JSON of a run (was it cut short when copied?)',
    )
  }
  let opened: OpenedRun
  try {
    const job = readRunDataJob(data, scenarioById, 'the link')
    for (;;) {
      const next = job.next()
      if (next.done) {
        opened = next.value
        break
      }
      // A link always carries the code (possibly empty): one without is damaged.
      if (next.value) hasCode(next.value.large)
      yield next.value
    }
  } catch (error) {
    if (error instanceof RunFileError) throw new ShareLinkError(error.message)
    throw error
  }
  return { ...opened, code: hasCode(opened) }
}

function hasCode({ code }: { readonly code?: string }): string {
  if (typeof code !== 'string') throw new ShareLinkError('the link is damaged: it holds no code')
  return code
}
