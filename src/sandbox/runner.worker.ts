/// <reference lib="webworker" />
// The sandbox: a classic worker, created from a blob: URL (Vite's `?worker&inline`), so it inherits the
// page's Content-Security-Policy — no connections to other origins, no `eval` — on top of the globals
// removed below. User code runs as a classic script loaded with a private copy of importScripts.
import type { RunRequest, WorkerMessage } from './protocol.ts'
import { createSandboxSession, lineInStack, REMOVED_GLOBALS, type Executor } from './session.ts'

const scope = self as unknown as DedicatedWorkerGlobalScope & Record<string, unknown>
const load = scope.importScripts.bind(scope)
const post = scope.postMessage.bind(scope)
const listen = scope.addEventListener.bind(scope)
const ARGS = '__fanoutArgs'

for (const name of REMOVED_GLOBALS) removeGlobal(name)
// A promise of user code that fails after its run ended has nothing to report to.
listen('unhandledrejection', (event) => event.preventDefault())

/** Deletes a global wherever it is defined (the global object or its prototypes). */
function removeGlobal(name: string) {
  for (let o: object | null = scope; o !== null; o = Object.getPrototypeOf(o) as object | null) {
    if (Object.prototype.hasOwnProperty.call(o, name)) Reflect.deleteProperty(o, name)
  }
  if (name in scope) Object.defineProperty(scope, name, { value: undefined, configurable: false })
}

let file = ''
const execute: Executor = {
  lineOf: (error) => lineInStack(error, file),
  run(js, names, values) {
    scope[ARGS] = values
    // One line of wrapper before the code, on the code's first line: line numbers stay the user's. The
    // code is a block of its own, so it may declare a name that is in scope (`const sim = …`).
    const source = `(function (${names.join(', ')}) {"use strict";{${js}\n}}).apply(undefined, self.${ARGS});`
    file = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))
    try {
      load(file)
    } finally {
      URL.revokeObjectURL(file)
      delete scope[ARGS]
    }
  },
}

const session = createSandboxSession({
  execute,
  post: (message: WorkerMessage) => post(message),
  now: () => performance.now(),
})

listen('message', (event: MessageEvent<RunRequest>) => {
  if (event.data?.type === 'run') session.handle(event.data)
})
