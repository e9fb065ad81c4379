import { afterEach, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import type { BacklogLimits } from './backlog.ts'
import { startGatewayServer, type GatewayServer } from './gatewayServer.ts'
import { BOT, wireTestScenario } from './testing/world.ts'

/**
 * A client that stops reading. `ws` queues in memory whatever its socket cannot take, without limit,
 * so before these limits the server held every frame sent to such a client: an op 8 of a
 * 100,000-member guild added 65 MB to the server's memory each, for as long as the client lived.
 */
const servers: GatewayServer[] = []
const sockets: WebSocket[] = []
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate()
  for (const server of servers.splice(0)) await server.close()
  vi.restoreAllMocks()
})

async function start(backlog: BacklogLimits): Promise<GatewayServer> {
  const server = await startGatewayServer({
    scenario: wireTestScenario,
    heartbeatIntervalMs: 60_000,
    backlog,
  })
  servers.push(server)
  return server
}

/** A bot connected and identified; resolves with its socket and session id once READY arrived. */
function connect(server: GatewayServer): Promise<{ ws: WebSocket; sessionId: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(server.gatewayUrl + '?v=10&encoding=json')
    sockets.push(ws)
    ws.on('message', (data) => {
      const f = JSON.parse(String(data)) as { op: number; t: string | null; d: unknown }
      if (f.op === 10) {
        const token = server.users.find((u) => u.id === BOT)?.token
        const properties = { os: 'linux', browser: 'raw', device: 'raw' }
        ws.send(JSON.stringify({ op: 2, d: { token, intents: 1, properties } }))
      }
      if (f.t === 'READY') resolve({ ws, sessionId: (f.d as { session_id: string }).session_id })
    })
    ws.on('error', reject)
  })
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Sends the bot's sessions `size` bytes at a time, every `everyMs`, until `done()` or `max` sends. */
async function flood(
  server: GatewayServer,
  size: number,
  everyMs: number,
  max: number,
  done: () => boolean,
): Promise<number> {
  const d = { pad: 'x'.repeat(size) }
  for (let i = 1; i <= max; i++) {
    server.host.apply(
      { target: 'dispatcher', method: 'dispatch', args: ['user', BOT, 'FILL', d] },
      Date.now(),
    )
    await pause(everyMs)
    if (done()) return i
  }
  return max
}

const statusOf = (server: GatewayServer, sessionId: string) =>
  server.host.engine.sim.states.fetchRaw(sessionId)?.status

describe('a client that does not read', { timeout: 30_000 }, () => {
  it('is dropped once its backlog passes maxBytes; its session stays resumable', async () => {
    const server = await start({ maxBytes: 512 * 1024, stallBytes: 2 ** 40, stallMs: 1e9 })
    const { ws, sessionId } = await connect(server)
    ws.pause()
    // The kernel's socket buffers take several MB first; 64 MB would be sent without the limit.
    const sends = await flood(
      server,
      256 * 1024,
      2,
      256,
      () => !server.host.connectionOf(sessionId),
    )
    expect(sends).toBeLessThan(256)
    await vi.waitFor(() => expect(statusOf(server, sessionId)).toBe('disconnected'))
    const last = server.host.calls().at(-1)?.call
    expect(last).toMatchObject({ target: 'gateway', method: 'disconnect', args: [sessionId] })
  })

  it('is dropped when its backlog stays above stallBytes without shrinking for stallMs', async () => {
    const server = await start({ maxBytes: 2 ** 40, stallBytes: 64 * 1024, stallMs: 300 })
    const { ws, sessionId } = await connect(server)
    ws.pause()
    const sends = await flood(
      server,
      256 * 1024,
      20,
      256,
      () => !server.host.connectionOf(sessionId),
    )
    expect(sends).toBeLessThan(256)
    await vi.waitFor(() => expect(statusOf(server, sessionId)).toBe('disconnected'))
  })

  it('a client that reads keeps its socket through a burst larger than stallBytes', async () => {
    const server = await start({
      maxBytes: 64 * 1024 * 1024,
      stallBytes: 64 * 1024,
      stallMs: 1_000,
    })
    const { ws, sessionId } = await connect(server)
    let got = 0
    ws.on('message', () => got++)
    await flood(server, 256 * 1024, 0, 16, () => false) // 4 MB at once
    await vi.waitFor(() => expect(got).toBeGreaterThanOrEqual(16))
    await pause(1_500)
    expect(server.host.connectionOf(sessionId)).toBeDefined()
    expect(statusOf(server, sessionId)).toBe('connected')
  })
})

describe('a live page that does not read', { timeout: 30_000 }, () => {
  it('is dropped once the steps queued for it pass maxBytes', async () => {
    const server = await start({ maxBytes: 512 * 1024, stallBytes: 2 ** 40, stallMs: 1e9 })
    const live = new WebSocket(`${server.origin.replace('http', 'ws')}/live`)
    sockets.push(live)
    const closed = new Promise<number>((resolve) => live.on('close', resolve))
    await new Promise((resolve) => live.once('message', resolve)) // hello
    live.pause()
    const { ws } = await connect(server)
    ws.on('message', () => {}) // the bot reads: only the page falls behind
    await flood(server, 256 * 1024, 2, 64, () => false) // 16 MB of steps, past the socket buffers
    live.resume()
    const outcome = await Promise.race([closed, pause(10_000).then(() => 'still open')])
    expect(outcome).toBe(1006)
  })
})

describe('the server never dies of a handler that throws', { timeout: 10_000 }, () => {
  it('reports the error on stderr and keeps serving', async () => {
    const server = await start({ maxBytes: 2 ** 40, stallBytes: 2 ** 40, stallMs: 1e9 })
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const closed = server.host.closed.bind(server.host)
    server.host.closed = () => {
      throw new Error('a bug')
    }
    const { ws } = await connect(server)
    ws.terminate()
    await vi.waitFor(() => expect(errors).toHaveBeenCalled())
    expect(String(errors.mock.calls[0]?.[0])).toBe('fanout gateway: a gateway close failed:')
    const answer = await fetch(`${server.origin}/api/v10/gateway`)
    expect(answer.status).toBe(200)
    server.host.closed = closed
    await connect(server) // and a new client gets its READY
  })
})
