import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { EngineCall } from '../src/calls/index.ts'
import { startGatewayServer, type GatewayServer } from './gatewayServer.ts'
import { ALICE, BOT, wireTestScenario } from './testing/world.ts'

// A raw `ws` client per close code: what reaches the socket is exactly what a client library sees.
let server: GatewayServer
let crowded: GatewayServer
beforeAll(async () => {
  server = await startGatewayServer({
    scenario: wireTestScenario,
    heartbeatIntervalMs: 200,
    reconnectGraceMs: 50,
    withoutPrivilegedIntents: [ALICE],
  })
  // 2,501 guilds of one bot on shard 0 of 1: sharding is required (4011).
  const guilds = Array.from({ length: 2501 }, (_, i): EngineCall[] => [
    {
      target: 'world',
      method: 'createGuild',
      args: [{ id: String((i + 1) * 2 ** 22), name: `g${i}`, ownerId: '1' }],
    },
    { target: 'world', method: 'addMember', args: [String((i + 1) * 2 ** 22), '2'] },
  ]).flat()
  crowded = await startGatewayServer({
    scenario: {
      ...wireTestScenario,
      id: 'crowded',
      calls: [
        { target: 'world', method: 'createUser', args: [{ id: '1', username: 'owner' }] },
        {
          target: 'world',
          method: 'createUser',
          args: [{ id: '2', username: 'bigbot', bot: true }],
        },
        ...guilds,
      ],
    },
  })
})
afterAll(async () => {
  await server.close()
  await crowded.close()
})

const tokenOf = (id: string, on = server) => on.users.find((u) => u.id === id)?.token as string
const identify = (extra: Record<string, unknown> = {}, id = BOT) => ({
  op: 2,
  d: {
    token: tokenOf(id),
    intents: 1 | (1 << 9),
    properties: { os: 'linux', browser: 'raw', device: 'raw' },
    ...extra,
  },
})

interface Outcome {
  code: number
  reason: string
  frames: { op: number; t: string | null; s: number | null; d: unknown }[]
}

/** Opens a socket, sends `script`'s frames once HELLO arrived, and resolves with how it closed. */
function run(
  script: (ws: WebSocket, frames: Outcome['frames']) => void,
  query = '?v=10&encoding=json',
  on = server,
): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(on.gatewayUrl + query)
    const frames: Outcome['frames'] = []
    let started = false
    ws.on('message', (data) => {
      frames.push(JSON.parse(String(data)) as Outcome['frames'][number])
      if (!started) {
        started = true
        script(ws, frames)
      }
    })
    ws.on('close', (code, reason) => resolve({ code, reason: String(reason), frames }))
    ws.on('error', reject)
  })
}

const sendAll =
  (...frames: unknown[]) =>
  (ws: WebSocket) => {
    for (const f of frames) ws.send(typeof f === 'string' ? f : JSON.stringify(f))
  }

describe('close codes over a real socket', { timeout: 10_000 }, () => {
  it('4001 unknown opcode', async () => {
    expect((await run(sendAll({ op: 99, d: null }))).code).toBe(4001)
  })

  it('4002 decode error: bad JSON, a frame over 4096 bytes, a binary frame', async () => {
    const bad = await run(sendAll('{"op": 1, "d": '))
    expect(bad.code).toBe(4002)
    expect(bad.reason).toBe('payload is not JSON')
    expect((await run(sendAll({ op: 1, d: null, pad: 'x'.repeat(5000) }))).code).toBe(4002)
    expect((await run((ws) => ws.send(Buffer.from([1, 2, 3]), { binary: true }))).code).toBe(4002)
  })

  it('4003 not authenticated', async () => {
    const out = await run(
      sendAll({ op: 3, d: { status: 'idle', activities: [], since: null, afk: false } }),
    )
    expect(out.code).toBe(4003)
  })

  it('4004 authentication failed', async () => {
    expect((await run(sendAll(identify({ token: 'MTA.AAAAAA.nope' })))).code).toBe(4004)
  })

  it('4005 already authenticated', async () => {
    expect((await run(sendAll(identify(), identify()))).code).toBe(4005)
  })

  it('4007 invalid seq', async () => {
    const first = await run(sendAll(identify(), 'not json'))
    const sessionId = (first.frames[1]?.d as { session_id: string }).session_id
    const out = await run(
      sendAll({ op: 6, d: { token: tokenOf(BOT), session_id: sessionId, seq: 999 } }),
    )
    expect(out.code).toBe(4007)
  })

  it('4008 rate limited', async () => {
    const beats = Array.from({ length: 121 }, () => ({ op: 1, d: null }))
    expect((await run(sendAll(...beats))).code).toBe(4008)
  })

  it('4009 session timed out: no heartbeats', async () => {
    const out = await run(sendAll(identify()))
    expect(out.code).toBe(4009)
    expect(out.frames.map((f) => f.t ?? f.op)).toEqual([
      10,
      'READY',
      'GUILD_CREATE',
      'GUILD_CREATE',
    ])
  })

  it('4010 invalid shard', async () => {
    expect((await run(sendAll(identify({ shard: [2, 2] })))).code).toBe(4010)
  })

  it('4011 sharding required', async () => {
    const d = { token: tokenOf('2', crowded), intents: 1, properties: {} }
    expect((await run(sendAll({ op: 2, d }), undefined, crowded)).code).toBe(4011)
  })

  it('4012 invalid API version (before HELLO)', async () => {
    expect(await versionClose()).toBe(4012)
  })

  it('4013 invalid intents', async () => {
    expect((await run(sendAll(identify({ intents: 1 << 17 })))).code).toBe(4013)
  })

  it('4014 disallowed intents', async () => {
    expect(await run(sendAll(identify({ intents: 1 << 15 }, ALICE)))).toMatchObject({ code: 4014 })
  })

  it('4000 after op 7 when the client stays', async () => {
    const out = await run((ws, frames) => {
      ws.send(JSON.stringify(identify()))
      const ask = () => {
        const sessionId = (frames[1]?.d as { session_id?: string } | undefined)?.session_id
        if (sessionId) server.host.requestReconnect(sessionId, Date.now())
        else setTimeout(ask, 5)
      }
      ask()
    })
    expect(out.frames.some((f) => f.op === 7)).toBe(true)
    expect(out.code).toBe(4000)
  })

  it('nothing that was refused reached the engine', () => {
    const methods = server.host.calls().map((r) => `${r.call.target}.${r.call.method}`)
    // 4005, 4007's first connection, 4009 and 4000 identified: 4 sessions, each disconnected once.
    expect(methods.filter((m) => m === 'gateway.identify')).toHaveLength(4)
    expect(methods.filter((m) => m === 'gateway.disconnect')).toHaveLength(4)
    expect(methods.filter((m) => !m.startsWith('gateway.') && m !== 'clock.advance')).toEqual([])
  })
})

/** A refused version closes before HELLO (so `run`'s script would never start): read the close. */
function versionClose(): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(server.gatewayUrl + '?v=9&encoding=json')
    ws.on('close', (code) => resolve(code))
  })
}
