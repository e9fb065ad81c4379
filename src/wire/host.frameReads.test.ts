import { describe, expect, it } from 'vitest'
import type { GatewayState, Simulation } from '../engine/index.ts'
import type { CallEngine } from '../calls/index.ts'
import { GatewayHost } from './host.ts'
import {
  ALICE,
  BOT,
  FakeSocket,
  frame,
  GENERAL,
  identifyData,
  TOKENS,
  worldEngine,
} from './testing/fakes.ts'

/**
 * What the host reads to send a call's frames. Reading a session's `frames` copies the whole list
 * once it grew, so forwarding each call's frames that way cost O(the session's frames) per call
 * (about 2 ms a call at 100,000 frames) and visited every bound session on every call. The host
 * must read only the new frames (`states.framesSince`) of the sessions the call touched.
 */
function countingRun(): { run: CallEngine; reads: { frames: number; since: string[] } } {
  const run = worldEngine()
  const sim = run.sim
  const reads = { frames: 0, since: [] as string[] }
  const watch = (state: GatewayState): GatewayState =>
    new Proxy(state, {
      get(target, key) {
        if (key === 'frames') reads.frames++
        return Reflect.get(target, key, target) as unknown
      },
    })
  const gateway: Simulation['gateway'] = {
    ...sim.gateway,
    identify: (input) => watch(sim.gateway.identify(input)),
    resume: (sessionId, seq) => {
      const result = sim.gateway.resume(sessionId, seq)
      return result.resumed ? { ...result, state: watch(result.state) } : result
    },
  }
  const states: Simulation['states'] = {
    ...sim.states,
    framesSince: (sessionId, count) => {
      reads.since.push(sessionId)
      return sim.states.framesSince(sessionId, count)
    },
  }
  // The simulation is frozen: the watched one inherits from it and shadows two parts.
  const watched = Object.create(sim, {
    gateway: { value: gateway },
    states: { value: states },
  }) as Simulation
  return { run: { sim: watched, sessions: run.sessions }, reads }
}

function connect(host: GatewayHost, userId: string, now: number) {
  const socket = new FakeSocket()
  const conn = host.open(socket, { v: '10', encoding: 'json' }, now)
  if (!conn) throw new Error('refused')
  host.receive(conn, frame(2, identifyData(userId)), now)
  return { socket, sessionId: conn.sessionId as string }
}

describe('sending a call’s frames', () => {
  it('reads only the new frames of the sessions the call reached, never a whole frames list', () => {
    const { run, reads } = countingRun()
    const host = new GatewayHost({
      engine: run,
      tokens: TOKENS,
      wire: { resumeGatewayUrl: 'ws://x' },
      heartbeatIntervalMs: 1e9,
      now: 0,
    })
    const bots = Array.from({ length: 10 }, (_, i) => connect(host, BOT, i))
    const alices = Array.from({ length: 10 }, (_, i) => connect(host, ALICE, 10 + i))
    reads.frames = 0
    reads.since.length = 0
    for (let i = 0; i < 100; i++) {
      host.apply(
        { target: 'dispatcher', method: 'dispatch', args: ['user', ALICE, 'X', { i }] },
        100,
      )
    }
    expect(reads.frames).toBe(0)
    const aliceIds = new Set(alices.map((a) => a.sessionId))
    expect(reads.since.every((id) => aliceIds.has(id))).toBe(true)
    expect(reads.since).toHaveLength(100 * alices.length)
    // And every client got exactly its session's frames, in order.
    for (const { socket, sessionId } of [...bots, ...alices]) {
      const state = host.engine.sim.states.fetchRaw(sessionId) as GatewayState
      expect(socket.frames.filter((f) => f.op === 0).map((f) => [f.s, f.t])).toEqual(
        state.frames.map((f) => [f.s, f.t]),
      )
    }
    expect(alices[0]?.socket.events.filter((t) => t === 'X')).toHaveLength(100)
    expect(bots[0]?.socket.events).not.toContain('X')
  })

  it('still sends op 9 and the frames before it when a call closes the session', () => {
    const { run } = countingRun()
    const host = new GatewayHost({
      engine: run,
      tokens: TOKENS,
      wire: { resumeGatewayUrl: 'ws://x' },
      now: 0,
    })
    const a = connect(host, BOT, 1)
    host.apply({ target: 'actions', method: 'sendMessage', args: [GENERAL, ALICE, 'bye'] }, 2)
    host.apply({ target: 'gateway', method: 'invalidate', args: [a.sessionId] }, 3)
    expect(a.socket.frames.slice(-2).map((f) => [f.op, f.t])).toEqual([
      [0, 'MESSAGE_CREATE'],
      [9, null],
    ])
  })
})
