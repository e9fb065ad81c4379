import type { EngineContext } from '../context.ts'
import { channelPayload } from '../gateway/payloads.ts'
import { freezeOwned } from '../payload.ts'
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
  /** Sessions whose user can view the channel at dispatch time (before a delete touches the world). */
  function viewersFilter(channel: Channel): (sessionId: string) => boolean {
    return (sessionId) => {
      const session = ctx.states.session(sessionId)
      return session !== undefined && ctx.world.canView(session.userId, channel.id)
    }
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
        filter: viewersFilter(channel),
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
        filter: viewersFilter(channel),
      })
      // Only this channel's overwrites can have changed: only who reads it, and which list it shows.
      // (The filter above has just asked canView of every session for it: these are cached answers.)
      if (sameOverwrites(before, channel)) return
      syncChannels(ctx, channel.guild_id, { channelId: channel.id })
      ctx.lists.guildChanged(channel.guild_id, { users: [], moves: 'all' })
    },

    deleteChannel(channelId) {
      const channel = ctx.world.requireChannel(channelId)
      const payload = freezeOwned(channelPayload(ctx.world, channel))
      if (channel.guild_id === null) {
        ctx.dispatcher.send('channel', channel.id, 'CHANNEL_DELETE', payload)
      } else {
        ctx.dispatcher.send('guild', channel.guild_id, 'CHANNEL_DELETE', payload, {
          filter: viewersFilter(channel),
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

/** Whether an update left a channel's overwrites as they were (a rename changes nobody's sight). */
function sameOverwrites(before: Channel, after: Channel): boolean {
  return (
    JSON.stringify(before.permission_overwrites) === JSON.stringify(after.permission_overwrites)
  )
}
