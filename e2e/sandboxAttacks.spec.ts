import type { Frame, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { PlaygroundPage } from './PlaygroundPage'

// Issue 19's findings about code runs, one test each (src/sandbox/README.md, "Threat model").

const GUILD = '20971520'
const NOTHING = 'Nothing from this run was applied.'

async function runCode(play: PlaygroundPage, code: string) {
  await play.writeCode(code)
  await expect(play.run).toBeEnabled()
  await play.run.click()
}

test('forged worker output is refused whole with one notice; the page stays up (finding 2)', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('intents')
  const steps = await play.timeline.getAttribute('max')
  const forgeries = [
    // A Console line whose text is an object (once React error #31: a blank page).
    `const push = Array.prototype.push
Array.prototype.push = function (...items: any[]) {
  if (items[0]?.level === 'log') items[0] = { level: 'log', text: { boom: 1 } }
  return push.apply(this, items)
}
console.log('hi')`,
    // 3,000 calls past the 1,000-call cap, and a group that is not text.
    `const push = Array.prototype.push
let forged = false
Array.prototype.push = function (...items: any[]) {
  if (!forged && items[0]?.target === 'dispatcher') {
    forged = true
    for (let i = 0; i < 3000; i++) push.call(this, { ...items[0], group: { toString: 1 } })
  }
  return push.apply(this, items)
}
dispatcher.dispatch('guild', '${GUILD}', 'GUILD_UPDATE', {})`,
  ]
  for (const code of forgeries) {
    await runCode(play, code)
    await expect(play.console).toContainText('The sandbox sent something the page does not accept')
    await expect(play.console).toContainText(NOTHING)
    await expect(play.timeline).toHaveAttribute('max', steps ?? '')
    await expect(play.graph.locator('.react-flow__node').first()).toBeVisible()
  }
})

/** One run of code, and what the Console must (and must not) show after it. */
interface Run {
  readonly code: string
  readonly shows: readonly string[]
  readonly hides?: readonly string[]
  /** The Console must show `shows` within this many ms of the run being started. */
  readonly withinMs?: number
  /** How long to wait after the run, for what it left behind to act. */
  readonly thenWaitMs?: number
}

/** Findings that are a few runs in a row, each judged by the Console alone. */
const RUN_CASES: readonly { readonly title: string; readonly runs: readonly Run[] }[] = [
  {
    title: 'code cannot close its wrapper or reach the sandbox’s own functions (finding 3)',
    runs: [
      // The transpiler reads \`<!--\` as operators (a < !(--b)); a classic script read it as a comment
      // to the end of the line, which let code close its wrapper. Code is loaded as a module now, where
      // the browser refuses HTML-like comments: such code does not run at all.
      {
        code: `console.log('ran before')\nlet a = 3, b = 2\nconsole.log(a <!--b\n)`,
        shows: ['The code does not parse: SyntaxError'],
        hides: ['ran before'],
      },
      {
        code: `let leaked = 'none'
try {
  ;(Error as any).prepareStackTrace = (_e: unknown, sites: any[]) => {
    leaked = sites.map((s) => typeof s.getFunction()).join(',')
    return ''
  }
} catch (e) {
  console.log('prepareStackTrace:', (e as Error).name)
}
void new Error('x').stack
console.log('leaked:', leaked, typeof (globalThis as any).postMessage, typeof (globalThis as any).importScripts)`,
        shows: ['prepareStackTrace: TypeError', 'leaked: none undefined undefined'],
      },
    ],
  },
  {
    title: 'nothing one run does reaches the next: globals, prototypes, message data (finding 4)',
    runs: [
      {
        code: `;(globalThis as any).marker = 'left over'
Object.defineProperty(MessageEvent.prototype, 'data', { get() { return { type: 'run', code: 'x' } } })
;(Array.prototype as any).extra = 1
console.log('first')`,
        shows: ['first'],
      },
      {
        code: `console.log('second:', typeof (globalThis as any).marker, typeof ([] as any).extra, String(Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data')?.get).includes('native code'))`,
        shows: ['second: undefined undefined true'],
      },
    ],
  },
  {
    title: 'a timer left spinning after a run does not hold up the next run (finding 4)',
    runs: [
      {
        code: `setTimeout(() => { for (;;) {} }, 200)\nqueueMicrotask(function loop() { queueMicrotask(loop) })`,
        shows: ['No call changed the engine'],
        thenWaitMs: 500, // the timer fires and spins, in the worker the run left
      },
      { code: `console.log('next run')`, shows: ['next run'], withinMs: 5_000 },
    ],
  },
]

