import { intentFor } from '../gateway/intents.ts'
import { shardBase } from '../ids.ts'
import { ChannelType } from '../world/channelType.ts'
import type { Channel, WorldChange } from '../world/types.ts'
import type { Session } from '../gateway/session.ts'
import type { OutgoingEvent } from './event.ts'
import type { Fanout } from './fanout.ts'
import { parseIdKey } from './keys.ts'
import { SessionLists } from './sessionLists.ts'
import type { Backend, BackendContext } from './types.ts'

/** The `channel` backend with its lists exposed to IDENTIFY and the actions. */
export interface ChannelBackend extends Backend {
  readonly sessions: SessionLists
}

/** World changes that can change who may view a channel (users, presences, messages cannot). */
const PERMISSION_ENTITIES = new Set<WorldChange['entity']>(['guild', 'role', 'channel', 'member'])

const GROUP_DM_FREE = new Set([
  'MESSAGE_CREATE',
  'MESSAGE_UPDATE',
  'MESSAGE_DELETE',
  'MESSAGE_DELETE_BULK',
])

/**
 * `channel` (litecord pubsub/channel.py): channel id → subscribed sessions. For a guild channel a session
 * must serve the guild's shard, hold the GUILD_* intent and be able to VIEW_CHANNEL *now* (the world may
 * have changed since it subscribed). For a DM the DIRECT_* intent decides; in a group DM, MESSAGE_*
 * pass whatever the intents (userdoccers). The channel's type comes from the world, never from the
 * payload; litecord gated DMs with GUILD_* intents (bug 8). An event with no DM variant (CHANNEL_UPDATE…)
 * is not a guild event in a DM, so no intent gates it there. GUILD_MEMBER_UPDATE about a session's own
 * user passes whatever its intents, as through `guild` (docs/design/semantics.md §5).
 */
export function createChannelBackend(ctx: BackendContext): ChannelBackend {
  const sessions = new SessionLists('channel', ctx)

  /**
   * `canView` answers per subscriber list, aligned with the topic's snapshot array: 0 not asked yet,
   * 1 no, 2 yes. A world change that can move a permission (a guild, role, channel or member) starts a
   * new epoch and every list asks again; a new snapshot (a subscriber came or went) gets a new list.
   * The world's own cache answers in two Map lookups keyed by strings, which at 100,000 subscribers
   * cost a channel dispatch about 100 ns per recipient in cache misses; this is an array read.
   */
  const views = new WeakMap<readonly Session[], { epoch: number; answers: Uint8Array }>()
  let epoch = 0
  ctx.world.onChange((change) => {
    if (PERMISSION_ENTITIES.has(change.entity)) epoch++
  })

  function fanoutGuildChannel(channel: Channel, event: OutgoingEvent, out: Fanout): void {
    const bit = intentFor(event.type)?.guild ?? 0
    const selfId = event.intentExemptUserId
    // `guildId >> 22` (BigInt parsing) only once a sharded session asks: most worlds have none.
    let base = -1
    const list = sessions.sessions(channel.id)
    let cached = views.get(list)
    if (cached === undefined || cached.epoch !== epoch) {
      cached = { epoch, answers: new Uint8Array(list.length) }
      views.set(list, cached)
    }
    const answers = cached.answers
    for (let i = 0; i < list.length; i++) {
      const session = list[i] as Session
      if (!out.passes(session)) continue
      if (
        session.shardCount !== 1 &&
        (base < 0 ? (base = shardBase(channel.guild_id as string)) : base) % session.shardCount !==
          session.shardId
      ) {
        out.skip(session, 'shard')
      } else if (bit !== 0 && (session.intents & bit) === 0 && session.userId !== selfId) {
        out.skip(session, 'intents')
      } else if (!canView(answers, i, session, channel.id)) out.skip(session, 'permission')
      else out.send(session, event)
    }
  }

  function canView(answers: Uint8Array, i: number, session: Session, channelId: string): boolean {
    let answer = answers[i] as number
    if (answer === 0) answers[i] = answer = ctx.world.canView(session.userId, channelId) ? 2 : 1
    return answer === 2
  }

  function fanoutPrivateChannel(channel: Channel, event: OutgoingEvent, out: Fanout): void {
    const free = channel.type === ChannelType.GROUP_DM && GROUP_DM_FREE.has(event.type)
    const bit = free ? 0 : (intentFor(event.type)?.dm ?? 0)
    for (const session of sessions.sessions(channel.id)) {
      if (!out.passes(session)) continue
      if (bit !== 0 && (session.intents & bit) === 0) out.skip(session, 'intents')
      else out.send(session, event)
    }
  }

  return {
    name: 'channel',
    keyShape: 'a channel id (snowflake)',
    parseKey: parseIdKey,
    sessions,
    fanout(key, event, out) {
      const channel = ctx.world.channel(key)
      if (!channel) {
        // actions.deleteChannel unsubscribes everyone, but world.deleteChannel changes data only
        // (docs/design/semantics.md §10), so subscribers may outlive their channel. The backend
        // still considers each one (§4): nobody can view a channel that no longer exists.
        for (const session of sessions.sessions(key)) {
          if (out.passes(session)) out.skip(session, 'permission')
        }
        return
      }
      if (channel.guild_id !== null) fanoutGuildChannel(channel, event, out)
      else fanoutPrivateChannel(channel, event, out)
    },
    keys: () => Array.from(sessions.table.keys()),
    subscribers: (key) => sessions.subscriberIds(key),
    unconsidered(key, considered) {
      const channel = ctx.world.channel(key)
      if (!channel) return []
      const users =
        channel.guild_id === null
          ? channel.recipients
          : Array.from(ctx.world.guildMemberIds(channel.guild_id)).filter((u) =>
              ctx.world.canView(u, channel.id),
            )
      return sessions.unconsideredOf(users, considered)
    },
    lists: sessions.subscriptionApi((key) => void ctx.world.requireChannel(key)),
  }
}
