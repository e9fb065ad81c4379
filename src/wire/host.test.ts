import { describe, expect, it } from 'vitest'
import { Intents } from '../engine/index.ts'
import { applyCall, type CallEngine } from '../calls/index.ts'
import { GatewayHost } from './host.ts'
import { APPLICATION_FLAGS } from './wireFrame.ts'
import {
  ALICE,
  BOT,
  FakeSocket,
  frame,
  GENERAL,
  GUILD,
  identifyData,
  INTERVAL,
  makeHost,
  token,
  TOKENS,
  worldEngine,
} from './testing/fakes.ts'

function connect(host = makeHost(), now = 0) {
  const socket = new FakeSocket()
  const conn = host.open(socket, { v: '10', encoding: 'json' }, now)
  if (!conn) throw new Error('refused')
  return { host, socket, conn }
}

function identified(userId = BOT, extra: Record<string, unknown> = {}) {
  const c = connect()
  c.host.receive(c.conn, frame(2, identifyData(userId, extra)), 10)
  return c
}

const message = (content: string) => ({
  target: 'actions' as const,
  method: 'sendMessage',
  args: [GENERAL, ALICE, content],
})

describe('HELLO and heartbeats', () => {
  it('says HELLO with the interval and ACKs each heartbeat', () => {
    const { host, socket, conn } = connect()
    expect(socket.frames[0]).toEqual({
      op: 10,
      d: { heartbeat_interval: INTERVAL },
      s: null,
      t: null,
    })
    host.receive(conn, frame(1, null), 5)
    host.receive(conn, frame(1, 3), 6)
    expect(socket.frames.slice(1)).toEqual([
      { op: 11, d: null, s: null, t: null },
      { op: 11, d: null, s: null, t: null },
    ])
    expect(host.calls()).toEqual([])
  })

  it('closes a zombie with 4009 after 1.5 intervals without a heartbeat; the session stays resumable', () => {
    const { host, socket, conn } = identified()
    const sessionId = conn.sessionId as string
    host.receive(conn, frame(1, 2), 900)
    host.tick(900 + INTERVAL * 1.5)
    expect(socket.closed).toBeNull()
    host.tick(900 + INTERVAL * 1.5 + 1)
    expect(socket.closed?.code).toBe(4009)
    expect(host.engine.sim.states.fetchRaw(sessionId)?.status).toBe('disconnected')
    const calls = host.calls().map((r) => r.call)
    const last = calls.slice(-2)
    // The time that passed travels with the call it led to, as one step.
    expect(last.map((c) => `${c.target}.${c.method}`)).toEqual([
      'clock.advance',
      'gateway.disconnect',
    ])
    expect(last[0]?.args).toEqual([2391]) // from IDENTIFY at 10 to 2401
    expect(last[0]?.group).toBe(last[1]?.group)
  })

  it('sends op 1 when the server asks for a heartbeat', () => {
    const { host, socket, conn } = identified()
    expect(host.requestHeartbeat(conn.sessionId as string)).toBe(true)
    expect(socket.frames.at(-1)).toEqual({ op: 1, d: null, s: null, t: null })
  })
})

