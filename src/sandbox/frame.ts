/// <reference types="vite/client" />
import workerUrl from './runner.worker.ts?worker&url'
import { FRAME_SCRIPT, frameDocument } from './frameDocument.ts'
import type { PageMessage } from './protocol.ts'
import { createSandboxRunner, type SandboxWorker } from './runScript.ts'
import type { SandboxRunner } from './protocol.ts'

/**
 * Where the sandbox's workers live: one hidden `<iframe sandbox="allow-scripts">` per page, an opaque
 * origin with its own policy (`frameDocument.ts`). The page talks to each worker over a channel of its
 * own, so a message can only come from the worker it was made for. A frame whose worker timed out or
 * died is removed with all its workers (a worker stuck in a loop, or a process that ran out of memory,
 * goes with it) and the next worker gets a new frame.
 */

/** The runner the playground uses: each run in a fresh worker of the sandbox frame. */
export function createFramedRunner(): SandboxRunner {
  return createSandboxRunner(spawnInFrame)
}

interface Frame {
  readonly element: HTMLIFrameElement
  readonly ready: Promise<void>
  readonly exits: Map<number, (message: string) => void>
  readonly dispose: () => void
}

let current: Frame | null = null
let nextId = 1
let workerCode: Promise<string> | null = null

/** A new worker in the sandbox frame, reached through a channel of its own. */
export function spawnInFrame(): SandboxWorker {
  if (import.meta.env.DEV) return spawnSameOrigin()
  const channel = new MessageChannel()
  const id = nextId++
  let ended = false
  const frame = (current ??= openFrame())
  const handle: SandboxWorker = {
    post: (message: PageMessage) => channel.port1.postMessage(message),
    onMessage: null,
    onExit: null,
    terminate(options) {
      if (ended) return
      ended = true
      channel.port1.close()
      frame.exits.delete(id)
      if (options?.wholeFrame) {
        frame.dispose()
        return
      }
      frame.element.contentWindow?.postMessage({ type: 'kill', id }, '*')
    },
  }
  channel.port1.onmessage = (event: MessageEvent) => handle.onMessage?.(event.data)
  frame.exits.set(id, (message) => {
    if (!ended) handle.onExit?.(message)
  })
  frame.ready.then(
    () => {
      if (ended) return
      frame.element.contentWindow?.postMessage({ type: 'spawn', id }, '*', [channel.port2])
    },
    (error: unknown) => {
      frame.dispose()
      if (!ended) handle.onExit?.(`the sandbox could not start (${errorText(error)})`)
    },
  )
  return handle
}

/**
 * The dev server's worker: its code is modules served one by one, which a blob: worker cannot import,
 * so in development the worker runs in the page's origin. Only the production build has the frame.
 */
function spawnSameOrigin(): SandboxWorker {
  const channel = new MessageChannel()
  const worker = new Worker(workerUrl, { type: 'module' }) // the dev server serves it as a module
  const handle: SandboxWorker = {
    post: (message: PageMessage) => channel.port1.postMessage(message),
    onMessage: null,
    onExit: null,
    terminate() {
      channel.port1.close()
      worker.terminate()
    },
  }
  channel.port1.onmessage = (event: MessageEvent) => handle.onMessage?.(event.data)
  worker.onerror = (event) => {
    event.preventDefault()
    handle.onExit?.(event.message || 'the sandbox worker stopped')
  }
  worker.postMessage(null, [channel.port2])
  return handle
}

function openFrame(): Frame {
  const exits = new Map<number, (message: string) => void>()
  const element = document.createElement('iframe')
  element.setAttribute('sandbox', 'allow-scripts')
  element.title = 'Code sandbox'
  element.hidden = true
  element.setAttribute('aria-hidden', 'true')
  element.tabIndex = -1
  element.dataset.sandbox = ''
  let onMessage: ((event: MessageEvent) => void) | null = null
  const frame: Frame = {
    element,
    exits,
    ready: (async () => {
      const [code, hash] = await Promise.all([(workerCode ??= loadWorkerCode()), scriptHash()])
      await new Promise<void>((resolve) => {
        onMessage = (event: MessageEvent) => {
          if (event.source === null || event.source !== element.contentWindow) return
          const data: unknown = event.data
          if (data === null || typeof data !== 'object') return
          const { type, id, message } = data as { type?: unknown; id?: unknown; message?: unknown }
          if (type === 'frame-ready') {
            element.contentWindow?.postMessage({ type: 'code', code }, '*')
            resolve()
          } else if (type === 'exit' && typeof id === 'number') {
            const text = typeof message === 'string' ? message.slice(0, 500) : ''
            exits.get(id)?.(text || 'the sandbox worker stopped')
            exits.delete(id)
          }
        }
        window.addEventListener('message', onMessage)
        element.srcdoc = frameDocument(hash)
        document.body.append(element)
      })
    })(),
    dispose() {
      if (onMessage) window.removeEventListener('message', onMessage)
      element.remove() // its workers end with it
      if (current === frame) current = null
      for (const exit of exits.values()) exit('the sandbox frame was replaced')
      exits.clear()
    },
  }
  return frame
}

/**
 * The worker's code, as text: the frame makes its blob: URL (a worker from a same-origin URL could not
 * start in an opaque origin). The bundle is a classic script of module code, which assumes strict
 * mode: the directive makes the whole script strict, so none of its functions is exposed through a
 * stack trace's call sites (`runner.worker.ts`).
 */
async function loadWorkerCode(): Promise<string> {
  const response = await fetch(workerUrl)
  if (!response.ok) throw new Error(`the sandbox's code did not load (HTTP ${response.status})`)
  return `"use strict";\n${await response.text()}`
}

async function scriptHash(): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(FRAME_SCRIPT))
  return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown error'
}
