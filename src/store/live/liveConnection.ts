import type { EngineCall } from '../../calls/index.ts'
import { LIVE_PROTOCOL_VERSION, type LiveMessage } from '../../wire/liveProtocol.ts'

/** What the server says first: its scenario, the steps so far, its wire context. */
export type LiveHello = Extract<LiveMessage, { type: 'hello' }>

/**
 * Whether this page was served by a local gateway (`npm run gateway`), which marks the pages it serves
 * with `<meta name="fanout-live" content="/live">` (server/staticFiles.ts); a static host serves them
 * unmarked. Returns the address of the gateway's live stream on this page's host, or null.
 */
export function findLiveGateway(
  document: {
    querySelector(selector: string): { getAttribute(name: string): string | null } | null
  },
  location: { host: string; protocol: string },
): string | null {
  const path = document.querySelector('meta[name="fanout-live"]')?.getAttribute('content')
  if (typeof path !== 'string' || !/^\/[a-z-]*$/.test(path)) return null
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`
}

/** Handlers of a live stream's messages. */
export interface LiveHandlers {
  hello(hello: LiveHello): void
  step(calls: readonly EngineCall[]): void
  /** The gateway refused something the page sent. */
  refused(message: string): void
  /** The stream ended (the gateway stopped, or spoke another version). */
  lost(reason: string): void
}

/** What only the wire can do to a session's client: drop its socket, send op 7, or ask for op 1. */
export type WireRequest = 'drop' | 'reconnect' | 'heartbeat'

/** An open live stream: send the page's calls or wire requests, or close it. */
export interface LiveConnection {
  send(calls: readonly EngineCall[]): void
  request(type: WireRequest, sessionId: string): void
  close(): void
}

/** Opens the gateway's live stream (`src/wire/liveProtocol.ts`). */
export function openLive(url: string, on: LiveHandlers): LiveConnection {
  const ws = new WebSocket(url)
  let nextId = 1
  let ended = false
  const lost = (reason: string) => {
    if (ended) return
    ended = true
    on.lost(reason)
  }
  ws.onmessage = (event) => {
    let message: LiveMessage
    try {
      message = JSON.parse(String(event.data)) as LiveMessage
    } catch {
      return lost('the gateway sent something that is not JSON')
    }
    if (message.type === 'hello') {
      if (message.version !== LIVE_PROTOCOL_VERSION) {
        ws.close()
        return lost(
          `the gateway speaks live protocol ${message.version}, this page ${LIVE_PROTOCOL_VERSION}`,
        )
      }
      on.hello(message)
    } else if (message.type === 'step') on.step(message.calls)
    else if (message.type === 'refused') on.refused(message.message)
  }
  ws.onclose = () => lost('the connection to the gateway closed (was it stopped?)')
  return {
    send(calls) {
      if (ws.readyState !== WebSocket.OPEN) return on.refused('not connected to the gateway')
      for (const call of calls) ws.send(JSON.stringify({ type: 'call', id: nextId++, call }))
    },
    request(type, sessionId) {
      if (ws.readyState !== WebSocket.OPEN) return on.refused('not connected to the gateway')
      ws.send(JSON.stringify({ type, id: nextId++, sessionId }))
    },
    close() {
      ended = true
      ws.close()
    },
  }
}