describe('IDENTIFY', () => {
  it('answers READY (with resume_gateway_url and application) then GUILD_CREATE', () => {
    const { host, socket, conn } = identified(BOT, { shard: [1, 2] })
    const [, ready, create] = socket.frames
    expect(ready).toMatchObject({ op: 0, s: 1, t: 'READY' })
    expect(ready?.d).toMatchObject({
      v: 10,
      user: { id: BOT, username: 'fanbot', bot: true },
      session_id: conn.sessionId,
      shard: [1, 2],
      guilds: [{ id: GUILD, unavailable: true }],
      resume_gateway_url: 'ws://127.0.0.1:1',
      application: { id: BOT, flags: APPLICATION_FLAGS },
    })
    expect(create).toMatchObject({ op: 0, s: 2, t: 'GUILD_CREATE', d: { id: GUILD } })
    expect(host.calls().map((r) => r.call)).toEqual([
      expect.objectContaining({ target: 'clock', method: 'advance', args: [10] }),
      expect.objectContaining({
        target: 'gateway',
        method: 'identify',
        args: [{ userId: BOT, intents: identifyData(BOT).intents, shard: [1, 2] }],
      }),
    ])
  })

  it('a guild on the other shard is not in READY', () => {
    const { socket } = identified(BOT, { shard: [0, 2] })
    expect(socket.frames[1]?.d).toMatchObject({ guilds: [] })
    expect(socket.events).toEqual(['READY'])
  })

  it('refuses an unknown token with 4004, creating nothing', () => {
    for (const bad of ['nope', token(BOT).slice(0, -2) + 'AA', token('99'), 5]) {
      const { host, socket, conn } = connect()
      host.receive(conn, frame(2, { ...identifyData(BOT), token: bad }), 1)
      expect(socket.closed?.code).toBe(4004)
      expect(host.calls()).toEqual([])
      expect(host.engine.sim.states.all()).toEqual([])
    }
  })

  it('refuses bad shards (4010), intents (4013), presence and large_threshold (4001)', () => {
    const cases: [Record<string, unknown>, number][] = [
      [{ shard: [2, 2] }, 4010],
      [{ shard: [0, 0] }, 4010],
      [{ shard: 'x' }, 4010],
      [{ intents: 1 << 17 }, 4013],
      [{ intents: undefined }, 4013],
      [{ intents: 1.5 }, 4013],
      [{ presence: { status: 'away' } }, 4001],
      [{ large_threshold: 10 }, 4001],
      [{ properties: undefined }, 4001],
    ]
    for (const [extra, code] of cases) {
      const { host, socket, conn } = connect()
      host.receive(conn, frame(2, identifyData(BOT, extra)), 1)
      expect(socket.closed?.code, JSON.stringify(extra)).toBe(code)
      expect(host.engine.sim.states.all()).toEqual([])
      // The engine refused the IDENTIFY: only the time that passed before it is on record.
      expect(host.calls().filter((r) => r.call.target !== 'clock')).toEqual([])
    }
  })

  it('a user account may leave intents out and gets every intent; a bot may not (4013)', () => {
    // docs/design/gateway-facts.md §3.2: user clients send no intents.
    const user = connect()
    user.host.receive(user.conn, frame(2, identifyData(ALICE, { intents: undefined })), 1)
    expect(user.socket.closed).toBeNull()
    expect(user.socket.events[0]).toBe('READY')
    expect(user.host.calls().at(-1)?.call.args[0]).toMatchObject({ intents: Intents.ALL })
    const withNull = connect()
    withNull.host.receive(withNull.conn, frame(2, identifyData(ALICE, { intents: null })), 1)
    expect(withNull.socket.events[0]).toBe('READY')
    for (const intents of [undefined, null]) {
      const bot = connect()
      bot.host.receive(bot.conn, frame(2, identifyData(BOT, { intents })), 1)
      expect(bot.socket.closed?.code).toBe(4013)
    }
    const host = new GatewayHost({
      engine: worldEngine(),
      tokens: TOKENS,
      wire: { resumeGatewayUrl: 'ws://x' },
      now: 0,
      withoutPrivilegedIntents: [ALICE],
    })
    const unprivileged = connect(host)
    host.receive(unprivileged.conn, frame(2, identifyData(ALICE, { intents: undefined })), 1)
    expect(unprivileged.socket.closed?.code).toBe(4014) // every intent includes the privileged ones
  })

  it('passes presence (invisible shows as offline) and large_threshold to the engine', () => {
    const { host } = identified(BOT, {
      presence: { since: null, activities: [], status: 'invisible', afk: false },
      large_threshold: 100,
    })
    expect(host.calls().at(-1)?.call.args[0]).toMatchObject({
      presence: { status: 'offline', activities: [] },
      largeThreshold: 100,
    })
  })

  it('refuses a command before IDENTIFY (4003) and a second IDENTIFY (4005)', () => {
    const a = connect()
    a.host.receive(a.conn, frame(3, { status: 'idle', activities: [], since: null, afk: false }), 1)
    expect(a.socket.closed?.code).toBe(4003)
    const b = identified()
    b.host.receive(b.conn, frame(2, identifyData(BOT)), 20)
    expect(b.socket.closed?.code).toBe(4005)
    // The session it had is resumable, as after any server close.
    expect(b.host.engine.sim.states.all()[0]?.status).toBe('disconnected')
  })
})

