import { describe, expect, it } from 'vitest'
import { Intents } from '../engine/index.ts'
import { handleRest, type RestRequest } from './rest.ts'
import {
  ALICE,
  BOT,
  frame,
  GENERAL,
  GUILD,
  identifyData,
  makeHost,
  TOKENS,
  token,
  FakeSocket,
} from './testing/fakes.ts'

const URL = 'ws://127.0.0.1:1/gateway'

function setup() {
  const host = makeHost()
  const ctx = { host, tokens: TOKENS, gatewayUrl: URL }
  const call = (r: Partial<RestRequest>, now = 100) =>
    handleRest(ctx, { method: 'GET', path: '/', authorization: undefined, body: '', ...r }, now)
  return { host, call }
}

const post = (path: string, body: unknown, user = BOT): Partial<RestRequest> => ({
  method: 'POST',
  path,
  authorization: `Bot ${token(user)}`,
  body: typeof body === 'string' ? body : JSON.stringify(body),
})

describe('REST', () => {
  it('GET /gateway needs no token; /gateway/bot does', () => {
    const { call } = setup()
    expect(call({ path: '/v10/gateway' })).toEqual({ status: 200, body: { url: URL } })
    expect(call({ path: '/v10/gateway/bot' }).status).toBe(401)
    expect(call({ path: '/v10/gateway/bot', authorization: token(BOT) }).status).toBe(401) // no "Bot "
    const bot = call({ path: '/v10/gateway/bot', authorization: `Bot ${token(BOT)}` })
    expect(bot).toMatchObject({
      status: 200,
      body: { url: URL, shards: 1, session_start_limit: { total: 1000, remaining: 1000 } },
    })
    expect(call({ path: '/v10/users/@me', authorization: `Bot ${token(BOT)}` }).body).toMatchObject(
      {
        id: BOT,
        bot: true,
      },
    )
  })

  it('POST a message: the message object back, the MESSAGE_CREATE to every session that sees it', () => {
    const { host, call } = setup()
    const socket = new FakeSocket()
    const conn = host.open(socket, {}, 0)
    if (!conn) throw new Error('refused')
    host.receive(conn, frame(2, identifyData(ALICE, { intents: Intents.GUILD_MESSAGES })), 1)
    const answer = call(post(`/v10/channels/${GENERAL}/messages`, { content: 'hi <@10>' }))
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      channel_id: GENERAL,
      guild_id: GUILD,
      author: { id: BOT },
      content: 'hi <@10>',
      mentions: [{ id: ALICE }],
      type: 0,
    })
    expect(socket.frames.at(-1)).toMatchObject({
      t: 'MESSAGE_CREATE',
      d: { id: (answer.body as { id: string }).id, content: 'hi <@10>' },
    })
    expect(host.calls().at(-1)?.call).toMatchObject({
      target: 'actions',
      method: 'sendMessage',
      args: [GENERAL, BOT, 'hi <@10>', { mentions: [ALICE] }],
    })
  })

  it('typing answers 204 and is an engine call', () => {
    const { host, call } = setup()
    expect(call(post(`/v10/channels/${GENERAL}/typing`, ''))).toEqual({ status: 204 })
    expect(host.calls().at(-1)?.call.method).toBe('startTyping')
  })

  it("answers Discord's errors and changes nothing", () => {
    const { host, call } = setup()
    const cases: [Partial<RestRequest>, number, number][] = [
      [
        {
          ...post(`/v10/channels/${GENERAL}/messages`, { content: 'x' }),
          authorization: 'Bot nope',
        },
        401,
        0,
      ],
      [post('/v10/channels/999/messages', { content: 'x' }), 404, 10003],
      [post(`/v10/channels/${GENERAL}/messages`, { content: '  ' }), 400, 50006],
      [post(`/v10/channels/${GENERAL}/messages`, {}), 400, 50006],
      [post(`/v10/channels/${GENERAL}/messages`, { content: 5 }), 400, 50035],
      [post(`/v10/channels/${GENERAL}/messages`, { content: 'x'.repeat(2001) }), 400, 50035],
      [post(`/v10/channels/${GENERAL}/messages`, '{"content": '), 400, 50109],
      [post(`/v10/channels/${GENERAL}/messages`, '[1]'), 400, 50035],
      [{ path: `/v10/channels/${GENERAL}/messages` }, 405, 0],
      [{ path: '/v10/oauth2/applications/@me' }, 404, 0],
      [{ path: '/v9/gateway' }, 404, 0],
    ]
    for (const [request, status, code] of cases) {
      const answer = call(request)
      expect(answer.status, JSON.stringify(request)).toBe(status)
      expect((answer.body as { code: number }).code).toBe(code)
    }
    expect(host.calls()).toEqual([])
  })

  it('403 Missing Access for a channel the user cannot see', () => {
    const { host, call } = setup()
    host.apply(
      {
        target: 'world',
        method: 'createChannel',
        args: [
          {
            id: '1002',
            guildId: GUILD,
            name: 'staff',
            overwrites: [{ id: GUILD, type: 0, deny: '1024' }],
          },
        ],
      },
      50,
    )
    const before = host.calls().length
    expect(call(post('/v10/channels/1002/messages', { content: 'x' }))).toMatchObject({
      status: 403,
      body: { code: 50001 },
    })
    expect(host.calls().filter((r) => r.call.target !== 'clock')).toHaveLength(before - 1)
  })
})
