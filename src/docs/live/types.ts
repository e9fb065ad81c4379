import type { Scenario } from '../../scenarios/types.ts'

/**
 * A live example on a docs page: a small world (a scenario's calls, built when the example loads), the
 * calls a reader can try with one click, the same thing written as code, and the playground scenario
 * that continues it. Plain data, so the page can show the code before any of the engine loads.
 */
export interface DocExample {
  /** Its world and "Try it" calls; `explanation` is shown under the graph. */
  readonly scenario: Scenario
  /** What the Try-it buttons do, as code against the engine's API (the editor's globals). */
  readonly code: string
  /** The playground scenario that shows the same thing at full size. */
  readonly playground: string
}