describe('bad frames never reach the engine', () => {
  it('not JSON, oversize or binary: 4002; unknown op: 4001; no crash, no call', () => {
    const cases: [string | null, number][] = [
      ['{"op":', 4002],
      ['[]', 4002],
      [JSON.stringify({ op: 1, d: 'x'.repeat(5000) }), 4002],
      [null, 4002],
      [frame(0, {}), 4001],
      [frame(42, {}), 4001],
      [frame(1, 'seven'), 4001],
    ]
    for (const [text, code] of cases) {
      const { host, socket, conn } = connect()
      if (text === null) host.receiveBinary(conn, 1)
      else host.receive(conn, text, 1)
      expect(socket.closed?.code, String(text).slice(0, 40)).toBe(code)
      expect(host.calls()).toEqual([])
      host.receive(conn, frame(1, null), 2) // after close: ignored, nothing sent
      expect(socket.frames).toHaveLength(1)
    }
  })

  it('refuses v other than 10 (4012) and encodings other than JSON (4002) on connect', () => {
    const host = makeHost()
    const a = new FakeSocket()
    expect(host.open(a, { v: '9' }, 0)).toBeUndefined()
    expect(a.closed?.code).toBe(4012)
    const b = new FakeSocket()
    expect(host.open(b, { v: '10', encoding: 'etf' }, 0)).toBeUndefined()
    expect(b.closed?.code).toBe(4002)
  })

  it('closes the 121st command within 60 s with 4008', () => {
    const { host, socket, conn } = identified()
    // IDENTIFY was the first command; 119 heartbeats reach the limit exactly.
    for (let i = 0; i < 119; i++) host.receive(conn, frame(1, null), 100 + i)
    expect(socket.closed).toBeNull()
    host.receive(conn, frame(1, null), 500)
    expect(socket.closed?.code).toBe(4008)
    expect(host.engine.sim.states.all()[0]?.status).toBe('disconnected')
  })

  it('starts a new window after 60 s', () => {
    const { host, socket, conn } = connect()
    for (let i = 0; i < 120; i++) host.receive(conn, frame(1, null), i)
    host.receive(conn, frame(1, null), 60_000)
    expect(socket.closed).toBeNull()
  })

  it('refuses a malformed op 14 or op 3 with 4001', () => {
    for (const [op, d] of [
      [14, { guild_id: 'x' }],
      [14, { guild_id: GUILD, channels: { [GENERAL]: [[5, 2]] } }],
      [3, { status: 'busy' }],
    ] as const) {
      const { host, socket, conn } = identified()
      const before = host.calls().length
      host.receive(conn, frame(op, d), 20)
      expect(socket.closed?.code, JSON.stringify(d)).toBe(4001)
      // Only the disconnect that the close causes.
      expect(
        host
          .calls()
          .slice(before)
          .map((r) => r.call.method),
      ).toEqual(['advance', 'disconnect'])
    }
  })
})

