import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import type { EngineCall } from '../src/calls/index.ts'
import type { GatewayHost } from '../src/wire/host.ts'
import type { BacklogLimits } from './backlog.ts'
import {
  LIVE_PROTOCOL_VERSION,
  readLiveRequest,
  type LiveMessage,
} from '../src/wire/liveProtocol.ts'

/** The live stream's side of the server: upgrade a request, close everything. */
export interface LiveStream {
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  close(): void
}

/**
 * The live view's stream (`/live`, same origin only): a page that opens it gets the scenario's id and
 * every call the gateway has recorded so far, then each new call as it is recorded, and may send calls
 * of its own (the playground's dispatches, actions and faults), which the host applies like any other,
 * so the user's bot sees them. Messages are `src/wire/liveProtocol.ts`.
 */
export function attachLive(
  host: GatewayHost,
  scenarioId: string,
  now: () => number,
  backlog: BacklogLimits,
): LiveStream {
  const server = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 })
  const send = (ws: WebSocket, message: LiveMessage) => ws.send(JSON.stringify(message))
  // A page that stops reading would make the server keep every step for it: past the limit it is
  // dropped (a browser reads its socket whatever its page does; hello, however long, always goes).
  const stop = host.onStep((step) => {
    for (const ws of server.clients) {
      send(ws, { type: 'step', ...step })
      if (ws.bufferedAmount > backlog.maxBytes) ws.terminate()
    }
  })

  server.on('connection', (ws: WebSocket) => {
    send(ws, {
      type: 'hello',
      version: LIVE_PROTOCOL_VERSION,
      scenario: scenarioId,
      steps: host.steps(),
      wire: host.wire,
    })
    ws.on('message', (data: RawData) => {
      const request = readLiveRequest(String(data))
      if ('error' in request) return send(ws, { type: 'refused', id: null, message: request.error })
      try {
        if (request.type === 'call') host.apply(request.call as EngineCall, now(), 'from the page')
        else {
          const done =
            request.type === 'drop'
              ? host.dropConnection(request.sessionId, now())
              : request.type === 'reconnect'
                ? host.requestReconnect(request.sessionId, now())
                : host.requestHeartbeat(request.sessionId)
          if (!done) {
            const message = `no client is connected to session ${request.sessionId} on this gateway`
            return send(ws, { type: 'refused', id: request.id, message })
          }
        }
        send(ws, { type: 'done', id: request.id })
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        send(ws, { type: 'refused', id: request.id, message })
      }
    })
  })

  return {
    upgrade(req, socket, head) {
      server.handleUpgrade(req, socket, head, (ws) => server.emit('connection', ws, req))
    },
    close() {
      stop()
      for (const ws of server.clients) ws.terminate()
      server.close()
    },
  }
}
