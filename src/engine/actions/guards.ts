import type { EngineContext } from '../context.ts'
import { EngineError } from '../errors.ts'
import { toSnowflake } from '../ids.ts'
import type { Channel, Guild, Member } from '../world/types.ts'

/** Lookups that refuse with a clear EngineError, for validating an action before it changes anything. */

export function requireUserId(ctx: EngineContext, id: unknown, what = 'userId'): string {
  const userId = toSnowflake(id, what)
  if (!ctx.world.user(userId)) {
    throw new EngineError(
      'UNKNOWN_USER',
      `${what} ${userId} is not a user; create it with world.createUser`,
    )
  }
  return userId
}

export function requireGuild(ctx: EngineContext, id: unknown): Guild {
  const guildId = toSnowflake(id, 'guildId')
  const guild = ctx.world.guild(guildId)
  if (!guild)
    throw new EngineError('UNKNOWN_GUILD', `no guild ${guildId}; create it with world.createGuild`)
  return guild
}

export function requireChannel(ctx: EngineContext, id: unknown): Channel {
  const channelId = toSnowflake(id, 'channelId')
  const channel = ctx.world.channel(channelId)
  if (!channel) {
    throw new EngineError(
      'UNKNOWN_CHANNEL',
      `no channel ${channelId}; create it with actions.createChannel`,
    )
  }
  return channel
}

export function requireMember(ctx: EngineContext, guildId: string, userId: string): Member {
  const member = ctx.world.member(guildId, userId)
  if (!member) {
    throw new EngineError(
      'UNKNOWN_MEMBER',
      `user ${userId} is not a member of guild ${guildId}; add them with actions.joinGuild`,
    )
  }
  return member
}

/** Refuses a user who cannot see a channel (guild: VIEW_CHANNEL; DM: a recipient). */
export function requireAccess(ctx: EngineContext, channel: Channel, userId: string): void {
  if (!ctx.world.canView(userId, channel.id)) {
    throw new EngineError(
      'MISSING_ACCESS',
      `user ${userId} cannot see channel ${channel.id}` +
        (channel.guild_id === null ? ' (not a recipient)' : ' (no VIEW_CHANNEL there)'),
    )
  }
}
