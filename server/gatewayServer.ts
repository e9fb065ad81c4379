import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import type { Scenario } from '../src/scenarios/types.ts'
import { GatewayHost } from '../src/wire/host.ts'
import { handleRest } from '../src/wire/rest.ts'
import { mintToken, type TokenSeed } from '../src/wire/tokens.ts'
import { buildScenario } from './scenario.ts'
import { serveStatic } from './staticFiles.ts'
import { attachLive } from './live.ts'
import { requestTarget } from './requestTarget.ts'
import { DEFAULT_BACKLOG, watchBacklog, type BacklogLimits, type BacklogWatch } from './backlog.ts'

/** Options of {@link startGatewayServer}. */
export interface GatewayServerOptions {
  readonly scenario: Scenario
  /** 0 (default) picks a free port. */
  readonly port?: number
  /** Default Discord's 41,250 ms. */
  readonly heartbeatIntervalMs?: number | undefined
  /** The built site to serve (`dist/`); absent: the site's routes answer 503 with how to build. */
  readonly siteDir?: string
  /** The host's clock (default `Date.now`); tests may pass their own. */
  readonly now?: () => number
  /** See `GatewayHostOptions.reconnectGraceMs` (src/wire/host.ts). */
  readonly reconnectGraceMs?: number | undefined
  /** See `GatewayHostOptions.withoutPrivilegedIntents`. */
  readonly withoutPrivilegedIntents?: readonly string[] | undefined
  /** How far behind a client may fall before its socket is dropped; default {@link DEFAULT_BACKLOG}. */
  readonly backlog?: BacklogLimits | undefined
}

/** A running local gateway. */
export interface GatewayServer {
  readonly port: number
  /** `http://127.0.0.1:<port>` */
  readonly origin: string
  /** `ws://127.0.0.1:<port>/gateway`: what `/gateway/bot` announces. */
  readonly gatewayUrl: string
  readonly host: GatewayHost
  /** One line per user: its username, whether it is a bot, its token. */
  readonly users: readonly { id: string; username: string; bot: boolean; token: string }[]
  /** Closes every socket and the server. */
  close(): Promise<void>
}

/** Request bodies above this are refused (413) before they are read whole. */
const MAX_BODY_BYTES = 64 * 1024
/** The `ws` package's own frame limit: far above the protocol's 4096, so the wire layer says 4002. */
const MAX_WS_FRAME = 1024 * 1024
/** The zombie and op 7 deadlines are checked this often (at most). */
const TICK_MS = 250

/**
 * Starts the local gateway on 127.0.0.1: the built site, Discord's REST routes under `/api`, the
 * gateway WebSocket at `/gateway`, and the live view's stream at `/live`, all over one engine built
 * from the scenario.
 */