describe('RESUME', () => {
  it('replays every missed frame once, in order, then RESUMED', () => {
    const { host, socket, conn } = identified(BOT, { shard: [1, 2] })
    const sessionId = conn.sessionId as string
    host.apply(message('one'), 20)
    const seen = socket.lastSeq
    host.closed(conn, 4200, 30) // the client leaves to resume
    expect(host.engine.sim.states.fetchRaw(sessionId)?.status).toBe('disconnected')
    host.apply(message('two'), 40)
    host.apply(message('three'), 50)
    const again = connect(host, 60)
    host.receive(again.conn, frame(6, { token: token(BOT), session_id: sessionId, seq: seen }), 70)
    const replay = again.socket.frames.slice(1)
    expect(replay.map((f) => [f.s, f.t])).toEqual([
      [seen + 1, 'MESSAGE_CREATE'],
      [seen + 2, 'MESSAGE_CREATE'],
      [seen + 3, 'RESUMED'],
    ])
    expect(replay.map((f) => (f.d as { content?: string }).content)).toEqual([
      'two',
      'three',
      undefined,
    ])
    host.apply(message('four'), 80)
    expect(again.socket.frames.at(-1)).toMatchObject({ s: seen + 4, t: 'MESSAGE_CREATE' })
  })

  it('answers op 9 for an unknown session or another user’s, and 4007 for a seq from the future', () => {
    const { host, conn } = identified(BOT)
    const sessionId = conn.sessionId as string
    host.closed(conn, 4200, 20)
    const unknown = connect(host, 30)
    host.receive(
      unknown.conn,
      frame(6, { token: token(BOT), session_id: 'f'.repeat(32), seq: 1 }),
      31,
    )
    expect(unknown.socket.frames.at(-1)).toEqual({ op: 9, d: false, s: null, t: null })
    expect(unknown.socket.closed).toBeNull()
    const other = connect(host, 30)
    host.receive(other.conn, frame(6, { token: token(ALICE), session_id: sessionId, seq: 1 }), 31)
    expect(other.socket.frames.at(-1)).toMatchObject({ op: 9, d: false })
    const future = connect(host, 40)
    host.receive(future.conn, frame(6, { token: token(BOT), session_id: sessionId, seq: 99 }), 41)
    expect(future.socket.closed?.code).toBe(4007)
    expect(host.engine.sim.states.fetchRaw(sessionId)?.status).toBe('disconnected')
  })

  it('a client closing with 1000 ends its session: RESUME then gets op 9', () => {
    const { host, conn } = identified(BOT)
    const sessionId = conn.sessionId as string
    host.closed(conn, 1000, 20)
    expect(host.engine.sim.states.fetchRaw(sessionId)).toBeUndefined()
    expect(host.calls().at(-1)?.call.method).toBe('invalidate')
    const again = connect(host, 30)
    host.receive(again.conn, frame(6, { token: token(BOT), session_id: sessionId, seq: 2 }), 31)
    expect(again.socket.frames.at(-1)).toMatchObject({ op: 9, d: false })
  })

  it('RESUME on a new socket takes the session over from one that has not closed yet', () => {
    const { host, socket, conn } = identified(BOT, { shard: [1, 2] })
    const sessionId = conn.sessionId as string
    const again = connect(host, 30)
    host.receive(again.conn, frame(6, { token: token(BOT), session_id: sessionId, seq: 2 }), 31)
    expect(socket.closed?.code).toBe(4009)
    expect(again.socket.events).toEqual(['RESUMED'])
  })
})

describe('faults and the engine acting on its own', () => {
  it('a dropped socket leaves the session resumable', () => {
    const { host, socket, conn } = identified()
    expect(host.dropConnection(conn.sessionId as string, 20)).toBe(true)
    expect(socket.dropped).toBe(true)
    expect(host.calls().at(-1)?.call).toMatchObject({ method: 'disconnect' })
  })

  it('a disconnect made elsewhere (the page’s fault) drops the socket; the client may resume', () => {
    const { host, socket, conn } = identified()
    const sessionId = conn.sessionId as string
    host.apply({ target: 'gateway', method: 'disconnect', args: [sessionId] }, 20)
    expect(socket.dropped).toBe(true)
    expect(host.openConnections()).toEqual([])
    const again = connect(host, 30)
    host.receive(again.conn, frame(6, { token: token(BOT), session_id: sessionId, seq: 2 }), 31)
    expect(again.socket.events).toEqual(['RESUMED'])
  })

  it('a call that invalidates the session sends op 9; the socket may IDENTIFY again', () => {
    const { host, socket, conn } = identified()
    host.apply({ target: 'gateway', method: 'invalidate', args: [conn.sessionId as string] }, 20)
    expect(socket.frames.at(-1)).toMatchObject({ op: 9, d: false })
    expect(conn.phase).toBe('hello')
    host.receive(conn, frame(2, identifyData(BOT)), 30)
    expect(socket.events.filter((t) => t === 'READY')).toHaveLength(2)
  })

  it('op 7 asks the client to reconnect; one that stays is closed after the grace period', () => {
    const { host, socket, conn } = identified()
    host.requestReconnect(conn.sessionId as string, 20)
    expect(socket.frames.at(-1)).toEqual({ op: 7, d: null, s: null, t: null })
    host.receive(conn, frame(1, null), 5000)
    host.tick(5021)
    expect(socket.closed?.code).toBe(4000)
  })
})

