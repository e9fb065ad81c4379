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
  syncChannels(ctx, guildId, (s) => s.userId === userId)
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
 * For the guild's subscribed sessions (those `which` selects), subscribes each text channel the user can
 * read now and unsubscribes each it cannot. Costs O(sessions × channels) of the guild: permission
 * changes are rare next to dispatches.
 */
export function syncChannels(
  ctx: EngineContext,
  guildId: string,
  which: (session: Session) => boolean = () => true,
): void {
  const channels = ctx.world.guildChannels(guildId).filter((c) => c.type === ChannelType.GUILD_TEXT)
  for (const session of ctx.backends.guild.sessions.sessions(guildId)) {
    if (!which(session)) continue
    for (const channel of channels) {
      if (ctx.world.canView(session.userId, channel.id)) {
        ctx.backends.channel.sessions.add(channel.id, session)
      } else ctx.backends.channel.sessions.remove(channel.id, session)
    }
  }
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
