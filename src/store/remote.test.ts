import { describe, expect, it } from 'vitest'
import { scenarioById } from '../scenarios/index.ts'
import type { Scenario } from '../scenarios/types.ts'
import { GatewayHost } from '../wire/host.ts'
import { FakeSocket, frame, identifyData } from '../wire/testing/fakes.ts'
import { mintToken } from '../wire/tokens.ts'
import { createPlaygroundStore } from './createPlaygroundStore.ts'
import { readRunFile, runFileOf } from './runFile.ts'
import { applyCall, type EngineCall, type CallEngine } from '../calls/index.ts'
import { createSimulation } from '../engine/index.ts'

// The live view's mechanism without a network: a store that follows a GatewayHost's recorded steps and
// sends its own changes there (docs/design/semantics.md §9: same seed, same calls, same frames).
const scenario = scenarioById('guild-basics') as Scenario

function gateway() {
  const run: CallEngine = { sim: createSimulation({ seed: scenario.seed }), sessions: [] }
  for (const call of scenario.calls) applyCall(run, call)
  const host = new GatewayHost({
    engine: run,
    tokens: { seed: scenario.seed, startTime: run.sim.clock.now() },
    wire: { resumeGatewayUrl: 'ws://127.0.0.1:1/gateway' },
    now: 0,
  })
  return host
}

function follow(host: GatewayHost) {
  let now = 1000
  const sent: EngineCall[][] = []
  const store = createPlaygroundStore({
    scenario,
    remote: {
      send: (calls) => {
        sent.push([...calls])
        for (const call of calls) host.apply(call, (now += 10), 'from the page')
      },
    },
  })
  host.onStep((step) => store.getState().actions.appendSteps([step.calls]))
  return { store, sent }
}

const detail = (store: ReturnType<typeof createPlaygroundStore>, sessionId: string) => {
  store.getState().actions.select({ kind: 'session', id: sessionId })
  return store.getState().sessionDetail
}

describe('following a gateway (the live view)', () => {
  it('steps recorded by the gateway become the page’s steps, with the same frames', () => {
    const host = gateway()
    const { store } = follow(host)
    const before = store.getState().steps.length
    const socket = new FakeSocket()
    const conn = host.open(socket, {}, 500)
    const token = mintToken({ seed: scenario.seed, startTime: 1_700_000_000_000 }, '10')
    host.receive(conn!, frame(2, { ...identifyData('10'), token }), 700)
    const state = store.getState()
    expect(state.steps).toHaveLength(before + 1)
    expect(state.cursor).toBe(before + 1)
    expect(state.steps.at(-1)?.label).toContain('IDENTIFY alice')
    const sessionId = conn!.sessionId as string
    expect(detail(store, sessionId)?.frames).toEqual(
      host.engine.sim.states.fetchRaw(sessionId)?.frames,
    )
  })

  it('changes made on the page go to the gateway and come back as its steps', () => {
    const host = gateway()
    const { store, sent } = follow(host)
    const socket = new FakeSocket()
    const conn = host.open(socket, {}, 500)
    host.receive(
      conn!,
      frame(2, {
        ...identifyData('11'),
        token: mintToken({ seed: 1, startTime: 1_700_000_000_000 }, '11'),
      }),
      600,
    )
    const call: EngineCall = {
      target: 'dispatcher',
      method: 'dispatch',
      args: ['guild', '20971520', 'GUILD_UPDATE', { id: '20971520', name: 'renamed' }],
    }
    expect(store.getState().actions.apply(call)).toBe(true)
    expect(sent).toEqual([[call]])
    // The wire client got it, and the page shows the same step the gateway recorded.
    expect(socket.events.at(-1)).toBe('GUILD_UPDATE')
    expect(store.getState().steps.at(-1)?.calls.at(-1)).toMatchObject({ method: 'dispatch' })
    const sessionId = conn!.sessionId as string
    expect(detail(store, sessionId)?.frames).toEqual(
      host.engine.sim.states.fetchRaw(sessionId)?.frames,
    )
  })

  it('Save run keeps the followed steps: the file opens without the gateway, at the same state', () => {
    const host = gateway()
    const { store } = follow(host)
    const socket = new FakeSocket()
    const conn = host.open(socket, {}, 500)
    const token = mintToken({ seed: scenario.seed, startTime: 1_700_000_000_000 }, '12')
    host.receive(conn!, frame(2, { ...identifyData('12'), token }), 700)
    host.dropConnection(conn!.sessionId as string, 900)
    const { steps, cursor, seed } = store.getState()
    const file = JSON.stringify(runFileOf(scenario, seed, steps, cursor))
    const offline = createPlaygroundStore({
      scenarios: (id) => (id === scenario.id ? scenario : undefined),
    })
    expect(offline.getState().actions.open({ runFile: file })).toBe(true)
    expect(readRunFile(file, () => scenario).cursor).toBe(steps.length)
    expect(offline.getState().steps.map((s) => s.label)).toEqual(steps.map((s) => s.label))
    expect(detail(offline, conn!.sessionId as string)?.status).toBe('disconnected')
    // The live view itself keeps the gateway's timeline: it does not open another run.
    expect(store.getState().actions.open({ runFile: file })).toBe(false)
    expect(store.getState().steps).toBe(steps)
  })

  it('a cursor in the past stays there as steps arrive, and the page cannot act from there', () => {
    const host = gateway()
    const { store, sent } = follow(host)
    const end = store.getState().steps.length
    store.getState().actions.seek(end - 1)
    host.apply({ target: 'clock', method: 'advance', args: [5] }, 2000)
    expect(store.getState().steps).toHaveLength(end + 1)
    expect(store.getState().cursor).toBe(end - 1)
    expect(store.getState().actions.apply({ target: 'clock', method: 'advance', args: [1] })).toBe(
      false,
    )
    expect(store.getState().error?.heading).toBe('Not sent to the gateway')
    expect(sent).toEqual([])
  })

  it('a step this engine refuses is not added, and says the view lost step', () => {
    const host = gateway()
    const { store } = follow(host)
    const end = store.getState().steps.length
    const ok = store
      .getState()
      .actions.appendSteps([[{ target: 'gateway', method: 'disconnect', args: ['nope'] }]])
    expect(ok).toBe(false)
    expect(store.getState().steps).toHaveLength(end)
    expect(store.getState().error?.message).toContain('gateway.disconnect')
  })
})
