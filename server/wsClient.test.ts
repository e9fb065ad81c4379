import {
  WebSocketManager,
  WebSocketShardEvents,
  type WebSocketShardDestroyOptions,
} from '@discordjs/ws'
import { REST } from 'discord.js'
import { afterEach, describe, expect, it } from 'vitest'
import { startGatewayServer, type GatewayServer } from './gatewayServer.ts'
import { BOT, CHANNEL_0, CHANNEL_1, GUILD_0, GUILD_1, wireTestScenario } from './testing/world.ts'

// @discordjs/ws 2, stand-alone, against the local gateway: 2 shards, chosen intents.
const GUILDS = 1
const GUILD_MESSAGES = 1 << 9
const MESSAGE_CONTENT = 1 << 15

let server: GatewayServer | undefined
let manager: WebSocketManager | undefined
afterEach(async () => {
  await manager?.destroy()
  await server?.close()
  manager = server = undefined
})

interface Dispatch {
  shardId: number
  t: string
  s: number
  d: Record<string, unknown>
}

async function start(throttle = true) {
  server = await startGatewayServer({ scenario: wireTestScenario, heartbeatIntervalMs: 300 })
  const token = server.users.find((u) => u.id === BOT)?.token as string
  const rest = new REST({ api: `${server.origin}/api` }).setToken(token)
  manager = new WebSocketManager({
    token,
    intents: GUILDS | GUILD_MESSAGES | MESSAGE_CONTENT,
    rest,
    shardCount: 2,
    // The client waits 5 s between IDENTIFYs of one bucket; a test of a second IDENTIFY skips the wait.
    ...(throttle ? {} : { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) }),
  })
  const dispatches: Dispatch[] = []
  manager.on(WebSocketShardEvents.Dispatch, (payload, shardId) => {
    dispatches.push({
      shardId,
      t: payload.t,
      s: payload.s,
      d: payload.d as Record<string, unknown>,
    })
  })
  return { server, manager, dispatches }
}

/** Resolves once `check` holds (polled on each event loop turn; the test's timeout bounds it). */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 5))
}

const send = (content: string, channel: string, author = '10') =>
  server?.host.apply(
    { target: 'actions', method: 'sendMessage', args: [channel, author, content] },
    Date.now(),
  )

describe('@discordjs/ws with 2 shards', { timeout: 15_000 }, () => {
  it('both shards get READY; each guild dispatch reaches exactly the shard (guild_id >> 22) % 2', async () => {
    const { manager, dispatches } = await start()
    await manager.connect()
    const ready = dispatches.filter((d) => d.t === 'READY')
    expect(ready.map((d) => d.shardId).sort()).toEqual([0, 1])
    for (const r of ready) expect(r.d.shard).toEqual([r.shardId, 2])
    await until(() => dispatches.filter((d) => d.t === 'GUILD_CREATE').length === 2)
    const creates = dispatches.filter((d) => d.t === 'GUILD_CREATE')
    expect(creates.map((d) => [d.shardId, d.d.id]).sort()).toEqual([
      [0, GUILD_0],
      [1, GUILD_1],
    ])
    send('to guild 0', CHANNEL_0)
    send('to guild 1', CHANNEL_1)
    await until(() => dispatches.filter((d) => d.t === 'MESSAGE_CREATE').length === 2)
    const messages = dispatches.filter((d) => d.t === 'MESSAGE_CREATE')
    // Two sockets: the order between shards is the network's; each arrives on its own shard only.
    expect(messages.map((d) => [d.shardId, d.d.guild_id, d.d.content]).sort()).toEqual([
      [0, GUILD_0, 'to guild 0'],
      [1, GUILD_1, 'to guild 1'],
    ])
    for (const m of messages) {
      expect(m.shardId).toBe(Number((BigInt(m.d.guild_id as string) >> 22n) % 2n))
    }
  })

  it('heartbeats are ACKed', async () => {
    const { manager } = await start()
    const beats: number[] = []
    manager.on(WebSocketShardEvents.HeartbeatComplete, (stats, shardId) => {
      beats.push(shardId)
      expect(stats.latency).toBeGreaterThanOrEqual(0)
    })
    await manager.connect()
    await until(() => beats.includes(0) && beats.includes(1))
  })

  it('a dropped socket RESUMEs and gets every missed frame once, in order', async () => {
    const { server, manager, dispatches } = await start()
    await manager.connect()
    await until(() => dispatches.filter((d) => d.t === 'GUILD_CREATE').length === 2)
    const shard1 = server.host.engine.sim.states
      .userStates(BOT)
      .find((s) => s.shard[0] === 1 && s.status === 'connected')
    expect(shard1).toBeDefined()
    const closed: WebSocketShardDestroyOptions[] = []
    manager.on(WebSocketShardEvents.Closed, (code) => closed.push({ code }))
    expect(server.host.dropConnection(shard1?.sessionId as string, Date.now())).toBe(true)
    // Missed while the socket is down: the engine buffers them for the session.
    for (const n of [1, 2, 3]) send(`missed ${n}`, CHANNEL_1)
    await until(() => dispatches.some((d) => d.t === 'RESUMED'))
    send('after', CHANNEL_1)
    await until(() => dispatches.filter((d) => d.t === 'MESSAGE_CREATE').length === 4)
    const onShard1 = dispatches.filter((d) => d.shardId === 1)
    expect(onShard1.map((d) => (d.t === 'MESSAGE_CREATE' ? d.d.content : d.t))).toEqual([
      'READY',
      'GUILD_CREATE',
      'missed 1',
      'missed 2',
      'missed 3',
      'RESUMED',
      'after',
    ])
    expect(onShard1.map((d) => d.s)).toEqual([1, 2, 3, 4, 5, 6, 7])
    // The same session: no second IDENTIFY.
    expect(server.host.calls().filter((r) => r.call.method === 'identify')).toHaveLength(2)
    expect(closed.length).toBe(1)
  })

  it('op 7 from the server: the client reconnects and resumes the same session', async () => {
    const { server, manager, dispatches } = await start()
    await manager.connect()
    const shard0 = server.host.engine.sim.states.userStates(BOT).find((s) => s.shard[0] === 0) as {
      sessionId: string
    }
    expect(server.host.requestReconnect(shard0.sessionId, Date.now())).toBe(true)
    await until(() => dispatches.some((d) => d.t === 'RESUMED' && d.shardId === 0))
    expect(server.host.calls().filter((r) => r.call.method === 'identify')).toHaveLength(2)
    expect(server.host.calls().map((r) => r.call.method)).toContain('resume')
  })

  it('op 9 (the session invalidated by the server): the client identifies anew', async () => {
    const { server, manager, dispatches } = await start(false)
    await manager.connect()
    const shard0 = server.host.engine.sim.states.userStates(BOT).find((s) => s.shard[0] === 0) as {
      sessionId: string
    }
    server.host.apply(
      { target: 'gateway', method: 'invalidate', args: [shard0.sessionId] },
      Date.now(),
    )
    await until(() => dispatches.filter((d) => d.t === 'READY' && d.shardId === 0).length === 2)
    const identifies = server.host.calls().filter((r) => r.call.method === 'identify')
    expect(identifies).toHaveLength(3)
    expect(server.host.engine.sim.states.fetchRaw(shard0.sessionId)).toBeUndefined()
  })
})
