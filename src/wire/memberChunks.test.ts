import { describe, expect, it } from 'vitest'
import { Intents } from '../engine/index.ts'
import { applyCall } from '../calls/index.ts'
import type { GatewayHost } from './host.ts'
import { ALL_MEMBERS_EVERY_MS } from './memberChunks.ts'
import {
  ALICE,
  BOT,
  FakeSocket,
  frame,
  GUILD,
  identifyData,
  makeHost,
  worldEngine,
} from './testing/fakes.ts'

function identified(host: GatewayHost, userId: string, now: number) {
  const socket = new FakeSocket()
  const conn = host.open(socket, { v: '10', encoding: 'json' }, now)
  if (!conn) throw new Error('refused')
  host.receive(conn, frame(2, identifyData(userId, { intents: Intents.ALL })), now)
  return { socket, conn }
}

const everyone = (nonce: string) => frame(8, { guild_id: GUILD, query: '', limit: 0, nonce })
const lastEvent = (socket: FakeSocket) => socket.frames.at(-1)

/**
 * op 8 for every member of a guild is allowed once per guild per 30 s (docs/design/gateway-facts.md
 * §8): sooner, the session gets one RATE_LIMITED dispatch and no chunk. Without the limit one small
 * frame made the server build and send every member again (100 chunks, 25 MB, about 4 s of the
 * server's time at 100,000 members), up to 120 times a minute per connection.
 */
describe('op 8 for every member: once per guild per 30 s', () => {
  it('answers RATE_LIMITED with the time left and the nonce, keeps the socket, sends no chunk', () => {
    const host = makeHost()
    const { socket, conn } = identified(host, ALICE, 0)
    host.receive(conn, everyone('a'), 1_000)
    expect(lastEvent(socket)).toMatchObject({ t: 'GUILD_MEMBERS_CHUNK', d: { nonce: 'a' } })
    const frames = socket.frames.length
    host.receive(conn, everyone('b'), 21_000)
    expect(socket.frames.slice(frames)).toEqual([
      {
        op: 0,
        t: 'RATE_LIMITED',
        s: expect.any(Number) as number,
        d: { opcode: 8, retry_after: 10, meta: { guild_id: GUILD, nonce: 'b' } },
      },
    ])
    expect(socket.closed).toBeNull()
    host.receive(conn, everyone('c'), 1_000 + ALL_MEMBERS_EVERY_MS)
    expect(lastEvent(socket)).toMatchObject({ t: 'GUILD_MEMBERS_CHUNK', d: { nonce: 'c' } })
  })

  it('counts per user and guild: another session of the user waits, another user does not', () => {
    const host = makeHost()
    const a1 = identified(host, ALICE, 0)
    const a2 = identified(host, ALICE, 0)
    const bot = identified(host, BOT, 0)
    host.receive(a1.conn, everyone('1'), 100)
    host.receive(a2.conn, everyone('2'), 200)
    expect(lastEvent(a2.socket)?.t).toBe('RATE_LIMITED')
    expect((lastEvent(a2.socket)?.d as { retry_after: number }).retry_after).toBe(29.9)
    // The other user has intents for it too (Intents.ALL) and is not limited by alice's request.
    host.receive(bot.conn, everyone('3'), 300)
    expect(lastEvent(bot.socket)?.t).toBe('GUILD_MEMBERS_CHUNK')
  })

  it('does not limit a query or user_ids, and a RATE_LIMITED replays like any dispatch', () => {
    const host = makeHost()
    const { socket, conn } = identified(host, ALICE, 0)
    host.receive(conn, everyone('x'), 10)
    host.receive(conn, frame(8, { guild_id: GUILD, query: 'f', limit: 10 }), 20)
    expect(lastEvent(socket)?.t).toBe('GUILD_MEMBERS_CHUNK')
    host.receive(conn, frame(8, { guild_id: GUILD, user_ids: [BOT] }), 30)
    expect(lastEvent(socket)?.t).toBe('GUILD_MEMBERS_CHUNK')
    host.receive(conn, everyone('y'), 40)
    expect(lastEvent(socket)?.t).toBe('RATE_LIMITED')
    const replay = worldEngine()
    for (const { call } of host.calls()) applyCall(replay, call)
    expect(JSON.stringify(replay.sim.states.all())).toBe(
      JSON.stringify(host.engine.sim.states.all()),
    )
  })
})
