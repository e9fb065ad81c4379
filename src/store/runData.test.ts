import LZString from 'lz-string'
import { describe, expect, it } from 'vitest'
import { scenarioById } from '../scenarios/index.ts'
import type { EngineCall } from '../calls/index.ts'
import { createPlaygroundStore } from './createPlaygroundStore.ts'
import { readRunData, RunFileError } from './runData.ts'
import { readLink } from './share.ts'

const guild = scenarioById('large-guild')!
const intents = scenarioById('intents')!
const GUILD = '20971520'
const file = (extra: Record<string, unknown>) => ({
  format: 'fanout-run',
  version: 1,
  scenario: 'intents',
  seed: intents.seed,
  scenarioSteps: 4,
  cursor: 4,
  steps: [],
  code: '',
  ...extra,
})
const link = (data: unknown) =>
  `#run=${LZString.compressToEncodedURIComponent(JSON.stringify(data))}`
const dispatch = { target: 'dispatcher', method: 'dispatch', args: ['guild', GUILD, 'X', {}] }

describe('the one reader of run data (files and links)', () => {
  // Values JSON can hold that String() cannot convert, or that lie about what they are.
  const hostile: [string, Record<string, unknown>, RegExp][] = [
    [
      'a target with a toString that is not a function',
      { steps: [{ calls: [{ ...dispatch, target: { toString: 1 } }] }], cursor: 5 },
      /step 5: unknown target an object/i,
    ],
    [
      'a method that is an object',
      { steps: [{ calls: [{ ...dispatch, method: { toString: 1 } }] }], cursor: 5 },
      /is not a call the playground makes/,
    ],
    [
      'a group that is an object',
      { steps: [{ calls: [{ ...dispatch, group: { toString: 1 } }] }], cursor: 5 },
      /"group" must be text/,
    ],
    [
      'a label of a megabyte',
      { steps: [{ label: 'x'.repeat(1_000_000), calls: [dispatch] }], cursor: 5 },
      /"label" must be text of at most 200/,
    ],
    [
      'a call label of a megabyte',
      { steps: [{ calls: [{ ...dispatch, label: 'x'.repeat(1_000_000) }] }], cursor: 5 },
      /"label" must be text of at most 200/,
    ],
    [
      'a seed that is an object',
      { seed: { toString: 1 } },
      /"seed" must be an integer, not an object/,
    ],
    ['a version that is a list', { version: [1] }, /version a list/],
    [
      'a scenario of a million characters',
      { scenario: 'x'.repeat(1_000_000) },
      /names "x{64}", which is not a scenario here/,
    ],
  ]
  for (const [what, extra, message] of hostile) {
    it(`refuses ${what} with one clear message`, () => {
      // Parsed from JSON, as a link or file is: objects stay objects.
      const data: unknown = JSON.parse(JSON.stringify(file(extra)))
      expect(() => readRunData(data, scenarioById)).toThrow(RunFileError)
      expect(() => readRunData(data, scenarioById)).toThrow(message)
      // As a link: a problem to show, never an exception (the page would go blank).
      const read = readLink(link(data), scenarioById)
      expect(read.shared).toBeUndefined()
      expect(read.problem?.message).toMatch(message)
      // As a file: one notice, nothing else changes.
      const store = createPlaygroundStore({ scenario: intents, scenarios: scenarioById })
      const steps = store.getState().steps
      expect(store.getState().actions.open({ runFile: JSON.stringify(data) })).toBe(false)
      expect(store.getState().error?.message).toMatch(message)
      expect(store.getState().steps).toBe(steps)
      store.destroy()
    }, 30_000)
  }

  it('reads a cursor of 1e999 (Infinity once parsed) as the clear error it is, not as null', () => {
    const text = JSON.stringify(file({})).replace('"cursor":4', '"cursor":1e999')
    const read = readLink(`#run=${LZString.compressToEncodedURIComponent(text)}`, scenarioById)
    expect(read.problem?.message).toMatch(
      /"cursor" must be a whole number from 0 to 4 \(the number of steps\), not Infinity/,
    )
  })

  it('any value at all gives a notice or a run, never an exception', () => {
    const values: unknown[] = [
      null,
      1,
      'x',
      [],
      [[[[]]]],
      { format: 'fanout-run', version: 1, scenario: { toString: 1 } },
    ]
    for (const v of values) expect(() => readRunData(v, scenarioById)).toThrow(RunFileError)
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    expect(
      readLink(`#run=${LZString.compressToEncodedURIComponent(deep)}`, scenarioById).problem,
    ).toBeDefined()
  })
})

