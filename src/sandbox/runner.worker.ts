/// <reference lib="webworker" />
// The sandbox worker: a classic worker whose bundle is strict code throughout (so no function of its
// own is reachable from a stack trace's call sites), started by the sandbox frame (`frame.ts`) from a
// blob: URL, in an opaque origin under the frame's own Content-Security-Policy (Chromium starts no
// module worker from a blob: URL of an opaque origin; `import()` inside a classic one works). It runs one request and is thrown away.
// Before user code runs it keeps private copies of what it needs, removes the rest from the global
// scope, and locks `Error.prepareStackTrace`. User code is loaded as a module (`import()` of a blob:
// URL): modules have no HTML-like comments (`<!--`), so the browser parses the code as the transpiler
// did and it cannot close its wrapper.
import type { PageMessage, WorkerMessage } from './protocol.ts'
import { createSandboxSession, lineInStack, REMOVED_GLOBALS, type Executor } from './session.ts'

type Global = DedicatedWorkerGlobalScope & Record<string, unknown>
const scope = self as unknown as Global
const createUrl = URL.createObjectURL.bind(URL)
const revokeUrl = URL.revokeObjectURL.bind(URL)
const BlobOf = Blob
const listen = scope.addEventListener.bind(scope)
const postOn = MessagePort.prototype.postMessage
const apply = Reflect.apply

// A stack trace formatter would see every frame; nobody may install one.
Object.defineProperty(Error, 'prepareStackTrace', {
  value: undefined,
  writable: false,
  configurable: false,
})
for (const name of REMOVED_GLOBALS) removeGlobal(name)
// What would let code write code (blob: URLs it could import) or reach storage, other tabs or fonts,
// removed where the opaque origin and the frame's policy do not already refuse it (src/sandbox/README.md).
for (const name of [
  'Blob',
  'File',
  'FileReader',
  'FileReaderSync',
  'Response',
  'Request',
  'OffscreenCanvas',
  'BroadcastChannel',
  'FontFace',
  'WebSocketStream',
]) {
  removeGlobal(name)
}
for (const key of ['createObjectURL', 'revokeObjectURL']) Reflect.deleteProperty(URL, key)
for (const key of ['storage', 'locks']) removeFrom(Object.getPrototypeOf(scope.navigator), key)
// A promise of user code that fails after its run ended has nothing to report to.
listen('unhandledrejection', (event) => event.preventDefault())

/** Deletes a global wherever it is defined (the global object or its prototypes). */
function removeGlobal(name: string) {
  for (let o: object | null = scope; o !== null; o = Object.getPrototypeOf(o) as object | null) {
    removeFrom(o, name)
  }
  if (name in scope) Object.defineProperty(scope, name, { value: undefined, configurable: false })
}

function removeFrom(object: object | null, name: string) {
  if (object && Object.prototype.hasOwnProperty.call(object, name)) {
    Reflect.deleteProperty(object, name)
  }
}

let file = ''
let loaded: ((...args: unknown[]) => void) | null = null
const execute: Executor = {
  lineOf: (error) => lineInStack(error, file),
  async load(js, names) {
    // One line of wrapper before the code, on the code's first line: line numbers stay the user's. The
    // code is a block of its own, so it may declare a name that is in scope (`const sim = …`).
    const source = `export default function (${names.join(', ')}) {{${js}\n}}`
    file = createUrl(new BlobOf([source], { type: 'text/javascript' }))
    try {
      const module = (await import(/* @vite-ignore */ file)) as { default: typeof loaded }
      loaded = module.default
    } finally {
      revokeUrl(file)
    }
  },
  run(_js, _names, values) {
    const fn = loaded
    loaded = null
    if (fn) apply(fn, undefined, values)
  },
}

let port: MessagePort | null = null
const session = createSandboxSession({
  execute,
  post: (message: WorkerMessage) => {
    if (port) apply(postOn, port, [message])
  },
  now: () => performance.now(),
})

let ran = false
// The frame hands over the page's end of a channel, once; every request comes through it.
listen('message', (event: MessageEvent) => {
  const given = event.ports[0]
  if (port || !given) return
  port = given
  port.onmessage = (e: MessageEvent<PageMessage>) => {
    const request = e.data
    if (request.type === 'run') {
      if (ran) return // one run per worker
      ran = true
    }
    session.handle(request)
  }
})
