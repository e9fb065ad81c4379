import type { EngineContext } from '../context.ts'
import { channelPayload } from '../gateway/payloads.ts'
import { freezeOwned } from '../payload.ts'
import { memberListId } from '../lazyGuild/index.ts'
import { viewChange } from '../world/overwrites.ts'
import { everyoneCanView } from '../world/permissions.ts'
import type { Session } from '../gateway/session.ts'
import type { Channel } from '../world/types.ts'
import { subscribePrivate, syncChannels } from './subscriptions.ts'
import type { ActionsState, Flows } from './types.ts'

type ChannelFlows = Flows<'createChannel' | 'updateChannel' | 'deleteChannel'>

/**
 * Channel flows. A guild channel's CHANNEL_* go through `guild`, filtered to sessions whose user
 * can view the channel (after the change for create and update, before it for delete,
 * docs/design/semantics.md §10); then the channel's subscriptions follow the new permissions and
 * the member lists regroup. A DM or group DM's go to its recipients.
 */
export function channelActions(ctx: EngineContext, state: ActionsState): ChannelFlows {
  /**
   * Sessions whose user can view the channel at dispatch time (before a delete touches the world).
   * Made just before its dispatch and used by it alone: `viewersOf` looks the channel up once.
   */
  function viewersFilter(channel: Channel): (session: Session) => boolean {
    const canView = ctx.world.viewersOf(channel.id)
    return (session) => canView(session.userId, session)
  }

  function announcePrivate(type: 'CHANNEL_CREATE' | 'CHANNEL_UPDATE', channel: Channel): void {
    const payload = freezeOwned(channelPayload(ctx.world, channel))
    for (const userId of channel.recipients) ctx.dispatcher.send('user', userId, type, payload)
  }

  return {
    createChannel(input) {
      const channel = ctx.world.createChannel(input)
      if (channel.guild_id === null) {
        announcePrivate('CHANNEL_CREATE', channel)
        subscribePrivate(ctx, channel.id, channel.recipients)
        return
      }
      const payload = freezeOwned(channelPayload(ctx.world, channel))
      ctx.dispatcher.send('guild', channel.guild_id, 'CHANNEL_CREATE', payload, {
        only: viewersFilter(channel),
      })
      syncChannels(ctx, channel.guild_id, { channelId: channel.id })
    },

    updateChannel(channelId, patch) {
      const before = ctx.world.requireChannel(channelId)
      const channel = ctx.world.updateChannel(before.id, patch)
      const payload = freezeOwned(channelPayload(ctx.world, channel))
      if (channel.guild_id === null) {
        ctx.dispatcher.send('channel', channel.id, 'CHANNEL_UPDATE', payload)
        return
      }
      ctx.dispatcher.send('guild', channel.guild_id, 'CHANNEL_UPDATE', payload, {
        only: viewersFilter(channel),
      })
      // Only this channel's overwrites can have changed, and only VIEW_CHANNEL matters: who reads it
      // (the changed roles' members and members, or everyone for @everyone's), which list it shows.
      const guildId = channel.guild_id
      const change = viewChange(
        guildId,
        before.permission_overwrites,
        channel.permission_overwrites,
      )
      if (!change.everyone && change.roles.length === 0 && change.members.length === 0) return
      const users = change.everyone
        ? undefined
        : new Set([
            ...change.members,
            ...change.roles.flatMap((role) => ctx.world.roleMemberIds(guildId, role)),
          ])
      syncChannels(
        ctx,
        guildId,
        users ? { channelId: channel.id, users } : { channelId: channel.id },
      )
      // The same list id means the same VIEW_CHANNEL overwrites: every list stays as it is.
      if (listIdOf(ctx, before) !== listIdOf(ctx, channel))
        ctx.lists.guildChanged(guildId, { users: [], moves: 'all' })
    },

    deleteChannel(channelId) {
      const channel = ctx.world.requireChannel(channelId)
      const payload = freezeOwned(channelPayload(ctx.world, channel))
      if (channel.guild_id === null) {
        ctx.dispatcher.send('channel', channel.id, 'CHANNEL_DELETE', payload)
      } else {
        ctx.dispatcher.send('guild', channel.guild_id, 'CHANNEL_DELETE', payload, {
          only: viewersFilter(channel),
        })
      }
      for (const session of [...ctx.backends.channel.sessions.sessions(channel.id)]) {
        ctx.backends.channel.sessions.remove(channel.id, session)
      }
      ctx.world.deleteChannel(channel.id)
      state.pendingDmPeers.delete(channel.id)
      // A holder through it moves or lets go; no member's row changes.
      if (channel.guild_id !== null)
        ctx.lists.guildChanged(channel.guild_id, { users: [], moves: 'all' })
    },
  }
}

/** The list a guild channel record shows, from the record itself (not the world's current one). */
function listIdOf(ctx: EngineContext, channel: Channel): string {
  const everyone = ctx.world.everyoneRole(channel.guild_id as string)
  const all = everyone !== undefined && everyoneCanView(channel, everyone)
  return memberListId(all, channel.permission_overwrites)
}
