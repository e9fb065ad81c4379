import type { EngineContext } from '../context.ts'
import { EngineError } from '../errors.ts'
import { channelPayload } from '../gateway/payloads.ts'
import { freezeOwned } from '../payload.ts'
import { ChannelType } from '../world/channelType.ts'
import type { Channel } from '../world/types.ts'
import { requireAccess } from './access.ts'
import { messagePayload, typingPayload } from './payloads.ts'
import { subscribePrivate } from './subscriptions.ts'
import type { ActionsState, Flows } from './types.ts'

type MessageActions = Flows<'sendMessage' | 'editMessage' | 'deleteMessage' | 'startTyping'>

/**
 * Message flows. Every message event goes through the `channel` backend, which applies shard, intents,
 * VIEW_CHANNEL and MESSAGE_CONTENT redaction per recipient.
 */
export function messageActions(ctx: EngineContext, state: ActionsState): MessageActions {
  /**
   * openDm told only its opener; the peer learns of the DM with its first message
   * (docs/design/semantics.md §10).
   */
  function tellPendingPeer(channel: Channel): void {
    const peer = state.pendingDmPeers.get(channel.id)
    if (peer === undefined) return
    state.pendingDmPeers.delete(channel.id)
    ctx.dispatcher.send(
      'user',
      peer,
      'CHANNEL_CREATE',
      freezeOwned(channelPayload(ctx.world, channel)),
    )
    subscribePrivate(ctx, channel.id, [peer])
  }

  return {
    sendMessage(channelId, authorId, content, opts = {}) {
      const channel = ctx.world.requireChannel(channelId)
      const author = ctx.world.requireUser(authorId, 'authorId').id
      requireAccess(ctx, channel, author)
      if (typeof content !== 'string') {
        throw new EngineError('INVALID_INPUT', `content must be a string; got ${typeof content}`)
      }
      if (channel.type !== ChannelType.GUILD_TEXT && channel.guild_id !== null) {
        throw new EngineError('INVALID_CHANNEL', `channel ${channel.id} is not a text channel`)
      }
      const message = ctx.world.addMessage(channel.id, author, content, opts)
      if (channel.type === ChannelType.DM) tellPendingPeer(channel)
      ctx.dispatcher.send(
        'channel',
        channel.id,
        'MESSAGE_CREATE',
        freezeOwned(messagePayload(ctx, message)),
      )
    },
    editMessage(channelId, messageId, content) {
      const channel = ctx.world.requireChannel(channelId)
      const message = ctx.world.editMessage(channel.id, messageId, content)
      ctx.dispatcher.send(
        'channel',
        channel.id,
        'MESSAGE_UPDATE',
        freezeOwned(messagePayload(ctx, message)),
      )
    },
    deleteMessage(channelId, messageId) {
      const channel = ctx.world.requireChannel(channelId)
      const message = ctx.world.deleteMessage(channel.id, messageId)
      ctx.dispatcher.send(
        'channel',
        channel.id,
        'MESSAGE_DELETE',
        freezeOwned({
          id: message.id,
          channel_id: channel.id,
          ...(channel.guild_id === null ? {} : { guild_id: channel.guild_id }),
        }),
      )
    },
    startTyping(channelId, userId) {
      const channel = ctx.world.requireChannel(channelId)
      const user = ctx.world.requireUser(userId, 'userId').id
      requireAccess(ctx, channel, user)
      const payload = typingPayload(ctx, channel.id, channel.guild_id, user)
      ctx.dispatcher.send('channel', channel.id, 'TYPING_START', freezeOwned(payload))
    },
  }
}