for (const { title, runs } of RUN_CASES) {
  test(title, async ({ page }) => {
    const play = new PlaygroundPage(page)
    await play.open('intents')
    for (const { code, shows, hides = [], withinMs, thenWaitMs } of runs) {
      const started = Date.now()
      await runCode(play, code)
      for (const text of shows)
        await expect(play.console).toContainText(text, withinMs ? { timeout: withinMs } : {})
      if (withinMs) expect(Date.now() - started).toBeLessThan(withinMs)
      for (const text of hides) await expect(play.console).not.toContainText(text)
      if (thenWaitMs) await page.waitForTimeout(thenWaitMs)
    }
  })
}

test('a runaway allocation is stopped and the tab survives, run after run (finding 5)', async ({
  page,
}) => {
  // At the 2 s limit a loaded machine may stop the loop before it has allocated enough to matter; at
  // 5 s, three times in a row, a worker in the page's own process took the tab down every time.
  test.setTimeout(150_000)
  let crashed = false
  page.on('crash', () => (crashed = true))
  const play = new PlaygroundPage(page)
  await play.open('intents')
  await page.getByRole('combobox', { name: 'Time limit' }).selectOption('5000')
  for (let round = 1; round <= 3; round++) {
    await runCode(play, `const keep: number[][] = []\nfor (;;) keep.push(new Array(1e5).fill(1))`)
    await expect(play.console).toContainText(/Stopped after 5 s|The sandbox stopped unexpectedly/, {
      timeout: 30_000,
    })
    await expect(play.console).toContainText(NOTHING)
    expect(crashed, `the tab crashed in round ${round}`).toBe(false)
  }
  // The page still answers and a new sandbox runs code.
  await play.stepBack.click()
  await runCode(play, `console.log('alive', states.all().length)`)
  await expect(play.console).toContainText('alive', { timeout: 15_000 })
  expect(crashed).toBe(false)
})

/** The sandbox frame (an opaque origin: about:srcdoc with sandbox="allow-scripts"). */
async function sandboxFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url() === 'about:srcdoc')).toBe(true)
  return page.frames().find((f) => f.url() === 'about:srcdoc')!
}

/**
 * What a worker started in the sandbox frame can reach, run in such a worker as the sandbox's own is,
 * but before any global is removed: these are the barriers of the origin and the frame's policy.
 */
function probeInFrameWorker(frame: Frame, origin: string) {
  return frame.evaluate(async (site) => {
    const probe = `
      const results = {}
      const check = async (name, attempt) => {
        try { await attempt(); results[name] = 'allowed' } catch (e) { results[name] = 'refused' }
      }
      ;(async () => {
        await check('origin is opaque', async () => { if (self.origin !== 'null') throw 0; throw new Error('opaque') })
        await check('navigator.storage.getDirectory()', () => navigator.storage.getDirectory())
        await check('indexedDB', () => new Promise((ok, no) => { const r = indexedDB.open('x'); r.onsuccess = ok; r.onerror = no }))
        await check('caches', () => caches.open('x'))
        await check('navigator.locks', () => navigator.locks.request('x', () => {}))
        await check('fetch to the site', () => fetch(${JSON.stringify(site)} + '/'))
        await check('import() of the site', () => import(${JSON.stringify(site)} + '/favicon.svg?x=1'))
        await check('FontFace with a URL', () => new FontFace('f', 'url(${site}/x.woff2)').load())
        await check('WebSocketStream', async () => { const s = new WebSocketStream('ws://127.0.0.1:9'); await s.opened })
        await check('data: module', () => import('data:text/javascript,export default 1'))
        postMessage(results)
      })()`
    const url = URL.createObjectURL(new Blob([probe], { type: 'text/javascript' }))
    const worker = new Worker(url)
    return new Promise<Record<string, string>>((resolve, reject) => {
      worker.onmessage = (e) => resolve(e.data as Record<string, string>)
      worker.onerror = (e) => reject(new Error(e.message))
    })
  }, origin)
}

