import { describe, expect, it } from 'vitest'
import { applyCall, type CallEngine } from '../calls/index.ts'
import { BOT, FakeSocket, frame, identifyData, makeHost, worldEngine } from './testing/fakes.ts'

/** The last ms a snowflake can hold: the engine refuses a clock.advance past it. */
const LAST_MS = Number(2n ** 42n - 1n + 1_420_070_400_000n)

/**
 * The host brings the engine clock up to its own time before each call. The page (or any call) may
 * have moved the engine clock to the end of snowflake time, where every advance is refused: the
 * host's calls must still happen, at the engine's time, and nothing may throw out of a closing
 * socket's handler (in the local gateway that was an uncaught exception: the server died).
 */
describe('an engine clock at the end of snowflake time', () => {
  function fullClock() {
    const host = makeHost()
    const socket = new FakeSocket()
    const conn = host.open(socket, { v: '10', encoding: 'json' }, 0)
    if (!conn) throw new Error('refused')
    host.receive(conn, frame(2, identifyData(BOT)), 10)
    const left = LAST_MS - host.engine.sim.clock.now() - 1_000
    host.apply({ target: 'clock', method: 'advance', args: [left] }, 20, 'from the page')
    return { host, socket, conn, sessionId: conn.sessionId as string }
  }

  it('a socket closing records its disconnect, without an advance, and throws nothing', () => {
    const { host, conn, sessionId } = fullClock()
    const calls = host.calls().length
    expect(() => host.closed(conn, 4200, 5_000)).not.toThrow()
    expect(host.engine.sim.states.fetchRaw(sessionId)?.status).toBe('disconnected')
    expect(
      host
        .calls()
        .slice(calls)
        .map((r) => `${r.call.target}.${r.call.method}`),
    ).toEqual(['gateway.disconnect'])
  })

  it('a zombie found by tick is closed 4009 and its session disconnected', () => {
    const { host, socket, sessionId } = fullClock()
    expect(() => host.tick(60_000)).not.toThrow()
    expect(socket.closed?.code).toBe(4009)
    expect(host.engine.sim.states.fetchRaw(sessionId)?.status).toBe('disconnected')
  })

  it('IDENTIFY still works, and the recorded calls replay to the same state', () => {
    const { host } = fullClock()
    const socket = new FakeSocket()
    const conn = host.open(socket, { v: '10', encoding: 'json' }, 30_000)
    if (!conn) throw new Error('refused')
    host.receive(conn, frame(2, identifyData(BOT)), 30_000)
    expect(socket.closed).toBeNull()
    expect(socket.events[0]).toBe('READY')
    const replay: CallEngine = worldEngine()
    for (const { call } of host.calls()) applyCall(replay, call)
    expect(replay.sim.clock.now()).toBe(host.engine.sim.clock.now())
    expect(host.engine.sim.clock.now()).toBeLessThanOrEqual(LAST_MS)
    expect(JSON.stringify(replay.sim.states.all())).toBe(
      JSON.stringify(host.engine.sim.states.all()),
    )
  })
})
