import type { EngineContext } from '../context.ts'
import { EngineError } from '../errors.ts'
import { Intents } from '../gateway/intents.ts'
import { guildCreatePayload, DEFAULT_LARGE_THRESHOLD, userPayload } from '../gateway/payloads.ts'
import type { Session } from '../gateway/session.ts'
import { freezeOwned } from '../payload.ts'
import { guildMemberPayload } from './payloads.ts'
import {
  servingSessions,
  subscribeMember,
  syncChannels,
  unsubscribeMember,
} from './subscriptions.ts'
import type { Flows } from './types.ts'

type MembershipFlows = Flows<'joinGuild' | 'leaveGuild' | 'setMemberRoles' | 'setNick'>

/** GUILD_CREATE and GUILD_DELETE are GUILDS events: the member backend has no intents, so filter. */
const hasGuilds = (session: Session) => (session.intents & Intents.GUILDS) !== 0

/** Joining, leaving and member updates (docs/design/semantics.md §8, §10). */
export function membershipActions(ctx: EngineContext): MembershipFlows {
  /** GUILD_MEMBER_UPDATE through `guild`, subscriptions re-checked, then the member lists. */
  function memberUpdated(guildId: string, userId: string): void {
    const member = ctx.world.requireMember(guildId, userId)
    ctx.dispatcher.send(
      'guild',
      guildId,
      'GUILD_MEMBER_UPDATE',
      freezeOwned(guildMemberPayload(ctx, member)),
    )
    syncChannels(ctx, guildId, { users: new Set([userId]) })
    ctx.lists.membersChanged(guildId, [userId])
  }

  return {
    /**
     * GUILD_MEMBER_ADD to the current subscribers only (the joiner learns from its GUILD_CREATE, as on
     * Discord), then the joiner's serving sessions subscribe, then GUILD_CREATE through `member`, then
     * the member lists.
     */
    joinGuild(guildId, userId) {
      const guild = ctx.world.requireGuild(guildId)
      const user = ctx.world.requireUser(userId, 'userId').id
      const member = ctx.world.addMember(guild.id, user)
      ctx.dispatcher.send(
        'guild',
        guild.id,
        'GUILD_MEMBER_ADD',
        freezeOwned(guildMemberPayload(ctx, member)),
      )
      subscribeMember(ctx, guild.id, user)
      // GUILD_CREATE's presences depend on each session's GUILD_PRESENCES: two shared views.
      const views = new Map<boolean, unknown>()
      const view = (session: Session) => {
        const presences = (session.intents & Intents.GUILD_PRESENCES) !== 0
        if (!views.has(presences)) {
          views.set(
            presences,
            freezeOwned(guildCreatePayload(ctx.world, guild, session, DEFAULT_LARGE_THRESHOLD)),
          )
        }
        return views.get(presences)
      }
      const sample = servingSessions(ctx, guild.id, user)[0]
      const payload = sample ? view(sample) : freezeOwned({ id: guild.id })
      ctx.dispatcher.send('member', `${guild.id}:${user}`, 'GUILD_CREATE', payload, {
        only: hasGuilds,
        view,
      })
      ctx.lists.membersChanged(guild.id, [user])
    },

    /** The mirror: GUILD_DELETE through `member`, unsubscribe, GUILD_MEMBER_REMOVE, member lists. */
    leaveGuild(guildId, userId) {
      const guild = ctx.world.requireGuild(guildId)
      const user = ctx.world.requireUser(userId, 'userId').id
      ctx.world.requireMember(guild.id, user)
      if (guild.owner_id === user) {
        throw new EngineError(
          'OWNER_CANNOT_LEAVE',
          `user ${user} owns guild ${guild.id} and cannot leave it (Discord: transfer ownership first)`,
        )
      }
      // `unavailable` unset: the user left (docs/design/gateway-facts.md §3.3), not an outage.
      ctx.dispatcher.send(
        'member',
        `${guild.id}:${user}`,
        'GUILD_DELETE',
        freezeOwned({ id: guild.id }),
        {
          only: hasGuilds,
        },
      )
      unsubscribeMember(ctx, guild.id, user)
      ctx.lists.userLeftGuild(guild.id, user)
      ctx.world.removeMember(guild.id, user)
      const target = ctx.world.user(user)
      ctx.dispatcher.send(
        'guild',
        guild.id,
        'GUILD_MEMBER_REMOVE',
        freezeOwned({ guild_id: guild.id, user: target ? userPayload(target) : { id: user } }),
      )
      ctx.lists.membersChanged(guild.id, [user])
    },

    setMemberRoles(guildId, userId, roles) {
      const guild = ctx.world.requireGuild(guildId)
      const user = ctx.world.requireUser(userId, 'userId').id
      ctx.world.setMemberRoles(guild.id, user, roles)
      memberUpdated(guild.id, user)
    },

    setNick(guildId, userId, nick) {
      const guild = ctx.world.requireGuild(guildId)
      const user = ctx.world.requireUser(userId, 'userId').id
      ctx.world.setNick(guild.id, user, nick)
      memberUpdated(guild.id, user)
    },
  }
}