export async function startGatewayServer(options: GatewayServerOptions): Promise<GatewayServer> {
  const now = options.now ?? Date.now
  const run = buildScenario(options.scenario)
  const tokens: TokenSeed = { seed: options.scenario.seed, startTime: run.sim.clock.now() }
  const http = createServer()
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (http.address() as AddressInfo).port
  const origin = `http://127.0.0.1:${port}`
  const gatewayUrl = `ws://127.0.0.1:${port}/gateway`
  const host = new GatewayHost({
    engine: run,
    tokens,
    wire: { resumeGatewayUrl: gatewayUrl },
    heartbeatIntervalMs: options.heartbeatIntervalMs,
    reconnectGraceMs: options.reconnectGraceMs,
    withoutPrivilegedIntents: options.withoutPrivilegedIntents,
    now: now(),
  })

  const backlog = options.backlog ?? DEFAULT_BACKLOG
  const watches = new Set<BacklogWatch>()

  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    try {
      answer(req, res)
    } catch (error) {
      report('a request', error)
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ code: 0, message: '500: Internal Server Error' }))
    }
  })

  function answer(req: IncomingMessage, res: ServerResponse): void {
    if (!loopbackHost(req)) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('This local gateway answers only requests addressed to 127.0.0.1 or localhost.\n')
      return
    }
    const url = req.url ?? '/'
    if (url === '/api' || url.startsWith('/api/')) {
      readBody(req, res, (body) => {
        const answer = handleRest(
          { host, tokens, gatewayUrl },
          {
            method: req.method ?? 'GET',
            path: url.slice('/api'.length),
            authorization: req.headers.authorization,
            body,
          },
          now(),
        )
        if (answer.body === undefined) res.writeHead(answer.status).end()
        else {
          res.writeHead(answer.status, { 'content-type': 'application/json' })
          res.end(JSON.stringify(answer.body))
        }
      })
      return
    }
    if (options.siteDir === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('No site served\n')
    } else serveStatic(options.siteDir, req, res)
  }

  const gateway = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_FRAME })
  const live = attachLive(host, options.scenario.id, now, backlog)
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    try {
      upgrade(req, socket, head)
    } catch (error) {
      report('an upgrade', error)
      socket.destroy()
    }
  })

  function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (!loopbackHost(req)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
      return
    }
    const pathname = requestTarget(req.url)?.pathname
    if ((pathname === '/gateway' || pathname === '/gateway/') && !loopbackOrigin(req)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
    } else if (pathname === '/gateway' || pathname === '/gateway/') {
      gateway.handleUpgrade(req, socket, head, (ws) => openGateway(ws, req))
    } else if (pathname === '/live' && sameOrigin(req, origin)) {
      live.upgrade(req, socket, head)
    } else {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n')
    }
  }

  function openGateway(ws: WebSocket, req: IncomingMessage): void {
    const query = requestTarget(req.url)?.searchParams ?? new URLSearchParams()
    // A client that does not read is dropped (its session stays resumable): the close event that
    // follows the terminate tells the host, outside the call whose frames overflowed.
    const watch = watchBacklog(ws, backlog, () => ws.terminate())
    const conn = host.open(
      {
        send: (text) => {
          if (ws.readyState !== ws.OPEN) return
          ws.send(text)
          watch.sent()
        },
        close: (code, reason) => ws.close(code, reason),
        drop: () => ws.terminate(),
      },
      { v: query.get('v'), encoding: query.get('encoding') },
      now(),
    )
    if (!conn) return
    watches.add(watch)
    ws.on(
      'message',
      guarded('a gateway frame', (data: RawData, isBinary: boolean) => {
        if (isBinary) host.receiveBinary(conn, now())
        else host.receive(conn, rawText(data), now())
      }),
    )
    ws.on(
      'close',
      guarded('a gateway close', (code: number) => {
        watches.delete(watch)
        host.closed(conn, code === 1005 || code === 1006 ? null : code, now())
      }),
    )
    ws.on(
      'error',
      guarded('a gateway socket error', () => host.closed(conn, null, now())),
    )
  }

  const ticker = setInterval(
    guarded('the heartbeat ticker', () => {
      const at = now()
      for (const watch of watches) watch.tick(at)
      host.tick(at)
    }),
    Math.min(TICK_MS, Math.max(10, Math.floor(host.heartbeatIntervalMs / 4))),
  )
  ticker.unref()

  const users = run.sim.world.users().map((u) => ({
    id: u.id,
    username: u.username,
    bot: u.bot,
    token: mintToken(tokens, u.id),
  }))

  return {
    port,
    origin,
    gatewayUrl,
    host,
    users,
    async close() {
      clearInterval(ticker)
      live.close()
      for (const client of gateway.clients) client.terminate()
      gateway.close()
      http.closeAllConnections()
      await new Promise<void>((resolve) => http.close(() => resolve()))
    },
  }
}

/**
 * An event handler that cannot take the server down: an exception thrown in a Node event handler
 * ends the process. The host answers every bad input itself and never throws; one that does is a
 * bug, reported on stderr, and the other clients keep their gateway.
 */
function guarded<A extends unknown[]>(what: string, handler: (...args: A) => void) {
  return (...args: A): void => {
    try {
      handler(...args)
    } catch (error) {
      report(what, error)
    }
  }
}

function report(what: string, error: unknown): void {
  console.error(`fanout gateway: ${what} failed:`, error)
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  return Buffer.from(data as ArrayBuffer).toString('utf8')
}

/**
 * The gateway is for bots and for pages served from this machine. A browser sends its page's origin
 * with every WebSocket, and lets a page on any site open one to 127.0.0.1; Node clients (a bot) send
 * none. Tokens and session ids here come from the seed, and the docs print them, so a page from
 * elsewhere could act as any user or take a bot's session over: it is refused (403).
 */
function loopbackOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin
  if (origin === undefined) return true
  try {
    return isLoopback(new URL(origin).hostname)
  } catch {
    return false
  }
}

/**
 * Whether the request was addressed to this machine (`Host`). A site whose name an attacker points at
 * 127.0.0.1 (DNS rebinding) makes the browser treat this server as that site's own origin, so its page
 * could call the REST API with any token; its requests carry its own name as `Host` and are refused.
 * A request without `Host` (HTTP/1.0, no browser sends one) is let through.
 */
function loopbackHost(req: IncomingMessage): boolean {
  const host = req.headers.host
  if (host === undefined) return true
  try {
    return isLoopback(new URL(`http://${host}`).hostname)
  } catch {
    return false
  }
}

function isLoopback(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]'
}

/** The live stream is for the page this server serves: a browser sends its origin, which must match. */
function sameOrigin(req: IncomingMessage, origin: string): boolean {
  return req.headers.origin === undefined || req.headers.origin === origin
}

function readBody(req: IncomingMessage, res: ServerResponse, done: (body: string) => void): void {
  const chunks: Buffer[] = []
  let size = 0
  req.on('data', (chunk: Buffer) => {
    size += chunk.length
    if (size > MAX_BODY_BYTES) {
      res.writeHead(413, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ code: 0, message: '413: Request Entity Too Large' }))
      req.destroy()
      return
    }
    chunks.push(chunk)
  })
  req.on('end', () => {
    if (size <= MAX_BODY_BYTES) done(Buffer.concat(chunks).toString('utf8'))
  })
}
