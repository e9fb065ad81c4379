import type { ConsoleLevel } from '../sandbox/protocol.ts'
import type { Scenario } from '../scenarios/types.ts'
import type { DispatchRecord, Step } from './connectEngine.ts'
import type { EngineCall } from '../calls/index.ts'
import type { GraphModel } from './graphModel.ts'
import type { RefusalRecord } from './refusals.ts'
import type { RunFile } from './runFile.ts'
import type { SessionDetail } from './runtime/sessionDetail.ts'

export type XY = { x: number; y: number }

/** What is selected on the graph: a session, a topic key node, or a summary node of the LOD view. */
export type Selection =
  { kind: 'session'; id: string } | { kind: 'topic'; id: string } | { kind: 'group'; id: string }

export interface TimelineSlice {
  scenario: Scenario | null
  seed: number
  /**
   * How many of the first steps are still the scenario's own (the rest were made since): a run file or
   * share link of a scenario built by rules names the scenario instead of listing these.
   */
  scenarioSteps: number
  steps: readonly Step[]
  /** How many steps are applied: 0 is the empty world, `steps.length` the latest. */
  cursor: number
  playing: boolean
  /** Playback speed: 0.5, 1, 2 or 4. */
  speed: number
  /** The steps the last call dropped by overwriting the future, until it is undone or superseded. */
  discarded: Discarded | null
}

/** What a call made after stepping back dropped: enough to put it back ("Undo"). */
export interface Discarded {
  /** The cursor the call was made at: the dropped steps came after it. */
  readonly at: number
  readonly steps: readonly Step[]
  /** How many steps were the scenario's own before the call. */
  readonly scenarioSteps: number
  /** The step marked to compare with before the call (it may have been among the dropped ones). */
  readonly baseline: Baseline | null
}

/** Work spread over many tasks (a scenario built by rules, or a replay of the past), with its progress. */
export interface LoadingState {
  /** `scenario`: a scenario or run file loading; `rebuild`: the past replayed before a change. */
  readonly kind: 'scenario' | 'rebuild' | 'apply'
  /** What is loading, in words: the scenario's title, or the step being rebuilt. */
  readonly title: string
  /** The scenario being loaded (kind `scenario`). */
  readonly scenarioId: string | null
  /** What is being built now ("Identifying sessions"). */
  readonly phase: string
  /** Engine calls made so far, of `total`. */
  readonly done: number
  readonly total: number
  /** When it started (`performance.now()`). */
  readonly startedAt: number
  /** How long it has run, as of the last progress update. */
  readonly elapsedMs: number
}

export interface LoadingSlice {
  loading: LoadingState | null
}

/** A refusal to show: what was refused, and the reason (the engine's own words for a call). */
export interface PlaygroundError {
  readonly heading: string
  readonly message: string
}

export interface SimulationSlice {
  model: GraphModel
  /** The last failure that is not a call's (a run file refused, an image not saved), in words. */
  error: PlaygroundError | null
  /**
   * The last call the engine refused (it threw): not on the timeline, shown as the event log's last row
   * until the next change or cursor move. Refusals the engine answers without throwing are in their step.
   */
  refusal: RefusalRecord | null
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
  /** A session the graph was asked to bring into view ("Show on graph"); `nonce` asks again. */
  focus: { readonly sessionId: string; readonly nonce: number } | null
}

export interface SelectionSlice {
  selection: Selection | null
  /**
   * The log row the graph, Delivery panel and narration show (one animating, or one selected): a
   * dispatch's id, a refusal's (`<step>.refused.<n>`, `refused`), or a direct send's
   * (`direct:<step>:<sessionId>`, `direct:<step>`). Null while a whole step is shown (`activeStep`).
   */
  activeDispatchId: string | null
  /**
   * The step shown as a whole (its index): every row it made, together, when it made several or none.
   * Moving the cursor shows the step it lands on, so the picture is never stale (docs/design/playground.md §12).
   */
  activeStep: number | null
  /** Bumped whenever the active dispatch should (re)play its animation. */
  replayNonce: number
  /** The selected session, read from the simulation at the cursor. */
  sessionDetail: SessionDetail | null
}

/** One line of the Console: the code's output, or the playground's own notice about a run. */
export interface ConsoleEntry {
  readonly level: ConsoleLevel | 'notice'
  readonly text: string
  /** The line of the user's code it is about (an error's line). */
  readonly line?: number
}

/** A problem to mark in the editor at a line of the user's code. */
export interface CodeMark {
  readonly line: number
  readonly column?: number
  readonly message: string
}

export interface EditorSlice {
  /** The code in the editor (TypeScript). */
  code: string
  /** What the last run printed, and notices about it. */
  consoleEntries: readonly ConsoleEntry[]
  /** True from Run until the run's outcome is known. */
  running: boolean
  /** The line the last failed run points at, if any. */
  codeMark: CodeMark | null
  /** How long code may run before it is stopped, in ms. */
  timeLimitMs: number
}

/** What a playground can be asked to open (`actions.open`). */
export type Opening =
  | { readonly scenario: Scenario }
  /** `link` is a location's hash (`#run=…`, or no link at all); `otherwise` opens when it has none or is unreadable. */
  | { readonly link: string; readonly otherwise?: Scenario }
  /** The text of a run file (Open run…, a dropped file). */
  | { readonly runFile: string }

