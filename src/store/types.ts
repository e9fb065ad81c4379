import type { Scenario } from '../scenarios/types.ts'
import type { DispatchRecord, Step } from './connectEngine.ts'
import type { EngineCall } from './engineCall.ts'
import type { GraphModel } from './graphModel.ts'
import type { SessionDetail } from './runtime.ts'

export type XY = { x: number; y: number }

/** What is selected on the graph: a session, a topic key node, or a summary node of the LOD view. */
export type Selection =
  { kind: 'session'; id: string } | { kind: 'topic'; id: string } | { kind: 'group'; id: string }

export interface TimelineSlice {
  scenario: Scenario | null
  seed: number
  steps: readonly Step[]
  /** How many steps are applied: 0 is the empty world, `steps.length` the latest. */
  cursor: number
  playing: boolean
  /** Playback speed: 0.5, 1, 2 or 4. */
  speed: number
}

/** A refusal to show: what was refused, and the reason (the engine's own words for a call). */
export interface PlaygroundError {
  readonly heading: string
  readonly message: string
}

export interface SimulationSlice {
  model: GraphModel
  /** The last refusal (of a call, or of a run file), in words; cleared by the next successful change. */
  error: PlaygroundError | null
}

/** A step marked to compare with: the graph and the Changes panel show what differs from it. */
export interface Baseline {
  readonly step: number
  readonly model: GraphModel
}

export interface ViewSlice {
  /** Positions of nodes the user dragged, by node id. */
  positions: Readonly<Record<string, XY>>
  /** Level of detail: how many extra sessions each "+N more" node shows. */
  expanded: Readonly<Record<string, number>>
  /** The step to compare with, if one is marked. */
  baseline: Baseline | null
}

export interface SelectionSlice {
  selection: Selection | null
  /** The dispatch the graph, ledger and narration show (a log row, or the one animating). */
  activeDispatchId: string | null
  /** Bumped whenever the active dispatch should (re)play its animation. */
  replayNonce: number
  /** The selected session, read from the simulation at the cursor. */
  sessionDetail: SessionDetail | null
}

/** Every action, in one stable object (components select it once and never re-render for it). */
export interface PlaygroundActions {
  /** Loads a scenario's calls as the timeline, landing on step `cursor` (the last one by default). */
  loadScenario(scenario: Scenario, cursor?: number): void
  /**
   * Opens a saved run file (see runFile.ts) in place of the current timeline; false, with the reason in
   * `error` and nothing else changed, when the file is refused.
   */
  openRun(text: string, scenarioById: (id: string) => Scenario | undefined): boolean
  /** Appends a call after the cursor (dropping any future); false when the engine refused it. */
  apply(call: EngineCall): boolean
  stepBack(): void
  stepForward(): void
  seek(count: number): void
  play(): void
  pause(): void
  togglePlay(): void
  setSpeed(speed: number): void
  select(selection: Selection | null): void
  /** Shows a log row's dispatch on the graph and replays its animation. */
  showDispatch(id: string | null): void
  clearError(): void
  /** Shows a refusal or failure that did not come from a call (saving an image, say). */
  reportError(heading: string, message: string): void
  setPosition(nodeId: string, position: XY): void
  resetPositions(): void
  expand(groupId: string, by: number): void
  /** Marks the step at the cursor to compare every other step with. */
  compareFromHere(): void
  stopComparing(): void
}

export interface PlaygroundState extends TimelineSlice, SimulationSlice, ViewSlice, SelectionSlice {
  actions: PlaygroundActions
  /** Finds a dispatch among the applied steps. */
  dispatchById(id: string): DispatchRecord | undefined
}