test('no storage, no channels, no network from the sandbox (finding 7)', async ({
  page,
  context,
  baseURL,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('intents')
  // What code sees: the means to write code (blob: URLs) and to reach storage or other tabs are gone.
  await runCode(
    play,
    `const g = globalThis as any
console.log('gone:', [g.Blob, g.File, g.URL.createObjectURL, g.BroadcastChannel, g.FontFace, g.WebSocketStream, g.caches, g.indexedDB, g.navigator.storage, g.navigator.locks, g.fetch].map((x) => typeof x).join(' '))
import('data:text/javascript,export default 1').then(() => console.log('imported'), () => console.log('import refused'))`,
  )
  await expect(play.console).toContainText(`gone: ${Array(11).fill('undefined').join(' ')}`)
  // Below the removed globals: the opaque origin and the frame's policy refuse each of them.
  const frame = await sandboxFrame(page)
  const results = await probeInFrameWorker(frame, new URL(baseURL!).origin)
  expect(results).toEqual({
    'origin is opaque': 'refused', // i.e. the worker's origin is "null"
    'navigator.storage.getDirectory()': 'refused',
    indexedDB: 'refused',
    caches: 'refused',
    'navigator.locks': 'refused',
    'fetch to the site': 'refused',
    'import() of the site': 'refused',
    'FontFace with a URL': 'refused',
    WebSocketStream: 'refused',
    'data: module': 'refused',
  })
  // Two tabs' sandboxes cannot talk: each frame is an origin of its own.
  const other = await context.newPage()
  await new PlaygroundPage(other).open('intents')
  const otherFrame = await sandboxFrame(other)
  const heard = otherFrame.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const channel = new BroadcastChannel('fanout-probe')
        channel.onmessage = (e) => resolve(String(e.data))
        setTimeout(() => resolve('nothing'), 1_500)
      }),
  )
  await frame.evaluate(() => new BroadcastChannel('fanout-probe').postMessage('hello'))
  expect(await heard).toBe('nothing')
  await other.close()
})

test('unbounded text is bounded: a 30-million-character error, a forged clock and stack (finding 8)', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await play.open('intents')
  const started = Date.now()
  await runCode(play, `throw new Error('x'.repeat(30_000_000))`)
  await expect(play.console).toContainText('(cut)', { timeout: 10_000 })
  expect(Date.now() - started).toBeLessThan(10_000)
  const text = (await play.console.textContent()) ?? ''
  expect(text.length).toBeLessThan(5_000)

  // The page measures durations; a clock the code replaced cannot give "Ran in -123456825 ms".
  await runCode(play, `performance.now = () => -123456825\nDate.now = () => 0`)
  await expect(play.console).toContainText(/Ran in \d+ ms/)

  // A stack the code wrote names a line the code does not have: no line is marked.
  await runCode(
    play,
    `const e = new Error('forged')
const file = /(blob:[^\\s)]+):\\d+:\\d+/.exec(new Error().stack ?? '')?.[1]
e.stack = 'Error: forged\\n    at ' + file + ':987654321:1'
throw e`,
  )
  await expect(play.console).toContainText('Error: forged')
  await expect(play.console).not.toContainText('987654321')
})