/** Resolves once the store has no load in progress. */
const loaded = (store: ReturnType<typeof createPlaygroundStore>) =>
  new Promise<void>((resolve) => {
    const check = () => (store.getState().loading ? setTimeout(check, 10) : resolve())
    check()
  })

describe('work bounded by what it costs', () => {
  it('refuses a link whose dispatches could deliver past the budget, before doing them', async () => {
    // 49,990 guild-wide dispatches on 1,000 sessions: fifty million deliveries.
    const steps = Array.from({ length: 5_000 }, () => ({ calls: [dispatch] }))
    const data = {
      ...file({}),
      scenario: 'large-guild',
      seed: guild.seed,
      scenarioSteps: 2,
      steps,
      cursor: 5_002,
    }
    expect(readLink(link(data), scenarioById).shared?.plan).toHaveLength(5_002)
    const store = createPlaygroundStore({ scenario: guild, scenarios: scenarioById })
    store.getState().actions.open({ link: link(data), otherwise: guild })
    const started = performance.now()
    await loaded(store)
    expect(performance.now() - started).toBeLessThan(20_000)
    expect(store.getState().error?.message).toMatch(
      /could make up to [\d,]+ deliveries .* at most 2,000,000/,
    )
    expect(store.getState().steps).toHaveLength(2) // the scenario as it starts
    store.destroy()
  }, 60_000)

  it('applies a costly run of code in slices with progress, and refuses one past the budget', async () => {
    const store = createPlaygroundStore({ scenario: guild, scenarios: scenarioById })
    await loaded(store)
    const steps = store.getState().steps
    const calls = Array.from({ length: 2_001 }, () => dispatch as EngineCall)
    expect(store.getState().actions.applyCalls(calls)).toBe(false)
    expect(store.getState().error?.message).toMatch(
      /could make [\d,]+ deliveries; the playground applies at most 2,000,000/,
    )
    expect(store.getState().steps).toBe(steps)
    expect(store.getState().actions.applyCalls(calls.slice(0, 100))).toBe(true)
    expect(store.getState().loading).toMatchObject({ kind: 'apply' })
    store.getState().actions.cancelLoading()
    expect(store.getState().steps).toBe(steps)
    store.destroy()
  })
})

describe('the store owns serialisation', () => {
  it('makes its link path and run file, which open the same timeline and code', () => {
    const store = createPlaygroundStore({ scenario: intents, scenarios: scenarioById })
    store.getState().actions.apply(dispatch as EngineCall)
    store.getState().actions.setCode('console.log(1)')
    const path = store.getState().linkPath()
    expect(path).toMatch(/^\/play\/intents#run=/)
    const read = readLink(path.slice(path.indexOf('#')), scenarioById)
    expect(read.shared?.code).toBe('console.log(1)')
    expect(read.shared?.cursor).toBe(store.getState().cursor)
    const file = store.getState().runFile()
    const other = createPlaygroundStore({ scenario: intents, scenarios: scenarioById })
    expect(other.getState().actions.open({ runFile: JSON.stringify(file) })).toBe(true)
    expect(other.getState().steps.map((s) => s.calls)).toEqual(
      store.getState().steps.map((s) => s.calls),
    )
    store.destroy()
    other.destroy()
  })
})
