import { EngineError } from '../errors.ts'
import { describeValue } from '../ids.ts'
import { parseIdKey } from './keys.ts'
import type { Backend, BackendContext } from './types.ts'

/** The `friend` backend with the link operations IDENTIFY and the friendship actions use. */
export interface FriendBackend extends Backend {
  /** Links two friends both ways (idempotent). */
  link(a: string, b: string): void
  /**
   * Links `a` with each of `peers`, both ways, in their order: `link(a, peer)` for each, with `a`'s own
   * set looked up once (IDENTIFY links a user's friends; each lookup is a miss in a table of the
   * world's size).
   */
  linkAll(a: string, peers: Iterable<string>): void
  /** Unlinks both ways (absent links are a no-op). */
  unlink(a: string, b: string): void
  peers(userId: string): ReadonlySet<string>
  /** Every broadcaster with its peers, in order (snapshots). */
  entries(): [string, string[]][]
  /** Restores one directed link without reporting it. */
  restoreLink(key: string, peer: string): void
}

const NO_PEERS: ReadonlySet<string> = new Set()

/**
 * `friend` (litecord pubsub/friend.py): key a *broadcaster* user id → the peer user ids that receive its
 * events; a dispatch reaches every session of every peer, any shard, no intents. Links are per user, so
 * they survive sessions coming and going. litecord linked one direction at a time and only after an
 * IDENTIFY (bug 16); here a friendship links both ways as soon as IDENTIFY or addFriend sees it.
 */
export function createFriendBackend(ctx: BackendContext): FriendBackend {
  const links = new Map<string, Set<string>>()

  function emit(type: 'subscribe' | 'unsubscribe', key: string, subscriber: string): void {
    if (ctx.inspector.active) {
      ctx.inspector.emit({ type, backend: 'friend', key, subscriber })
    }
  }
  function add(key: string, peer: string): void {
    let set = links.get(key)
    if (!set) links.set(key, (set = new Set()))
    if (set.has(peer)) return
    set.add(peer)
    emit('subscribe', key, peer)
  }
  function remove(key: string, peer: string): void {
    const set = links.get(key)
    if (!set?.delete(peer)) return
    if (set.size === 0) links.delete(key)
    emit('unsubscribe', key, peer)
  }

  return {
    name: 'friend',
    keyShape: 'a user id (snowflake)',
    parseKey: parseIdKey,
    fanout(key, event, out) {
      for (const peer of links.get(key) ?? NO_PEERS) {
        out.sendToStates(ctx.states.sessionsOf(peer), event)
      }
    },
    keys: () => Array.from(links.keys()),
    subscribers: (key) => Array.from(links.get(key) ?? NO_PEERS),
    unconsidered: () => [],
    link(a, b) {
      add(a, b)
      add(b, a)
    },
    linkAll(a, peers) {
      let own = links.get(a)
      for (const b of peers) {
        // add(a, b), with `a`'s set at hand (made on the first link, as add makes it).
        if (!own) links.set(a, (own = new Set()))
        if (!own.has(b)) {
          own.add(b)
          emit('subscribe', a, b)
        }
        add(b, a)
      }
    },
    unlink(a, b) {
      remove(a, b)
      remove(b, a)
    },
    peers: (userId) => links.get(userId) ?? NO_PEERS,
    entries: () => Array.from(links, ([key, peers]) => [key, Array.from(peers)]),
    restoreLink(key, peer) {
      let set = links.get(key)
      if (!set) links.set(key, (set = new Set()))
      set.add(peer)
    },
    lists: {
      check,
      sub(key, id) {
        check(key, id)
        add(key, id)
      },
      unsub(key, id) {
        remove(key, id)
      },
    },
  }

  function check(key: string, id: string): void {
    ctx.world.requireUser(key, 'friend key')
    if (typeof id !== 'string' || !/^(0|[1-9][0-9]*)$/.test(id)) {
      throw new EngineError(
        'INVALID_ID',
        `friend subscribers are user ids (decimal strings), got ${describeValue(id)}`,
      )
    }
    ctx.world.requireUser(id, 'subscriber')
    // As world.addFriendship: a user is never its own peer, so its presence never reaches its own
    // sessions (docs/design/semantics.md §7), nor anything a new session ahead of READY (§3).
    if (id === key) {
      throw new EngineError(
        'SELF_FRIENDSHIP',
        `user ${id} cannot subscribe to its own friend key; name two different users`,
      )
    }
  }
}
