/// <reference lib="webworker" />
// Runs the engine benchmark's timing suite off the main thread, so the page stays responsive and the
// numbers are not disturbed by rendering. The same code runs in Node (`npm run bench`).
import { runTimingSuite } from '../../bench/index.ts'
import { PRESETS, type BenchMessage, type BenchRequest } from './benchProtocol.ts'

const scope = self as unknown as {
  postMessage(message: BenchMessage): void
  onmessage: ((event: MessageEvent<BenchRequest>) => void) | null
}

scope.onmessage = (event) => {
  const { label: _label, about: _about, ...preset } = PRESETS[event.data.preset]
  const started = performance.now()
  try {
    const results = runTimingSuite({
      ...preset,
      now: () => performance.now(),
      onProgress: (message) => scope.postMessage({ type: 'progress', message }),
    })
    scope.postMessage({ type: 'done', results, ms: performance.now() - started })
  } catch (error) {
    scope.postMessage({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    })
  }
}
