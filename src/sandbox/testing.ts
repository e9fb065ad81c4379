import type { RunRequest, SandboxBase, WorkerMessage } from './protocol.ts'
import { DEFAULT_LIMITS } from './protocol.ts'
import { createSandboxRunner, type SandboxWorker } from './runScript.ts'
import { createSandboxSession, lineInStack, type Executor } from './session.ts'

/**
 * An executor for Node tests: the Function constructor puts two lines (`function anonymous(…` and `) {`)
 * before the body, which V8 names `<anonymous>` in stacks.
 */
export function nodeExecutor(): Executor {
  return {
    run(js, names, values) {
      const fn = new Function(...names, `"use strict";{${js}\n}`) as (...args: unknown[]) => void
      fn(...values)
    },
    lineOf: (error) => lineInStack(error, '<anonymous>', 2),
  }
}

/** A sandbox session driven synchronously, as the worker drives it, collecting what it posts. */
export function createTestSandbox() {
  const messages: WorkerMessage[] = []
  const session = createSandboxSession({
    execute: nodeExecutor(),
    post: (m) => messages.push(m),
    now: () => performance.now(),
  })
  let id = 0
  return {
    messages,
    run(code: string, base: SandboxBase | null = null, limits = DEFAULT_LIMITS) {
      const request: RunRequest = { type: 'run', id: ++id, code, base, limits }
      const from = messages.length
      session.handle(request)
      const posted = messages.slice(from)
      const last = posted.at(-1)
      const lines = posted.flatMap((m) => (m.type === 'console' ? m.lines : []))
      return { posted, last, lines }
    },
  }
}

/**
 * A worker for Node tests: a fresh sandbox session per worker (as the frame starts a fresh worker per
 * run), answering each request on the next task, as a worker would. `bases` counts the bases built.
 */
export function nodeWorkers() {
  const stats = { spawned: 0, bases: 0 }
  /** How many calls each base held. */
  const baseCalls: number[] = []
  const spawn = (): SandboxWorker => {
    stats.spawned++
    let alive = true
    const worker: SandboxWorker = {
      post(message) {
        if (message.type === 'base') {
          stats.bases++
          baseCalls.push(message.base.calls.length)
        }
        setTimeout(() => {
          if (alive) session.handle(message)
        }, 0)
      },
      onMessage: null,
      onExit: null,
      terminate: () => void (alive = false),
    }
    const session = createSandboxSession({
      execute: nodeExecutor(),
      post: (m) => {
        // structuredClone: what a worker's message is on the page's side.
        if (alive) worker.onMessage?.(structuredClone(m))
      },
      now: () => performance.now(),
    })
    return worker
  }
  return { spawn, stats, baseCalls }
}

/** The page's runner over {@link nodeWorkers}: the store's tests run code through it. */
export function createTestRunner() {
  const workers = nodeWorkers()
  return {
    runner: createSandboxRunner(workers.spawn),
    stats: workers.stats,
    baseCalls: workers.baseCalls,
  }
}
