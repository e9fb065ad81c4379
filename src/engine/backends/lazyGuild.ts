import type { Session } from '../gateway/session.ts'
import { parseIdKey } from './keys.ts'
import type { Backend } from './types.ts'

/** Where `lazy_guild` learns who holds ranges: the member lists of op 14 (src/engine/lazyGuild/). */
export interface RangeHolders {
  /** Sessions holding a range in any member list of the guild, in the order they first asked. */
  holders(guildId: string): readonly Session[]
  /** Guild ids where some session holds a range. */
  guildsWithHolders(): string[]
}

/**
 * `lazy_guild` through the raw API (docs/design/semantics.md §10): its subscribers are the sessions
 * holding a range in any member list of the guild, and a raw dispatch sends the payload to all of
 * them. Ranges come only from op 14 (`gateway.requestMemberList`), so `sub`/`unsub` are refused
 * with USE_OP_14 by the dispatcher. The member-list updates themselves (per-session ops) are built
 * in src/engine/lazyGuild/.
 */
export function createLazyGuildBackend(ranges: RangeHolders): Backend {
  return {
    name: 'lazy_guild',
    keyShape: 'a guild id (snowflake)',
    parseKey: parseIdKey,
    fanout(key, event, out) {
      out.sendToStates(ranges.holders(key), event)
    },
    keys: () => ranges.guildsWithHolders(),
    subscribers: (key) => ranges.holders(key).map((s) => s.sessionId),
    unconsidered: () => [],
  }
}