describe('commands', () => {
  it('op 3 and op 14 become engine calls', () => {
    const { host, conn } = identified(ALICE, { intents: Intents.ALL })
    host.receive(conn, frame(3, { since: null, activities: [], status: 'dnd', afk: false }), 20)
    host.receive(conn, frame(14, { guild_id: GUILD, channels: { [GENERAL]: [[0, 99]] } }), 30)
    const calls = host.calls().map((r) => r.call)
    expect(calls.filter((c) => c.target === 'gateway').map((c) => c.method)).toEqual([
      'identify',
      'updatePresence',
      'requestMemberList',
    ])
    const [, ...sent] = host.connectionOf(conn.sessionId as string)?.state?.frames ?? []
    expect(sent.map((f) => f.t)).toContain('GUILD_MEMBER_LIST_UPDATE')
  })

  it('op 8 answers GUILD_MEMBERS_CHUNK to the asking session only', () => {
    const { host, socket, conn } = identified(ALICE, { intents: Intents.ALL })
    const other = identified(ALICE, { intents: Intents.ALL })
    void other
    host.receive(conn, frame(8, { guild_id: GUILD, query: '', limit: 0, nonce: 'n1' }), 20)
    const chunk = socket.frames.at(-1)
    expect(chunk).toMatchObject({
      t: 'GUILD_MEMBERS_CHUNK',
      d: { chunk_index: 0, chunk_count: 1, nonce: 'n1' },
    })
    expect(
      (chunk?.d as { members: { user: { id: string } }[] }).members.map((m) => m.user.id),
    ).toEqual([ALICE, BOT])
    host.receive(conn, frame(8, { guild_id: GUILD, user_ids: [BOT, '99'] }), 30)
    expect(socket.frames.at(-1)?.d).toMatchObject({ not_found: ['99'] })
    const noIntent = identified(ALICE, { intents: Intents.GUILDS })
    noIntent.host.receive(noIntent.conn, frame(8, { guild_id: GUILD, query: '', limit: 0 }), 20)
    expect(noIntent.socket.closed?.code).toBe(4013)
  })
})

describe('replay', () => {
  it('the recorded calls rebuild the same state on another engine, frame for frame', () => {
    const { host, conn } = identified(BOT, { shard: [1, 2] })
    const heard: unknown[] = []
    host.onStep((step) => heard.push(step.calls))
    const second = connect(host, 15)
    host.receive(second.conn, frame(2, identifyData(ALICE)), 16)
    host.apply(message('hello'), 20)
    host.closed(conn, 4200, 30)
    host.apply(message('missed'), 40)
    host.tick(5000) // alice's connection is a zombie by now
    const replay: CallEngine = worldEngine()
    for (const { call } of host.calls()) applyCall(replay, call)
    const frames = (run: CallEngine) =>
      JSON.stringify(run.sim.states.all().map((s) => [s.sessionId, s.status, s.frames]))
    expect(frames(replay)).toBe(frames(host.engine))
    expect(replay.sim.clock.now()).toBe(host.engine.sim.clock.now())
    // As steps: each is one call and the time before it, under one group of its own.
    const steps = host.steps()
    expect(steps.flat()).toEqual(host.calls().map((r) => r.call))
    const groups = steps.map((step) => step[0]?.group)
    expect(new Set(groups).size).toBe(steps.length)
    for (const step of steps) {
      expect(step.at(-1)?.target).not.toBe('clock')
      expect(step.every((c) => c.group === step[0]?.group)).toBe(true)
    }
    expect(heard).toEqual(steps.slice(1)) // IDENTIFY was before the listener
    // Every recorded call is plain JSON.
    expect(JSON.parse(JSON.stringify(host.calls()))).toEqual(host.calls())
  })
})

describe('privileged intents', () => {
  it('a user whose application has not enabled them gets 4014, and READY flags say so', () => {
    const host = new GatewayHost({
      engine: worldEngine(),
      tokens: TOKENS,
      wire: { resumeGatewayUrl: 'ws://x' },
      now: 0,
      withoutPrivilegedIntents: [BOT],
    })
    const a = connect(host)
    host.receive(a.conn, frame(2, identifyData(BOT)), 1) // asks for MESSAGE_CONTENT
    expect(a.socket.closed?.code).toBe(4014)
    const b = connect(host)
    host.receive(b.conn, frame(2, identifyData(BOT, { intents: Intents.GUILDS })), 2)
    expect(b.socket.frames[1]?.d).toMatchObject({ application: { id: BOT, flags: 0 } })
  })
})
