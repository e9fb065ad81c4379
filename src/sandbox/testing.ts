import type { RunRequest, SandboxBase, WorkerMessage } from './protocol.ts'
import { DEFAULT_LIMITS } from './protocol.ts'
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
