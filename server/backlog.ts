import type { WebSocket } from 'ws'

/**
 * How far behind a client may fall. `ws` queues in memory whatever a socket cannot take yet, without
 * limit, so a client that stops reading would make the server hold every frame it is sent: one op 8
 * for every member of a 100,000-member guild is 25 MB. Past these limits the socket is dropped, as a
 * broken network would drop it; the gateway's session stays resumable.
 */
export interface BacklogLimits {
  /** Bytes queued for one socket above which it is dropped at once. */
  readonly maxBytes: number
  /** Bytes queued above which a backlog that does not shrink counts as stalled... */
  readonly stallBytes: number
  /** ...and for how long (ms, checked at each tick) before the socket is dropped. */
  readonly stallMs: number
}

/**
 * The defaults: far above any one burst a reading client gets (op 8's 25 MB at 100,000 members), and
 * long enough that only a client that really stopped reading is dropped.
 */
export const DEFAULT_BACKLOG: BacklogLimits = {
  maxBytes: 64 * 1024 * 1024,
  stallBytes: 1024 * 1024,
  stallMs: 5_000,
}

/** One socket's backlog, checked after each send and at each tick. */
export interface BacklogWatch {
  /** After a send: drops the socket when its backlog is over `maxBytes`. */
  sent(): void
  /** At a tick: drops the socket when its backlog stayed over `stallBytes` without shrinking. */
  tick(now: number): void
}

/** Watches `ws`; `drop` ends it (a terminate, whose close event the gateway hears as a drop). */
export function watchBacklog(ws: WebSocket, limits: BacklogLimits, drop: () => void): BacklogWatch {
  let last = 0
  let stalledSince: number | null = null
  return {
    sent() {
      if (ws.bufferedAmount > limits.maxBytes) drop()
    },
    tick(now) {
      const bytes = ws.bufferedAmount
      if (bytes <= limits.stallBytes || bytes < last) stalledSince = null
      else if (stalledSince === null) stalledSince = now
      else if (now - stalledSince >= limits.stallMs) drop()
      last = bytes
    },
  }
}
