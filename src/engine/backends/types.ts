import type { StateManagerInternal } from '../gateway/stateManager.ts'
import type { BackendName, Key } from '../types.ts'
import type { Inspector } from '../trace/inspector.ts'
import type { WorldInternal } from '../world/createWorld.ts'
import type { OutgoingEvent } from './event.ts'
import type { Fanout } from './fanout.ts'

/** What every backend may read: the world, the sessions, the inspection stream. */
export interface BackendContext {
  readonly world: WorldInternal
  readonly states: StateManagerInternal
  readonly inspector: Inspector
}

/**
 * One of the six backends (litecord `pubsub/*.py`). Keys reach it already parsed and canonical. Backends
 * without lists (`member`, `user`) and `lazy_guild` (ranges come only from op 14) have no `sub`.
 */
export interface Backend {
  readonly name: BackendName
  /** The canonical key string, or `undefined` when `key` is malformed (the dispatcher explains why). */
  parseKey(key: Key): string | undefined
  /** What a well-formed key looks like, for INVALID_KEY messages. */
  readonly keyShape: string
  /** Fans `event` out to the key's sessions, recording each one in `out`. */
  fanout(key: string, event: OutgoingEvent, out: Fanout): void
  /** The keys that have subscribers now (empty for `member` and `user`, which keep no lists). */
  keys(): string[]
  /** The subscribers: session ids, or for `friend` user ids. */
  subscribers(key: string): string[]
  /** Sessions that could have been reached but were not considered (`explain`, never on the hot path). */
  unconsidered(key: string, considered: ReadonlySet<string>): string[]
  readonly lists?: SubscriptionLists
}

/** The subscribe side of a backend that keeps lists (`guild`, `channel`, `friend`). */
export interface SubscriptionLists {
  /** Throws EngineError when `id` could not subscribe to `key`; changes nothing. */
  check(key: string, id: string): void
  /** Checks, then subscribes (idempotent). */
  sub(key: string, id: string): void
  unsub(key: string, id: string): void
}
