import { afterEach, describe, expect, it } from 'vitest'
import type { SandboxRunner } from '../sandbox/protocol.ts'
import { createTestRunner } from '../sandbox/testing.ts'
import { scenarioById } from '../scenarios/index.ts'
import { smallScale } from './testing/smallScale.ts'
import { createCodeStorage, MAX_CODE_LENGTH } from './codeStorage.ts'
import { createPlaygroundStore, type PlaygroundStore } from './createPlaygroundStore.ts'

const GUILD = '20971520'

/** The page's runner over Node sandbox sessions (what the worker runs), counting the bases it built. */
function fakeRunner() {
  const { runner, stats, baseCalls } = createTestRunner()
  return { runner, stats, sent: baseCalls }
}

let store: PlaygroundStore
afterEach(() => store?.destroy())

function open(runner: SandboxRunner) {
  store = createPlaygroundStore({ scenario: scenarioById('intents')!, sandbox: () => runner })
  return store
}

describe('running code from the store', () => {
  it('adds one step per call that changed the engine and plays from the first', async () => {
    const { runner } = fakeRunner()
    const s = open(runner)
    const before = s.getState().steps.length
    s.getState().actions.setCode(
      `for (const n of [1, 2]) dispatcher.dispatch('guild', '${GUILD}', 'GUILD_UPDATE', { n })`,
    )
    await s.getState().actions.runCode()
    const state = s.getState()
    expect(state.steps).toHaveLength(before + 2)
    expect(state.steps.at(-1)?.label).toBe('GUILD_UPDATE through guild Fanout HQ')
    expect(state.cursor).toBe(before + 1)
    expect(state.playing).toBe(true)
    expect(state.consoleEntries.at(-1)?.text).toMatch(
      /2 calls changed the engine, added as steps 5–6/,
    )
  })

  it('applies nothing from a failed run and marks the line', async () => {
    const { runner } = fakeRunner()
    const s = open(runner)
    const steps = s.getState().steps
    s.getState().actions.setCode(`dispatcher.dispatch('guild', '${GUILD}', 'X', {})\nnull!.x`)
    await s.getState().actions.runCode()
    expect(s.getState().steps).toBe(steps)
    expect(s.getState().codeMark).toMatchObject({ line: 2 })
    expect(s.getState().consoleEntries.map((e) => e.text)).toContain(
      'Nothing from this run was applied.',
    )
  })

  it('marks a failed line only in the code that ran, not in code typed while it ran', async () => {
    const { runner } = fakeRunner()
    const s = open(runner)
    s.getState().actions.setCode(`\n\nnull!.x`)
    const running = s.getState().actions.runCode()
    s.getState().actions.setCode('// typed while it ran')
    await running
    expect(s.getState().codeMark).toBeNull()
    expect(s.getState().consoleEntries.some((e) => e.text.includes('(line 3)'))).toBe(true)
  })

  it('drops the outcome of a run when another scenario opened while it ran', async () => {
    const { runner } = fakeRunner()
    const s = open(runner)
    s.getState().actions.setCode(`dispatcher.dispatch('guild', '${GUILD}', 'X', {})`)
    const running = s.getState().actions.runCode()
    s.getState().actions.loadScenario(scenarioById('guild-basics')!)
    const steps = s.getState().steps
    await running
    expect(s.getState().steps).toBe(steps)
    expect(s.getState().consoleEntries).toEqual([])
    expect(s.getState().running).toBe(false)
  })

  it('says once that code past the length limit is not kept, linked or saved', () => {
    const { runner } = fakeRunner()
    const s = open(runner)
    const long = 'x'.repeat(MAX_CODE_LENGTH + 1)
    s.getState().actions.setCode(long)
    s.getState().actions.setCode(`${long}y`)
    const notices = s.getState().consoleEntries.filter((e) => e.text.includes('100,000 characters'))
    expect(notices).toHaveLength(1)
    expect(notices[0]?.text).toMatch(/not kept across a reload, Copy link cannot carry it/)
  })

  it('keeps the future a run overwrote, so Undo puts it back', async () => {
    const { runner } = fakeRunner()
    const s = open(runner)
    const steps = s.getState().steps
    s.getState().actions.seek(1)
    s.getState().actions.setCode(`dispatcher.dispatch('guild', '${GUILD}', 'X', {})`)
    await s.getState().actions.runCode()
    expect(s.getState().steps).toHaveLength(2)
    expect(s.getState().discarded?.steps).toEqual(steps.slice(1))
    s.getState().actions.undoDiscard()
    expect(s.getState().steps).toEqual(steps)
    expect(s.getState().cursor).toBe(1)
  })

  it('runs each time in a fresh worker, the one prepared at the cursor when there is one', async () => {
    const { runner, stats } = fakeRunner()
    const s = open(runner)
    const code = `dispatcher.dispatch('guild', '${GUILD}', 'X', {})`
    s.getState().actions.setCode(code)
    await s.getState().actions.runCode()
    // After a run the next run's worker is started where the run left the timeline.
    expect(stats).toEqual({ spawned: 2, bases: 2 })
    s.getState().actions.pause()
    s.getState().actions.seek(s.getState().steps.length)
    await s.getState().actions.runCode() // the standby holds this position: no new worker for it
    expect(stats).toEqual({ spawned: 3, bases: 3 })
    s.getState().actions.pause()
    s.getState().actions.stepBack()
    await s.getState().actions.runCode() // another position: a worker of its own
    expect(stats).toEqual({ spawned: 5, bases: 5 })
  })

  it('keeps the standby where a docs example runs (warmSandbox({ from })), run after run', async () => {
    const { runner, stats } = fakeRunner()
    const s = open(runner)
    const from = s.getState().steps.length
    s.getState().actions.warmSandbox({ from })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(stats).toEqual({ spawned: 1, bases: 1 })
    s.getState().actions.setCode(`dispatcher.dispatch('guild', '${GUILD}', 'X', {})`)
    await s.getState().actions.runCode({ from }) // the standby's: no new worker for it
    expect(stats).toEqual({ spawned: 2, bases: 2 })
    expect(s.getState().steps).toHaveLength(from + 1)
    // The run moved the cursor past `from`; the next standby is still made at `from`.
    await s.getState().actions.runCode({ from })
    expect(stats).toEqual({ spawned: 3, bases: 3 })
  })

  it('keeps no standby for a timeline of more calls than the limit until asked: handing it over holds the page', async () => {
    const { runner, stats } = fakeRunner()
    store = createPlaygroundStore({
      scenario: scenarioById('intents')!,
      sandbox: () => runner,
      standbyMaxCalls: 2,
    })
    const s = store
    s.getState().actions.pause()
    s.getState().actions.seek(s.getState().steps.length)
    s.getState().actions.warmSandbox()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(stats).toEqual({ spawned: 0, bases: 0 })
    // Pointing at Run asks for it whatever its size.
    s.getState().actions.warmSandbox({ large: true })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(stats).toEqual({ spawned: 1, bases: 1 })
    // Run still runs on a big timeline, in the worker made for it.
    s.getState().actions.setCode(`console.log(states.all().length)`)
    await s.getState().actions.runCode()
    expect(stats).toEqual({ spawned: 1, bases: 1 })
    expect(s.getState().consoleEntries[0]?.text).toBe('3')
    // Below the limit the standby follows as before.
    s.getState().actions.seek(0)
    s.getState().actions.warmSandbox()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(stats).toEqual({ spawned: 2, bases: 2 })
  })

  it('runs where playback was heading when Run is pressed during playback', async () => {
    const { runner } = fakeRunner()
    const s = open(runner)
    s.getState().actions.seek(0)
    s.getState().actions.play()
    s.getState().actions.setCode(`console.log(states.all().length)`)
    await s.getState().actions.runCode()
    expect(s.getState().consoleEntries[0]?.text).toBe('3')
  })

  it('keeps the code per scenario', () => {
    const { runner } = fakeRunner()
    const storage = createCodeStorage(null)
    store = createPlaygroundStore({
      scenario: scenarioById('intents')!,
      sandbox: () => runner,
      storage,
    })
    expect(store.getState().code).toBe(scenarioById('intents')?.code)
    store.getState().actions.setCode('// mine')
    store.getState().actions.loadScenario(scenarioById('guild-basics')!)
    expect(store.getState().code).toBe(scenarioById('guild-basics')?.code)
    store.getState().actions.loadScenario(scenarioById('intents')!)
    expect(store.getState().code).toBe('// mine')
  })

  it('gives the sandbox the calls of steps built by rules, so code sees the whole world', async () => {
    const { runner, sent } = fakeRunner()
    store = createPlaygroundStore({ sandbox: () => runner })
    store.getState().actions.loadScenario(smallScale)
    await new Promise<void>((resolve) => {
      const stop = store.subscribe((st) => {
        if (st.loading) return
        stop()
        resolve()
      })
    })
    const before = store.getState().steps.length
    store.getState().actions.setCode(`console.log(states.all().length)`)
    await store.getState().actions.runCode()
    expect(sent[0]).toBeGreaterThan(1500)
    const count = Number(store.getState().consoleEntries[0]?.text)
    expect(count).toBeGreaterThan(1500)
    expect(store.getState().steps).toHaveLength(before)
  }, 60_000)

  describe('from a given step (a docs example runs on its own world every time)', () => {
    const dispatch = (n: number) =>
      `dispatcher.dispatch('guild', '${GUILD}', 'GUILD_UPDATE', { n: ${n} })`

    it('runs on the first `from` steps and replaces the steps after them with its calls', async () => {
      const { runner } = fakeRunner()
      const s = open(runner)
      const world = s.getState().steps.length
      s.getState().actions.apply(s.getState().scenario!.suggested[0]!)
      s.getState().actions.apply(s.getState().scenario!.suggested[0]!)
      expect(s.getState().cursor).toBe(world + 2)
      s.getState().actions.setCode(`${dispatch(1)}\n${dispatch(2)}`)
      await s.getState().actions.runCode({ from: world })
      expect(s.getState().steps).toHaveLength(world + 2)
      expect(s.getState().steps[world]?.calls[0]?.args[3]).toEqual({ n: 1 })
      expect(s.getState().cursor).toBe(world + 1)
      // Run again: the same steps, not two more on top of them.
      s.getState().actions.pause()
      await s.getState().actions.runCode({ from: world })
      expect(s.getState().steps).toHaveLength(world + 2)
      expect(s.getState().consoleEntries.at(-1)?.text).toMatch(
        new RegExp(`added as steps ${world + 1}–${world + 2}`),
      )
    })

    it('the code sees the world as it was at that step, not at the cursor', async () => {
      const { runner } = fakeRunner()
      const s = open(runner)
      const world = s.getState().steps.length
      s.getState().actions.setCode(`console.log(sim.clock.now())`)
      await s.getState().actions.runCode({ from: world })
      const start = s.getState().consoleEntries[0]?.text
      s.getState().actions.apply({ target: 'clock', method: 'advance', args: [5_000] })
      await s.getState().actions.runCode({ from: world })
      expect(s.getState().consoleEntries[0]?.text).toBe(start)
      await s.getState().actions.runCode()
      expect(Number(s.getState().consoleEntries[0]?.text)).toBe(Number(start) + 5_000)
    })

    it('a failed run changes nothing: the timeline and the cursor stay where the reader left them', async () => {
      const { runner } = fakeRunner()
      const s = open(runner)
      const world = s.getState().steps.length
      s.getState().actions.apply(s.getState().scenario!.suggested[0]!)
      const { steps, cursor } = s.getState()
      s.getState().actions.setCode(`${dispatch(1)}\nnull!.x`)
      await s.getState().actions.runCode({ from: world })
      expect(s.getState().steps).toBe(steps)
      expect(s.getState().cursor).toBe(cursor)
      expect(s.getState().codeMark).toMatchObject({ line: 2 })
    })
  })
})
