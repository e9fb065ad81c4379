import type { EngineContext } from '../context.ts'
import type { Session } from '../gateway/session.ts'
import { serves } from '../gateway/stateManager.ts'
import { shardBase } from '../ids.ts'
import { ChannelType } from '../world/channelType.ts'

/**
 * Keeping subscriptions in step with the world, as the actions change it (litecord's `sub_user` /
 * `unsub_user` cascade from guild to readable channels; litecord never refreshed them on overwrite
 * changes, docs/design/litecord-notes.md §4 bug 19).
 */

/** The user's sessions that serve the guild's shard. */
export function servingSessions(ctx: EngineContext, guildId: string, userId: string): Session[] {
  const base = shardBase(guildId)
  return ctx.states.sessionsOf(userId).filter((s) => serves(s, base))
}

/** Subscribes a member's serving sessions to the guild and to its text channels the user can read. */
export function subscribeMember(ctx: EngineContext, guildId: string, userId: string): void {
  for (const session of servingSessions(ctx, guildId, userId)) {
    ctx.backends.guild.sessions.add(guildId, session)
  }
  syncChannels(ctx, guildId, { users: new Set([userId]) })
}

/** Unsubscribes all of a user's sessions from the guild and from every channel of it. */
export function unsubscribeMember(ctx: EngineContext, guildId: string, userId: string): void {
  for (const session of ctx.states.sessionsOf(userId)) {
    ctx.backends.guild.sessions.remove(guildId, session)
    for (const channel of ctx.world.guildChannels(guildId)) {
      ctx.backends.channel.sessions.remove(channel.id, session)
    }
  }
}

/**
 * What a change can concern: the users whose permissions it can change, and the channels it can
 * change them in. Leaving one out means "all of them".
 */
export interface SyncScope {
  /** Only these users' sessions. */
  readonly users?: ReadonlySet<string>
  /** Only this channel (its overwrites changed, or it is new). */
  readonly channelId?: string
}

/**
 * For the guild's subscribed sessions (the scope's users'), subscribes each text channel (the scope's
 * channel) the user can read now and unsubscribes each it cannot, in the order of the guild's
 * subscribers and then of its channels. It costs what the change concerns: a new role concerns nobody
 * (the action makes no call), a role's permissions its members' sessions, an overwrite one channel;
 * re-checking every session × every text channel took 380 ms at 20,000 sessions and 40 channels.
 * Subscriptions a change cannot concern are left as they are (an action never re-checks channels
 * its change did not touch).
 */
export function syncChannels(ctx: EngineContext, guildId: string, scope: SyncScope = {}): void {
  const { users, channelId } = scope
  const channels = ctx.world
    .guildChannels(guildId)
    .filter((c) => c.type === ChannelType.GUILD_TEXT && (channelId ?? c.id) === c.id)
  if (channels.length === 0 || users?.size === 0) return
  for (const session of scopedSessions(ctx, guildId, users)) {
    for (const channel of channels) {
      if (ctx.world.canView(session.userId, channel.id)) {
        ctx.backends.channel.sessions.add(channel.id, session)
      } else ctx.backends.channel.sessions.remove(channel.id, session)
    }
  }
}

/**
 * The guild's subscribed sessions of `users` (all without), in the guild topic's order. The users'
 * own sessions are found through the users and put in the topic's order by their position there:
 * O(k log k) for their k sessions. Filtering the whole topic instead cost an overwrite change on a
 * 1%-of-the-guild role a Set lookup per guild session (100,000 of them). When the users' sessions are
 * a large share of the topic, filtering it is the cheaper way to the same list.
 */
function scopedSessions(
  ctx: EngineContext,
  guildId: string,
  users: ReadonlySet<string> | undefined,
): readonly Session[] {
  const guild = ctx.backends.guild.sessions
  if (users === undefined) return guild.sessions(guildId)
  const candidates: Session[] = []
  const limit = guild.size(guildId) / 8
  for (const userId of users) {
    for (const session of ctx.states.sessionsOf(userId)) {
      if (candidates.push(session) > limit) {
        return guild.sessions(guildId).filter((s) => users.has(s.userId))
      }
    }
  }
  return guild.inListOrder(guildId, candidates)
}

/** Subscribes the shard-0 sessions of these users to a DM or group DM (Discord: no guild → shard 0). */
export function subscribePrivate(
  ctx: EngineContext,
  channelId: string,
  userIds: readonly string[],
) {
  for (const userId of userIds) {
    for (const session of ctx.states.sessionsOf(userId)) {
      if (session.shardId === 0) ctx.backends.channel.sessions.add(channelId, session)
    }
  }
}
