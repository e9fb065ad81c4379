import { checkMessage, SandboxOutputError } from './checkMessage.ts'
import {
  BASE_TIME_LIMIT_MS,
  DEFAULT_LIMITS,
  type BaseKey,
  type PageMessage,
  type RunOutcome,
  type SandboxBase,
  type SandboxRunner,
  type WorkerMessage,
} from './protocol.ts'

/** The page's handle on one worker (in the sandbox frame, or a fake in tests). */
export interface SandboxWorker {
  post(message: PageMessage): void
  /** Gets every message the worker sends, as it came (untrusted: checked before use). */
  onMessage: ((data: unknown) => void) | null
  /** Called once when the worker died on its own (an uncaught error, its frame went away). */
  onExit: ((message: string) => void) | null
  /**
   * Ends the worker. `wholeFrame`: also its frame and every other worker there (one that ignores
   * being stopped, such as a runaway allocation, goes with its frame).
   */
  terminate(options?: { readonly wholeFrame?: boolean }): void
}

/** How long a worker may take from the run request to starting the code (loading it as a module). */
export const START_LIMIT_MS = 10_000

interface Lane {
  readonly worker: SandboxWorker
  readonly key: BaseKey
  readonly id: number
  /** Settles when the worker holds the base: `null`, or why it cannot run. */
  readonly ready: Promise<RunOutcome | null>
}

const sameKey = (a: BaseKey, b: BaseKey) => a.steps === b.steps && a.cursor === b.cursor

/**
 * The page's side of the sandbox: every run gets a fresh worker, so nothing a run did (a patched
 * prototype, a timer still spinning, a listener) reaches the next one. To keep Run fast, a standby is
 * started ahead of time (`prepare`) and builds the engine at the cursor while the page is idle; Run then
 * only sends code. The time limit counts only the user's code, from the page's own clock. Each message
 * the worker sends is checked (`checkMessage.ts`) before anything is used: one that fails ends the run
 * as `invalid`, and nothing of it is applied. The worker is thrown away after its run, whatever the
 * outcome.
 */
export function createSandboxRunner(
  spawn: () => SandboxWorker,
  now: () => number = () => performance.now(),
): SandboxRunner {
  let standby: Lane | null = null
  let busy = false
  let nextId = 1

  /** A new worker that builds `base`; `ready` settles when it holds it (or cannot). */
  function startLane(base: SandboxBase, key: BaseKey): Lane {
    const id = nextId++
    let worker: SandboxWorker
    try {
      worker = spawn()
    } catch (error) {
      const message = `the sandbox could not start (${error instanceof Error ? error.message : 'unknown error'})`
      const dead: SandboxWorker = { post() {}, onMessage: null, onExit: null, terminate() {} }
      return { worker: dead, key, id, ready: Promise.resolve({ status: 'crashed', message }) }
    }
    const ready = new Promise<RunOutcome | null>((resolve) => {
      const timer = setTimeout(() => {
        worker.terminate({ wholeFrame: true })
        settle({
          status: 'crashed',
          message: `building the timeline took over ${BASE_TIME_LIMIT_MS / 1000} s`,
        })
      }, BASE_TIME_LIMIT_MS)
      const settle = (outcome: RunOutcome | null) => {
        clearTimeout(timer)
        worker.onMessage = null
        worker.onExit = null
        resolve(outcome)
      }
      worker.onExit = (message) => settle({ status: 'crashed', message })
      worker.onMessage = (data) => {
        let m: WorkerMessage
        try {
          m = checkMessage(data, { id, limits: DEFAULT_LIMITS, codeLines: 1 })
        } catch (error) {
          worker.terminate()
          settle({ status: 'invalid', message: (error as Error).message })
          return
        }
        if (m.type === 'ready') settle(null)
        else if (m.type === 'base-failed') settle({ status: 'base-failed', message: m.message })
        else {
          worker.terminate()
          settle({ status: 'invalid', message: `a "${m.type}" message before any code ran` })
        }
      }
      worker.post({ type: 'base', id, base })
    })
    return { worker, key, id, ready }
  }

  function dropStandby() {
    standby?.worker.terminate()
    standby = null
  }

  /** Runs the code on a lane whose base is built; resolves with what the page accepts of it. */
  function runOn(lane: Lane, request: Parameters<SandboxRunner['run']>[0]): Promise<RunOutcome> {
    const { worker, id } = lane
    const { code, timeLimitMs, limits = DEFAULT_LIMITS, onConsole } = request
    const context = { id, limits, codeLines: code.split('\n').length }
    return new Promise<RunOutcome>((resolve) => {
      let startedAt: number | null = null
      let lines = 0
      let timer = setTimeout(() => {
        worker.terminate({ wholeFrame: true })
        settle({
          status: 'crashed',
          message: `the code did not start within ${START_LIMIT_MS / 1000} s`,
        })
      }, START_LIMIT_MS)
      const settle = (outcome: RunOutcome) => {
        clearTimeout(timer)
        worker.onMessage = null
        worker.onExit = null
        resolve(outcome)
      }
      const invalid = (message: string) => settle({ status: 'invalid', message })
      worker.onExit = (message) => settle({ status: 'crashed', message })
      worker.onMessage = (data) => {
        let m: WorkerMessage
        try {
          m = checkMessage(data, context)
        } catch (error) {
          invalid(
            error instanceof SandboxOutputError ? error.message : 'a message could not be read',
          )
          return
        }
        if (m.type === 'started') {
          if (startedAt !== null) return invalid('the code started twice')
          startedAt = now()
          clearTimeout(timer)
          timer = setTimeout(() => {
            // A worker past its limit may be in a loop that ignores being stopped: its frame goes too.
            worker.terminate({ wholeFrame: true })
            settle({ status: 'timeout', limitMs: timeLimitMs })
          }, timeLimitMs)
          return
        }
        if (startedAt === null) return invalid(`a "${m.type}" message before the code started`)
        const ms = now() - startedAt
        switch (m.type) {
          case 'console':
            lines += m.lines.length
            if (lines > limits.lines) {
              return invalid(`more than ${limits.lines.toLocaleString('en-US')} Console lines`)
            }
            onConsole?.(m.lines)
            return
          case 'done':
            return settle({ status: 'done', calls: m.calls, ms, droppedLines: m.droppedLines })
          case 'failed':
            return settle({
              status: 'failed',
              failure: m.failure,
              ms,
              droppedLines: m.droppedLines,
            })
          default:
            return invalid(`a "${m.type}" message while the code ran`)
        }
      }
      worker.post({ type: 'run', id, code, base: null, limits })
    })
  }

  return {
    run(request) {
      if (busy) return Promise.reject(new Error('a run is already in progress'))
      busy = true
      const lane =
        standby && sameKey(standby.key, request.baseKey)
          ? standby
          : startLane(request.base(), request.baseKey)
      if (lane !== standby) dropStandby()
      standby = null
      return (async () => {
        try {
          return (await lane.ready) ?? (await runOn(lane, request))
        } finally {
          lane.worker.terminate()
          busy = false
        }
      })()
    },
    prepare({ base, baseKey }) {
      if (standby && sameKey(standby.key, baseKey)) return
      dropStandby()
      const lane = startLane(base(), baseKey)
      standby = lane
      // A standby that could not build is dropped: the next run starts its own and reports why.
      void lane.ready.then((problem) => {
        if (problem && standby === lane) dropStandby()
      })
    },
    dispose() {
      dropStandby()
    },
  }
}
