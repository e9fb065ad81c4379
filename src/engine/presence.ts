import type { EngineContext, PresenceService } from './context.ts'
import { presencePayload } from './gateway/payloads.ts'
import { freezeOwned } from './payload.ts'
import type { Session } from './gateway/session.ts'
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
      // IDENTIFY sets the presence every time: the same status with no activities is no change, and
      // needs no copy or JSON to tell.
      const none = next.activities.length === 0 && current.activities.length === 0
      if (current.status === next.status && none) return
      const activities = freezeOwned([...next.activities])
      if (current.status === next.status && sameJson(current.activities, activities)) return
      const presence = {
        status: next.status as PresenceStatus,
        activities: activities as unknown[],
      }
      ctx.world.setPresence(userId, presence)
      // Its own sessions never hear of it (the engine's filters read the session: no set of them).
      const others = (session: Session) => session.userId !== userId
      for (const guildId of ctx.world.userGuildIds(userId)) {
        const toldByList = ctx.lists.membersChanged(guildId, [userId])
        ctx.dispatcher.send(
          'guild',
          guildId,
          'PRESENCE_UPDATE',
          freezeOwned(presencePayload(userId, presence, guildId)),
          { only: (session) => others(session) && !toldByList.has(session) },
        )
      }
      // Friend links never include the user itself (refused at `sub` and in snapshots); the filter
      // only matters if one did: its own sessions never get its presence.
      ctx.dispatcher.send(
        'friend',
        userId,
        'PRESENCE_UPDATE',
        freezeOwned(presencePayload(userId, presence, null)),
        ctx.states.sessionCount(userId) > 0 ? { only: others } : undefined,
      )
    },
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
