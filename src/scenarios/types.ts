import type { EngineCall } from '../calls/index.ts'

/**
 * A playground preset as plain data: a seed and the engine calls that build its world, plus the
 * dispatches the page offers as one-click buttons. Shared by the playground, e2e tests and (later) docs.
 */
export interface Scenario {
  /** Kebab-case, also the file name and the `/play/<id>` path. */
  readonly id: string
  readonly title: string
  /** One sentence for the picker. */
  readonly summary: string
  readonly seed: number
  /**
   * Steps made by a rule instead of listed call by call (a world too big to write out), applied
   * before `calls`. A scenario with any loads in slices, with a progress bar, and its run files and
   * share links name the scenario instead of listing these calls.
   */
  readonly generated?: readonly GeneratedStep[]
  /** Applied in order when the scenario loads; consecutive calls sharing a `group` are one step. */
  readonly calls: readonly EngineCall[]
  /** What to try next: each becomes a button that appends the call to the timeline. */
  readonly suggested: readonly EngineCall[]
  /** Paragraphs shown beside the graph: what to look at and why it happens. */
  readonly explanation: readonly string[]
  /** Order in the picker. */
  readonly order: number
  /** The code the editor opens with (TypeScript); `index.ts` gives each scenario its example snippet. */
  readonly code?: string
}

/**
 * A docs page's live example: a small world whose `code` (required) is the snippet shown under it. It
 * is registered like any scenario, so `/play/<id>` and share links open it, but it is not offered in
 * the playground's picker or on the home page.
 */
export interface DocScenario extends Scenario {
  readonly code: string
}

/**
 * One timeline step of `count` engine calls, the i-th made by `call(i)`. `call` must be pure (the same
 * call for the same `i`, every time): the step is rebuilt from the rule, never stored.
 */
export interface GeneratedStep {
  /** The step's label on the timeline. */
  readonly label: string
  /** What the progress bar says while this step runs ("IDENTIFY 100,000 sessions"). */
  readonly building: string
  readonly count: number
  call(i: number): EngineCall
}
