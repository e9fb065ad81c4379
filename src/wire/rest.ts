import { EngineError, type Simulation } from '../engine/index.ts'
import type { EngineCall } from '../calls/index.ts'
import type { GatewayHost } from './host.ts'
import { isObject } from './protocol.ts'
import { tokenUser, type TokenSeed } from './tokens.ts'

/**
 * The REST routes a bot needs to connect and act (docs/design/gateway-facts.md §3.7), over the same
 * host, so what a bot posts is an engine call like any other: recorded, replayable, fanned out to
 * every session that may see it. Pure: the local gateway adapts node:http to {@link RestRequest}.
 */

/** One request: `path` is what follows `/api` (`/v10/gateway/bot`); `body` is the raw text. */
export interface RestRequest {
  readonly method: string
  readonly path: string
  readonly authorization: string | undefined
  readonly body: string
}

/** One answer: a status and, unless 204, a JSON body. */
export interface RestResponse {
  readonly status: number
  readonly body?: unknown
}

/** What the routes need besides the host: where the gateway is, how tokens are minted. */
export interface RestContext {
  readonly host: GatewayHost
  readonly tokens: TokenSeed
  /** The gateway's `ws://` address, as `/gateway` and `/gateway/bot` announce it. */
  readonly gatewayUrl: string
}

/** Discord's limit on a message's `content`. */
export const MAX_CONTENT = 2000

const error = (status: number, code: number, message: string): RestResponse => ({
  status,
  body: { code, message },
})
const UNAUTHORIZED = error(401, 0, '401: Unauthorized')
const NOT_FOUND = error(404, 0, '404: Not Found')
const METHOD_NOT_ALLOWED = error(405, 0, '405: Method Not Allowed')

const ROUTES: { pattern: RegExp; methods: string[]; auth: boolean; name: Route }[] = [
  { pattern: /^\/v10\/gateway$/, methods: ['GET'], auth: false, name: 'gateway' },
  { pattern: /^\/v10\/gateway\/bot$/, methods: ['GET'], auth: true, name: 'gatewayBot' },
  { pattern: /^\/v10\/users\/@me$/, methods: ['GET'], auth: true, name: 'me' },
  {
    pattern: /^\/v10\/channels\/([0-9]{1,20})\/messages$/,
    methods: ['POST'],
    auth: true,
    name: 'message',
  },
  {
    pattern: /^\/v10\/channels\/([0-9]{1,20})\/typing$/,
    methods: ['POST'],
    auth: true,
    name: 'typing',
  },
]
type Route = 'gateway' | 'gatewayBot' | 'me' | 'message' | 'typing'

/** Answers one REST request at host time `now`. Never throws; bad input changes nothing. */
export function handleRest(ctx: RestContext, request: RestRequest, now: number): RestResponse {
  const path = request.path.split('?')[0] ?? ''
  const route = ROUTES.find((r) => r.pattern.test(path))
  if (!route) return NOT_FOUND
  if (!route.methods.includes(request.method)) return METHOD_NOT_ALLOWED
  const sim = ctx.host.engine.sim
  let userId: string | undefined
  if (route.auth) {
    const header = request.authorization ?? ''
    const token = header.startsWith('Bot ') ? header.slice(4) : undefined
    userId = tokenUser(ctx.tokens, token, (id) => sim.world.user(id) !== undefined)
    if (userId === undefined) return UNAUTHORIZED
  }
  const channelId = route.pattern.exec(path)?.[1] ?? ''
  switch (route.name) {
    case 'gateway':
      return { status: 200, body: { url: ctx.gatewayUrl } }
    case 'gatewayBot':
      return {
        status: 200,
        body: {
          url: ctx.gatewayUrl,
          shards: 1,
          session_start_limit: {
            total: 1000,
            remaining: 1000,
            reset_after: 86_400_000,
            // This gateway does not throttle IDENTIFY; 16 buckets let a client's shards identify
            // at once instead of 5 s apart (docs/design/gateway-facts.md §4: rate_limit_key =
            // shard_id % this).
            max_concurrency: 16,
          },
        },
      }
    case 'me':
      return { status: 200, body: sim.world.user(userId as string) }
    case 'message':
      return createMessage(ctx, sim, channelId, userId as string, request.body, now)
    case 'typing':
      return act(
        ctx,
        sim,
        channelId,
        { target: 'actions', method: 'startTyping', args: [channelId, userId as string] },
        now,
        () => ({ status: 204 }),
      )
  }
}

/** `<@id>` and `<@!id>` in `content`: the users it mentions, as Discord parses them. */
export function mentionedIds(sim: Simulation, content: string): string[] {
  const ids = [...content.matchAll(/<@!?([0-9]{1,20})>/g)].map((m) => m[1] as string)
  return [...new Set(ids)].filter((id) => sim.world.user(id) !== undefined)
}

function createMessage(
  ctx: RestContext,
  sim: Simulation,
  channelId: string,
  userId: string,
  text: string,
  now: number,
): RestResponse {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return error(400, 50109, 'The request body contains invalid JSON.')
  }
  if (!isObject(body)) return error(400, 50035, 'Invalid Form Body')
  const content = body.content ?? ''
  if (typeof content !== 'string' || content.length > MAX_CONTENT) {
    return error(
      400,
      50035,
      `Invalid Form Body: content must be a string of at most ${MAX_CONTENT}`,
    )
  }
  if (content.trim() === '') return error(400, 50006, 'Cannot send an empty message')
  const mentions = mentionedIds(sim, content)
  const call: EngineCall = {
    target: 'actions',
    method: 'sendMessage',
    args: [channelId, userId, content, ...(mentions.length > 0 ? [{ mentions }] : [])],
  }
  let message: unknown
  // The message object is the MESSAGE_CREATE payload the engine made (before any per-recipient view).
  const stop = sim.inspect((event) => {
    if (
      event.type === 'dispatch' &&
      event.eventType === 'MESSAGE_CREATE' &&
      message === undefined
    ) {
      message = event.payload
    }
  })
  try {
    return act(ctx, sim, channelId, call, now, () => ({ status: 200, body: message }))
  } finally {
    stop()
  }
}

/** Applies an action through the host and maps the engine's refusals to Discord's REST errors. */
function act(
  ctx: RestContext,
  sim: Simulation,
  channelId: string,
  call: EngineCall,
  now: number,
  ok: () => RestResponse,
): RestResponse {
  if (sim.world.channel(channelId) === undefined) return error(404, 10003, 'Unknown Channel')
  try {
    const name = sim.world.user(String(call.args[1]))?.username ?? String(call.args[1])
    ctx.host.apply(
      call,
      now,
      `${name}: ${call.method === 'sendMessage' ? 'POST' : 'typing in'} #${sim.world.channel(channelId)?.name ?? channelId} (REST)`,
    )
  } catch (e) {
    if (!(e instanceof EngineError)) throw e
    if (e.code === 'MISSING_ACCESS') return error(403, 50001, 'Missing Access')
    if (e.code === 'INVALID_CHANNEL') {
      return error(400, 50008, 'Cannot send messages in a non-text channel')
    }
    return error(400, 50035, `Invalid Form Body: ${e.message}`)
  }
  return ok()
}
