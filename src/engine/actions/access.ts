import type { EngineContext } from '../context.ts'
import { EngineError } from '../errors.ts'
import type { Channel } from '../world/types.ts'

/**
 * Refuses a user who cannot see a channel (guild: VIEW_CHANNEL; DM: a recipient). Unknown ids are the
 * world's to refuse (`ctx.world.requireUser`, `requireGuild`, `requireChannel`, `requireMember`).
 */
export function requireAccess(ctx: EngineContext, channel: Channel, userId: string): void {
  if (!ctx.world.canView(userId, channel.id)) {
    throw new EngineError(
      'MISSING_ACCESS',
      `user ${userId} cannot see channel ${channel.id}` +
        (channel.guild_id === null ? ' (not a recipient)' : ' (no VIEW_CHANNEL there)'),
    )
  }
}
