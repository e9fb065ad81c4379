import { createStore, type StoreApi } from 'zustand/vanilla'
import type { SandboxRunner } from '../sandbox/protocol.ts'
import { createCodeStorage, type CodeStorage } from './codeStorage.ts'
import { EngineRuntime } from './runtime/EngineRuntime.ts'
import { PendingJob } from './runtime/pendingJob.ts'
import { SandboxHandle } from './runtime/sandboxHandle.ts'
import { Timer } from './runtime/timer.ts'
import { linkPathOf, ShareLinkError } from './share.ts'
import { runFileOf } from './runFile.ts'
import {
  loadingActions,
  loadingInitial,
  type LoadingActions,
  type ReadOpening,
} from './slices/loading.ts'
import { editorActions, editorInitial } from './slices/editor.ts'
import { selectionActions, selectionInitial } from './slices/selection.ts'
import { simulationActions, simulationInitial } from './slices/simulation.ts'
import { timelineActions, timelineInitial } from './slices/timeline.ts'
import { viewActions, viewInitial } from './slices/view.ts'
import type { SliceContext } from './slices/context.ts'
import type { Scenario } from '../scenarios/types.ts'
import type { Opening, PlaygroundState, RemoteEngine } from './types.ts'

export type PlaygroundStore = StoreApi<PlaygroundState> & {
  /**
   * Opens what `init.open` left for later: a scenario or link with steps built by rules, whose load
   * runs in slices. Call it once the playground is shown (its provider does, when it mounts).
   */
  start(): void
  /** Stops timers and the sandbox worker; call when the playground unmounts. */
  destroy(): void
}

export interface PlaygroundInit {
  /**
   * What the playground opens as it starts (`actions.open`): at once, unless its steps are built by
   * rules; such a load runs in slices and waits for `start()`.
   */
  open?: Opening
  /** The same as `open: { scenario }`. */
  scenario?: Scenario
  /** The scenarios links and run files may name, by id (none by default). */
  scenarios?: (id: string) => Scenario | undefined
  /** Above this many sessions no checkpoints are taken (`SNAPSHOT_SESSION_LIMIT`); tests lower it. */
  snapshotSessionLimit?: number
  /** Where code is kept per scenario; in memory only when absent. */
  storage?: CodeStorage
  /** Creates the sandbox on first Run (or `warmSandbox`); by default the frame of `sandbox/frame.ts`. */
  sandbox?: () => SandboxRunner | Promise<SandboxRunner>
  /** An engine to follow (the live view): changes are sent to it and come back as steps. */
  remote?: RemoteEngine
  /** Bases of more calls are prepared only when asked for (`STANDBY_MAX_CALLS`); tests lower it. */
  standbyMaxCalls?: number
}

// The sandbox (and the worker's engine) loads only when the editor is shown or code first runs.
const loadSandbox = () =>
  import('../sandbox/frame.ts').then(({ createFramedRunner }) => createFramedRunner())

/** How long the timeline must stay put before the next run's worker is rebuilt for it. */
const STANDBY_DELAY_MS = 250

/**
 * Above this many calls up to the cursor, the standby worker does not follow the timeline. Handing it
 * its base is one structured clone on the page's thread: the 100,000-session guild's 300,000 calls held
 * the page 1.5 s after every step moved (`npm run bench:ui`, step back: 2.4 s against a 1 s goal).
 * Such a base is sent when the reader points at or focuses Run (`warmSandbox({ large: true })`), or
 * by Run itself.
 */
export const STANDBY_MAX_CALLS = 50_000

/**
 * One playground instance's store (docs/design/style.md §10): a vanilla zustand store of six
 * slices (timeline, loading, simulation, view, selection, editor) plus the engine runtime it drives, which
 * lives beside the state because the simulation is mutable and React never needs to watch it.
 */
export function createPlaygroundStore(init: PlaygroundInit = {}): PlaygroundStore {
  const runtime = new EngineRuntime()
  if (init.snapshotSessionLimit !== undefined)
    runtime.snapshotSessionLimit = init.snapshotSessionLimit
  const timer = new Timer()
  const job = new PendingJob()
  const sandbox = new SandboxHandle(init.sandbox ?? loadSandbox)
  const storage = init.storage ?? createCodeStorage(null)
  let read: LoadingActions['read'] = () => {
    throw new Error('the store is not built yet')
  }
  const store = createStore<PlaygroundState>()((set, get) => {
    const ctx: SliceContext = {
      set,
      get,
      runtime,
      timer,
      job,
      sandbox,
      storage,
      scenarios: init.scenarios ?? (() => undefined),
      remote: init.remote ?? null,
      standbyMaxCalls: init.standbyMaxCalls ?? STANDBY_MAX_CALLS,
    }
    const { read: readOpening, ...loading } = loadingActions(ctx)
    read = readOpening
    return {
      ...timelineInitial,
      ...simulationInitial,
      ...viewInitial,
      ...selectionInitial,
      ...loadingInitial,
      ...editorInitial,
      actions: {
        ...timelineActions(ctx),
        ...loading,
        ...simulationActions(ctx),
        ...viewActions(ctx),
        ...selectionActions(ctx),
        ...editorActions(ctx),
      },
      linkPath() {
        const state = get()
        const { scenario } = state
        if (!scenario) throw new ShareLinkError('nothing is loaded')
        return linkPathOf({ ...state, scenario })
      },
      runFile() {
        const { scenario, seed, steps, cursor, scenarioSteps, code } = get()
        return scenario ? runFileOf(scenario, seed, steps, cursor, scenarioSteps, code) : null
      },
      dispatchById(id) {
        const step = Number(id.split('.')[0])
        const { steps, cursor } = get()
        if (!(step < cursor)) return undefined
        return steps[step]?.dispatches.find((d) => d.id === id)
      },
      refusalById(id) {
        const { steps, cursor, refusal } = get()
        if (refusal?.id === id) return refusal
        const step = Number(id.split('.')[0])
        if (!(step < cursor)) return undefined
        return steps[step]?.refusals.find((r) => r.id === id)
      },
    }
  })
  const opening = init.open ?? (init.scenario ? { scenario: init.scenario } : undefined)
  // Opened now unless its load runs in slices: that one waits for start(), so a store made and thrown
  // away (React may build one twice) never starts a long load.
  let later: ReadOpening | undefined
  const first = opening && read(opening)
  if (first?.byRules) later = first
  else first?.open()
  // The standby worker follows the timeline: rebuilt for the cursor once it has settled.
  let standbyTimer: ReturnType<typeof setTimeout> | undefined
  const unfollow = store.subscribe((state, before) => {
    const moved =
      state.steps !== before.steps ||
      state.cursor !== before.cursor ||
      state.playing !== before.playing
    if (!sandbox.current || !moved) return
    clearTimeout(standbyTimer)
    standbyTimer = setTimeout(() => {
      if (!store.getState().playing) store.getState().actions.warmSandbox()
    }, STANDBY_DELAY_MS)
  })
  const problem = storage.takeProblem()
  if (problem) store.setState({ consoleEntries: [{ level: 'notice', text: problem }] })
  return {
    ...store,
    start: () => {
      const what = later
      later = undefined
      what?.open()
    },
    destroy: () => {
      unfollow()
      clearTimeout(standbyTimer)
      timer.stop()
      job.cancel()
      sandbox.dispose()
    },
  }
}