/** Every action, in one stable object (components select it once and never re-render for it). */
export interface PlaygroundActions {
  /**
   * Loads a scenario's calls as the timeline, landing on step `cursor` (the last one by default), with
   * `code` in the editor (by default the user's last code for the scenario, or its example). A
   * scenario with generated steps loads in slices (`loading` shows the progress); the current timeline
   * stays until it is done, and `cancelLoading` keeps it.
   */
  loadScenario(scenario: Scenario, cursor?: number, code?: string): void
  /**
   * Opens what the page was given, the one way in for each: a scenario as it starts; a link (the
   * address's hash, `share.ts`): its run, with its code, at its cursor; a run file's text
   * (`runFile.ts`) in place of the timeline. Shared code is never run. A run refused while it loads
   * (a scenario built by rules) opens the link's scenario as it starts with the reason, or, for a
   * file, leaves everything as it was. False, with the reason in `error`, when a link or file is
   * refused at once; then nothing else changed, except that a link given `otherwise` opens that
   * scenario as it starts. A file is refused while the playground follows a gateway (`remote`).
   */
  open(what: Opening): boolean
  /** Stops a load or rebuild in progress; the playground stays exactly as it was before it started. */
  cancelLoading(): void
  /**
   * Appends a call after the cursor, dropping any future (kept in `discarded` for undo); false when the
   * engine refused it (then `refusal` says why and nothing else changed). When the past must first be
   * replayed in slices (a change made after stepping back in a world too big to snapshot), returns true
   * at once and applies the call when the replay is done.
   */
  apply(call: EngineCall): boolean
  /** Puts back the steps the last call discarded, at the cursor it was made from. */
  undoDiscard(): void
  /** Forgets the discarded steps (closes the notice). */
  dismissDiscard(): void
  /** Undo (Ctrl+Z): puts back the future the last change discarded, if it just did; else steps back. */
  undo(): void
  /**
   * Appends one step per call after the cursor (dropping any future) and plays them in order; all or
   * nothing: false, with the reason in `error` and nothing changed, when the engine refuses one.
   */
  applyCalls(calls: readonly EngineCall[]): boolean
  /**
   * Appends steps recorded elsewhere (a local gateway's, in the live view) at the end of the timeline,
   * each step's calls applied as one step. A cursor at the end follows them (the one new step animates;
   * several land at once); a cursor in the past stays where it is. False, with the reason in `error`,
   * when this engine refuses a call: then it no longer holds the gateway's state, and nothing is added.
   */
  appendSteps(steps: readonly (readonly EngineCall[])[]): boolean
  /**
   * A Try-it call: applies it as `apply` does, and says in the Console what it did (the step it became,
   * the call as code, its outcome), so the buttons teach what the code would do.
   */
  tryIt(call: EngineCall): boolean
  /** Replaces the code (as the user typed it: it is saved for the scenario). */
  setCode(code: string): void
  /**
   * Runs the code in the sandbox at the cursor and appends what it did to the timeline. With `from`
   * (a docs example: "run on the example's world"), it runs on the timeline's first `from` steps
   * instead, and its calls replace whatever came after them; a run that fails changes nothing.
   */
  runCode(options?: RunOptions): Promise<void>
  /**
   * Loads the sandbox and starts the next run's worker at the cursor (kept there as the timeline
   * moves), so the first Run is as quick as the next ones; the editor calls it when it is shown.
   */
  warmSandbox(options?: {
    /** Also when the timeline up to the cursor is more than `standbyMaxCalls` calls (the reader heads for Run). */
    readonly large?: boolean
    /**
     * Where this playground's runs start (a docs example's `runCode({ from })`): from now on the
     * worker is kept ready on the first `from` steps rather than at the cursor.
     */
    readonly from?: number
  }): void
  setTimeLimit(ms: number): void
  clearConsole(): void
  stepBack(): void
  stepForward(): void
  seek(count: number): void
  play(): void
  pause(): void
  togglePlay(): void
  setSpeed(speed: number): void
  select(selection: Selection | null): void
  /**
   * Shows a log row (a dispatch or a direct send, replaying its animation, or a refusal) on the graph
   * and panels.
   */
  showDispatch(id: string | null): void
  /** Shows every row of one step together (the Delivery panel lists them, to pick one). */
  showStep(step: number): void
  clearError(): void
  /** Shows a refusal or failure that did not come from a call (saving an image, say). */
  reportError(heading: string, message: string): void
  setPosition(nodeId: string, position: XY): void
  resetPositions(): void
  expand(groupId: string, by: number): void
  /** Selects a session and asks the graph to zoom to it (drawing it on its own when summarised). */
  showOnGraph(sessionId: string): void
  /** Marks the step at the cursor to compare every other step with. */
  compareFromHere(): void
  stopComparing(): void
}

export interface PlaygroundState
  extends TimelineSlice, SimulationSlice, ViewSlice, SelectionSlice, LoadingSlice, EditorSlice {
  actions: PlaygroundActions
  /** Finds a dispatch among the applied steps. */
  dispatchById(id: string): DispatchRecord | undefined
  /**
   * The app path of a share link to this state (`/play/<scenario>#run=…`: the scenario, seed, steps,
   * cursor and code). Throws ShareLinkError when nothing is loaded or the link would be too long.
   */
  linkPath(): string
  /** The run file of this state (Save run), or null when nothing is loaded. */
  runFile(): RunFile | null
  /** Finds a refusal among the applied steps, or the refused call off the timeline. */
  refusalById(id: string): RefusalRecord | undefined
}

/**
 * An engine elsewhere that this playground follows (the live view's local gateway): changes made on
 * the page are sent there instead of applied here, and come back as steps (`appendSteps`), so both
 * engines apply the same calls in the same order.
 */
export interface RemoteEngine {
  send(calls: readonly EngineCall[]): void
}

/** Where a run of code starts. */
export interface RunOptions {
  /** Run on the first `from` steps of the timeline (clamped to it) rather than at the cursor. */
  readonly from?: number
}
