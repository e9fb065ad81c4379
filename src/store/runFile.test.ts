import { describe, expect, it } from 'vitest'
import { scenarioById } from '../scenarios/index.ts'
import { loadForTest } from '../ui/graph/testModel.ts'
import { createPlaygroundStore } from './createPlaygroundStore.ts'
import { MAX_CODE_LENGTH } from './codeStorage.ts'
import { RUN_FORMAT, RUN_LIMITS } from './runData.ts'
import { runFileOf } from './runFile.ts'
import type { PlaygroundState } from './types.ts'

/** A run of "Intents" with two dispatches, the cursor stepped back over the second: its file as text. */
function savedIntents() {
  const { store, suggest } = loadForTest('intents')
  suggest(0) // GUILD_UPDATE: logbot skipped with intents
  suggest(2) // MESSAGE_CREATE
  store.getState().actions.stepBack()
  const { scenario, seed, steps, cursor } = store.getState()
  if (!scenario) throw new Error('no scenario')
  const file = runFileOf(scenario, seed, steps, cursor)
  return { store, file, text: JSON.stringify(file) }
}

function need(id: string) {
  const scenario = scenarioById(id)
  if (!scenario) throw new Error(`no scenario ${id}`)
  return scenario
}

/** What a user sees of a timeline: every step's label, the cursor, and each dispatch's outcome. */
const visible = (s: PlaygroundState) => ({
  scenario: s.scenario?.id,
  cursor: s.cursor,
  labels: s.steps.map((step) => step.label),
  dispatches: s.steps.flatMap((step) => step.dispatches.map((d) => d.result)),
  model: s.model,
})

