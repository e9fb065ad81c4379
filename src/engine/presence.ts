import type { EngineContext, PresenceService } from './context.ts'
import { presencePayload } from './gateway/payloads.ts'
import { freezeOwned } from './payload.ts'
import type { PresenceStatus } from './types.ts'

/**
 * Presence (docs/design/semantics.md §7), as litecord's presence manager intends
 * (litecord/presence.py): for each guild of the user, the member lists first (their ops reach the
 * sessions whose ranges cover the user), then PRESENCE_UPDATE through `guild` to sessions with
 * GUILD_PRESENCES that did not already get the change through a member list and are not the user's
 * own; finally PRESENCE_UPDATE without `guild_id` through `friend`. Setting the same status and
 * activities again sends nothing.
 */
export function createPresenceService(
  ctx: Pick<EngineContext, 'world' | 'states' | 'lists' | 'dispatcher'>,
): PresenceService {
  return {
    set(userId, next) {
      const current = ctx.world.presence(userId)
      const activities = freezeOwned([...next.activities])
      if (current.status === next.status && sameJson(current.activities, activities)) return
      const presence = {
        status: next.status as PresenceStatus,
        activities: activities as unknown[],
      }
      ctx.world.setPresence(userId, presence)
      const own = new Set(ctx.states.sessionsOf(userId).map((s) => s.sessionId))
      for (const guildId of ctx.world.userGuildIds(userId)) {
        const toldByList = ctx.lists.membersChanged(guildId, [userId])
        ctx.dispatcher.send(
          'guild',
          guildId,
          'PRESENCE_UPDATE',
          freezeOwned(presencePayload(userId, presence, guildId)),
          { filter: (sessionId) => !own.has(sessionId) && !toldByList.has(sessionId) },
        )
      }
      // Friend links never include the user itself (refused at `sub` and in snapshots); the filter
      // only matters if one did: its own sessions never get its presence.
      ctx.dispatcher.send(
        'friend',
        userId,
        'PRESENCE_UPDATE',
        freezeOwned(presencePayload(userId, presence, null)),
        own.size > 0 ? { filter: (sessionId) => !own.has(sessionId) } : undefined,
      )
    },
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
