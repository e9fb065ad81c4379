import SandboxWorker from './runner.worker.ts?worker&inline'
import {
  BASE_TIME_LIMIT_MS,
  DEFAULT_LIMITS,
  type BaseKey,
  type RunOutcome,
  type RunRequest,
  type SandboxRunner,
  type WorkerMessage,
} from './protocol.ts'

/**
 * The page's side of the sandbox: one worker, kept between runs and told the timeline only when it
 * changed; terminated and replaced when code runs past its time limit or the worker dies. The time
 * limit counts only the user's code: building the engine of a large timeline is not theirs.
 */
export function createSandboxRunner(
  createWorker: () => Worker = () => new SandboxWorker(),
): SandboxRunner {
  let worker: Worker | null = null
  let holds: BaseKey | null = null
  let nextId = 1
  let busy = false

  const kill = () => {
    worker?.terminate()
    worker = null
    holds = null
  }

  return {
    run({ code, base, baseKey, timeLimitMs, limits = DEFAULT_LIMITS, onConsole }) {
      if (busy) return Promise.reject(new Error('a run is already in progress'))
      busy = true
      return new Promise<RunOutcome>((resolve) => {
        const id = nextId++
        let timer: ReturnType<typeof setTimeout> | undefined
        let w: Worker
        const settle = (outcome: RunOutcome) => {
          clearTimeout(timer)
          w.removeEventListener('message', onMessage)
          w.removeEventListener('error', onError)
          busy = false
          resolve(outcome)
        }
        const onMessage = (event: MessageEvent<WorkerMessage>) => {
          const m = event.data
          if (m.id !== id) return
          switch (m.type) {
            case 'started':
              clearTimeout(timer)
              timer = setTimeout(() => {
                kill()
                settle({ status: 'timeout', limitMs: timeLimitMs })
              }, timeLimitMs)
              return
            case 'console':
              onConsole?.(m.lines)
              return
            case 'done':
              holds = null // until the page applies the calls and says where that left it
              settle({ status: 'done', calls: m.calls, ms: m.ms, droppedLines: m.droppedLines })
              return
            case 'failed':
              holds = baseKey // a failed run leaves (or rebuilds) the engine where it started
              settle({
                status: 'failed',
                failure: m.failure,
                ms: m.ms,
                droppedLines: m.droppedLines,
              })
              return
            case 'base-failed':
              holds = null
              settle({ status: 'base-failed', message: m.message })
          }
        }
        const onError = (event: ErrorEvent) => {
          event.preventDefault()
          kill()
          settle({ status: 'crashed', message: event.message || 'the sandbox worker stopped' })
        }
        try {
          w = worker ??= createWorker()
        } catch (error) {
          busy = false
          resolve({ status: 'crashed', message: `the sandbox could not start: ${String(error)}` })
          return
        }
        w.addEventListener('message', onMessage)
        w.addEventListener('error', onError)
        const same =
          holds !== null && holds.steps === baseKey.steps && holds.cursor === baseKey.cursor
        const request: RunRequest = { type: 'run', id, code, base: same ? null : base(), limits }
        holds = null
        timer = setTimeout(() => {
          kill()
          settle({
            status: 'crashed',
            message: `building the timeline took over ${BASE_TIME_LIMIT_MS / 1000} s`,
          })
        }, BASE_TIME_LIMIT_MS)
        w.postMessage(request)
      })
    },
    advanced(baseKey) {
      holds = baseKey
    },
    dispose() {
      kill()
    },
  }
}
