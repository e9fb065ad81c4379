import { serves } from '../gateway/stateManager.ts'
import { shardBase } from '../ids.ts'
import { parsePairKey, splitPairKey } from './keys.ts'
import type { Backend, BackendContext } from './types.ts'

/**
 * `member` (litecord pubsub/member.py `dispatch_member`): key `[guildId, userId]`, no list. The user's
 * sessions that serve the guild's shard receive it, with no intent check; the user's other sessions are
 * skipped with `shard`. Used for a GUILD_CREATE to a joiner and a GUILD_DELETE to a leaver.
 */
export function createMemberBackend(ctx: BackendContext): Backend {
  return {
    name: 'member',
    keyShape: 'a [guildId, userId] pair of snowflakes',
    parseKey: parsePairKey,
    fanout(key, event, out) {
      const [guildId, userId] = splitPairKey(key)
      const base = shardBase(guildId)
      for (const session of ctx.states.sessionsOf(userId)) {
        if (!out.passes(session)) continue
        if (!serves(session, base)) out.skip(session, 'shard')
        else out.send(session, event)
      }
    },
    keys: () => [],
    subscribers(key) {
      const [guildId, userId] = splitPairKey(key)
      const base = shardBase(guildId)
      return ctx.states
        .sessionsOf(userId)
        .filter((s) => serves(s, base))
        .map((s) => s.sessionId)
    },
    unconsidered: () => [],
  }
}