describe('run files', () => {
  it('save every step, the cursor and a trace of what each dispatch did', () => {
    const { file, store } = savedIntents()
    expect(file.format).toBe(RUN_FORMAT)
    expect(file.scenario).toBe('intents')
    expect(file.steps).toHaveLength(6)
    expect(file.cursor).toBe(5)
    const update = file.trace.find((t) => t.eventType === 'GUILD_UPDATE')
    expect(update).toMatchObject({ step: 5, backend: 'guild', key: '20971520' })
    expect(update && 'delivered' in update && update.delivered).toHaveLength(2)
    expect(update && 'skipped' in update && update.skipped).toEqual([
      { sessionId: expect.any(String), reason: 'intents' },
    ])
    store.destroy()
  })

  it('open into the same timeline, cursor, graph and outcomes, in another playground', () => {
    const { store, text } = savedIntents()
    const other = createPlaygroundStore({
      scenario: need('lazy-member-list'),
      scenarios: scenarioById,
    })
    expect(other.getState().actions.open({ runFile: text })).toBe(true)
    expect(other.getState().error).toBeNull()
    expect(visible(other.getState())).toEqual(visible(store.getState()))
    // The step stepped back over is still ahead of the cursor.
    other.getState().actions.stepForward()
    other.getState().actions.pause()
    expect(other.getState().steps[5]?.dispatches[0]?.eventType).toBe('MESSAGE_CREATE')
    store.destroy()
    other.destroy()
  })

  it('keep two identical steps in a row as two steps', () => {
    const { store, suggest } = loadForTest('guild-basics')
    suggest(0)
    suggest(0)
    const { scenario, seed, steps, cursor } = store.getState()
    if (!scenario) throw new Error('no scenario')
    const other = createPlaygroundStore({ scenario, scenarios: scenarioById })
    other
      .getState()
      .actions.open({ runFile: JSON.stringify(runFileOf(scenario, seed, steps, cursor)) })
    expect(other.getState().steps.map((s) => s.label)).toEqual(steps.map((s) => s.label))
    store.destroy()
    other.destroy()
  })

  it('keep two steps of several calls apart when they share a label', () => {
    const user = (id: string) => ({
      target: 'world',
      method: 'createUser',
      args: [{ id, username: `u${id}` }],
      group: 'Add two users',
    })
    const file = {
      format: RUN_FORMAT,
      version: 1,
      scenario: 'intents',
      seed: 7,
      cursor: 2,
      steps: [
        { label: 'Add two users', calls: [user('1'), user('2')] },
        { label: 'Add two users', calls: [user('3'), user('4')] },
      ],
      trace: [],
    }
    const store = createPlaygroundStore({ scenario: need('intents'), scenarios: scenarioById })
    expect(store.getState().actions.open({ runFile: JSON.stringify(file) })).toBe(true)
    expect(store.getState().steps.map((s) => s.calls.length)).toEqual([2, 2])
    expect(store.getState().model.users.map((u) => u.id)).toEqual(['1', '2', '3', '4'])
    store.destroy()
  })

  const refusals: [string, (file: Record<string, unknown>) => unknown, RegExp][] = [
    ['text that is not JSON', () => '{ nope', /not JSON/],
    ['another format', (f) => ({ ...f, format: 'har' }), /the file does not hold a Fanout run/],
    [
      'a newer version',
      (f) => ({ ...f, version: 2 }),
      /the file is version 2; this playground reads version 1/,
    ],
    [
      'an unknown scenario',
      (f) => ({ ...f, scenario: 'nope' }),
      /the file names "nope", which is not a scenario here/,
    ],
    ['a seed that is not an integer', (f) => ({ ...f, seed: 1.5 }), /"seed" must be an integer/],
    ['steps that are not a list', (f) => ({ ...f, steps: {} }), /"steps" must be a list/],
    [
      'a cursor past the end',
      (f) => ({ ...f, cursor: 99 }),
      /"cursor" must be a whole number from 0 to 6/,
    ],
    [
      'an empty step',
      (f) => ({ ...f, steps: [...(f.steps as unknown[]), { label: 'x', calls: [] }] }),
      /step 7 must have "calls"/,
    ],
    [
      'a call that is not a call',
      (f) => ({ ...f, steps: [...(f.steps as unknown[]), { calls: [42] }] }),
      /step 7: a call is an object/,
    ],
    [
      'a method the playground does not make',
      (f) => ({
        ...f,
        steps: [
          ...(f.steps as unknown[]),
          { calls: [{ target: 'world', method: 'snapshot', args: [] }] },
        ],
      }),
      /step 7: world\.snapshot is not a call the playground makes/,
    ],
    [
      'a call the engine refuses',
      (f) => ({
        ...f,
        steps: [
          ...(f.steps as unknown[]),
          { calls: [{ target: 'dispatcher', method: 'dispatch', args: ['guilds', '1', 'X', {}] }] },
        ],
      }),
      /step 7 \(dispatcher\.dispatch\) was refused: .*guilds/,
    ],
  ]
  it.each(refusals)('refuse %s with a clear reason, changing nothing', (_name, edit, reason) => {
    const { file, store } = savedIntents()
    const edited = edit(file as unknown as Record<string, unknown>)
    const text = typeof edited === 'string' ? edited : JSON.stringify(edited)
    const before = visible(store.getState())
    expect(store.getState().actions.open({ runFile: text })).toBe(false)
    expect(store.getState().error).toEqual({
      heading: 'Could not open the run',
      message: expect.stringMatching(reason),
    })
    expect(visible(store.getState())).toEqual(before)
    store.destroy()
  })

  it('carry the editor’s code, which opening brings back', () => {
    const { store } = savedIntents()
    const { scenario, seed, steps, cursor } = store.getState()
    const text = JSON.stringify(runFileOf(scenario!, seed, steps, cursor, 0, 'console.log(1)'))
    const other = createPlaygroundStore({ scenarios: scenarioById })
    expect(other.getState().actions.open({ runFile: text })).toBe(true)
    expect(other.getState().code).toBe('console.log(1)')
    const bad = JSON.stringify({ ...JSON.parse(text), code: 42 })
    expect(other.getState().actions.open({ runFile: bad })).toBe(false)
    expect(other.getState().error?.message).toMatch(/"code" must be text/)
  })

  it('leave out code too long to open again, keeping the timeline', () => {
    const { store } = savedIntents()
    const { scenario, seed, steps, cursor } = store.getState()
    const long = 'x'.repeat(MAX_CODE_LENGTH + 1)
    const file = runFileOf(scenario!, seed, steps, cursor, 0, long)
    expect(file).not.toHaveProperty('code')
    const other = createPlaygroundStore({ scenarios: scenarioById })
    expect(other.getState().actions.open({ runFile: JSON.stringify(file) })).toBe(true)
    expect(other.getState().cursor).toBe(cursor)
  })

  it('refuse a file too large to check before reading it', () => {
    const { store } = savedIntents()
    const huge = ' '.repeat(RUN_LIMITS.bytes + 1)
    expect(store.getState().actions.open({ runFile: huge })).toBe(false)
    expect(store.getState().error?.message).toMatch(/over 20000000 bytes/)
    store.destroy()
  })
})
