import { intentFor } from '../gateway/intents.ts'
import { shardBase } from '../ids.ts'
import type { Fanout } from './fanout.ts'
import type { OutgoingEvent } from './event.ts'
import { parseIdKey } from './keys.ts'
import { SessionLists } from './sessionLists.ts'
import type { Backend, BackendContext } from './types.ts'

/** The `guild` backend with its lists exposed to IDENTIFY and the actions. */
export interface GuildBackend extends Backend {
  readonly sessions: SessionLists
}

/**
 * `guild` (litecord pubsub/guild.py): guild id → subscribed sessions. A session receives a guild event
 * when it serves the guild's shard and holds the event's intent. Unlike litecord, disconnected sessions
 * stay subscribed and buffer (bug 9), events under no intent pass (bug 6), and GUILD_MEMBER_UPDATE
 * reaches every GUILD_MEMBERS holder plus the member's own sessions whatever their intents (bug 7).
 */
export function createGuildBackend(ctx: BackendContext): GuildBackend {
  const sessions = new SessionLists('guild', ctx)

  return {
    name: 'guild',
    keyShape: 'a guild id (snowflake)',
    parseKey: parseIdKey,
    sessions,
    fanout(key: string, event: OutgoingEvent, out: Fanout) {
      const bit = intentFor(event.type)?.guild ?? 0
      const selfId = event.intentExemptUserId
      // `guildId >> 22` (BigInt parsing) only once a sharded session asks: most worlds have none.
      let base = -1
      for (const session of sessions.sessions(key)) {
        if (!out.passes(session)) continue
        if (
          session.shardCount !== 1 &&
          (base < 0 ? (base = shardBase(key)) : base) % session.shardCount !== session.shardId
        ) {
          out.skip(session, 'shard')
        } else if (bit !== 0 && (session.intents & bit) === 0 && session.userId !== selfId) {
          out.skip(session, 'intents')
        } else out.send(session, event)
      }
    },
    keys: () => Array.from(sessions.table.keys()),
    subscribers: (key) => sessions.subscriberIds(key),
    unconsidered: (key, considered) =>
      sessions.unconsideredOf(ctx.world.guildMemberIds(key), considered),
    lists: sessions.subscriptionApi((key) => void ctx.world.requireGuild(key)),
  }
}
