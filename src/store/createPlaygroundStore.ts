import { createStore, type StoreApi } from 'zustand/vanilla'
import type { SandboxRunner } from '../sandbox/protocol.ts'
import { createCodeStorage, type CodeStorage } from './codeStorage.ts'
import { scenarioPlan } from './loadJob.ts'
import { EngineRuntime } from './runtime/EngineRuntime.ts'
import { PendingJob } from './runtime/pendingJob.ts'
import { SandboxHandle } from './runtime/sandboxHandle.ts'
import { Timer } from './runtime/timer.ts'
import { linkPathOf, ShareLinkError, type ReadLink } from './share.ts'
import { runFileOf } from './runFile.ts'
import { loadingActions, loadingInitial } from './slices/loading.ts'
import { editorActions, editorInitial } from './slices/editor.ts'
import { selectionActions, selectionInitial } from './slices/selection.ts'
import { simulationActions, simulationInitial } from './slices/simulation.ts'
import { timelineActions, timelineInitial } from './slices/timeline.ts'
import { viewActions, viewInitial } from './slices/view.ts'
import type { SliceContext } from './slices/context.ts'
import type { Scenario } from '../scenarios/types.ts'
import type { PlaygroundState, RemoteEngine } from './types.ts'

export type PlaygroundStore = StoreApi<PlaygroundState> & {
  /** Stops timers and the sandbox worker; call when the playground unmounts. */
  destroy(): void
}

export interface PlaygroundInit {
  /**
   * Loaded at once when given, unless it is built by rules (generated steps): that load runs in slices
   * and is started by whoever shows its progress (the page's `ScenarioSync`).
   */
  scenario?: Scenario
  /** Above this many sessions no checkpoints are taken (`SNAPSHOT_SESSION_LIMIT`); tests lower it. */
  snapshotSessionLimit?: number
  /**
   * A share link read from the address: opened instead of `scenario`, which opens (as it starts) when
   * the link could not be read or its run is refused.
   */
  link?: ReadLink
  /** Where code is kept per scenario; in memory only when absent. */
  storage?: CodeStorage
  /** Creates the sandbox on first Run (or `warmSandbox`); by default the frame of `sandbox/frame.ts`. */
  sandbox?: () => SandboxRunner | Promise<SandboxRunner>
  /** An engine to follow (the live view): changes are sent to it and come back as steps. */
  remote?: RemoteEngine
}

// The sandbox (and the worker's engine) loads only when the editor is shown or code first runs.
const loadSandbox = () =>
  import('../sandbox/frame.ts').then(({ createFramedRunner }) => createFramedRunner())

/** How long the timeline must stay put before the next run's worker is rebuilt for it. */
const STANDBY_DELAY_MS = 250

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
  const store = createStore<PlaygroundState>()((set, get) => {
    const ctx: SliceContext = {
      set,
      get,
      runtime,
      timer,
      job,
      sandbox,
      storage,
      remote: init.remote ?? null,
    }
    return {
      ...timelineInitial,
      ...simulationInitial,
      ...viewInitial,
      ...selectionInitial,
      ...loadingInitial,
      ...editorInitial,
      actions: {
        ...timelineActions(ctx),
        ...loadingActions(ctx),
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
  const { scenario, link } = init
  if (scenario) {
    // A scenario (or link) with steps built by rules loads in slices, started by the page's ScenarioSync.
    const plan = link?.shared?.plan ?? scenarioPlan(scenario)
    if (!plan.some((p) => p.generated)) {
      if (link) store.getState().actions.openLink(link, scenario)
      else store.getState().actions.loadScenario(scenario)
    }
  }
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
    destroy: () => {
      unfollow()
      clearTimeout(standbyTimer)
      timer.stop()
      job.cancel()
      sandbox.dispose()
    },
  }
}
