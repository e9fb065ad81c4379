import type { EngineCall } from '../store/engineCall.ts'

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
  /** Applied in order when the scenario loads; consecutive calls sharing a `group` are one step. */
  readonly calls: readonly EngineCall[]
  /** What to try next: each becomes a button that appends the call to the timeline. */
  readonly suggested: readonly EngineCall[]
  /** Paragraphs shown beside the graph: what to look at and why it happens. */
  readonly explanation: readonly string[]
  /** Order in the picker. */
  readonly order: number
}
