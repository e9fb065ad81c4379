import { describeValue, toSnowflake } from '../ids.ts'
import { isoTimestamp } from '../time.ts'
import type { WorldInternal } from './internal.ts'
import { deepFreeze } from './plainData.ts'
import { addToIndex, removeFromIndex, type WorldCore } from './state.ts'
import type { Channel, Message } from './types.ts'
import {
  fail,
  newId,
  optionalNewId,
  requireChannel,
  requireInput,
  requireUser,
} from './validate.ts'

/** Discord's message content limit. */
const CONTENT_MAX = 2000

type MessageMutators = Pick<WorldInternal, 'addMessage' | 'editMessage' | 'deleteMessage'>

/**
 * @internal Messages, kept per channel so that edits and deletes of unknown ids can be refused
 * (docs/design/semantics.md §10). Message ids are unique world-wide, as snowflakes are.
 */
export function messageMutators(core: WorldCore): MessageMutators {
  function requireMessage(channelId: unknown, messageId: unknown): Message {
    const channel = requireChannel(core.state, channelId)
    const id = toSnowflake(messageId, 'message id')
    const message = core.state.messages.get(id)
    if (message?.channel_id !== channel.id) {
      fail(
        'UNKNOWN_MESSAGE',
        `channel ${channel.id} has no message ${id}; only stored messages can change`,
      )
    }
    return message
  }

  return {
    addMessage(channelId, authorId, content, opts = {}) {
      const channel = requireChannel(core.state, channelId)
      const author = requireUser(core.state, authorId, 'author id')
      requireParticipant(core, channel, author)
      const text = requireContent(content)
      const o = requireInput(opts, 'message options')
      const mentions = requireMentions(core, o.mentions)
      const taken = (id: string) => core.state.messages.has(id)
      const explicit = optionalNewId(o.id, 'message id', taken)
      const id = newId(core, explicit, 'message id', taken)
      const message: Message = deepFreeze({
        id,
        channel_id: channel.id,
        guild_id: channel.guild_id,
        author_id: author,
        content: text,
        mentions,
        timestamp: isoTimestamp(core.ctx.now()),
        edited_timestamp: null,
      })
      core.state.messages.set(id, message)
      addToIndex(core.state.channelMessages, channel.id, id)
      core.emit(change('create', message))
      return message
    },

    editMessage(channelId, messageId, content) {
      const old = requireMessage(channelId, messageId)
      const text = requireContent(content)
      const edited_timestamp = isoTimestamp(core.ctx.now())
      const message: Message = deepFreeze({ ...old, content: text, edited_timestamp })
      core.state.messages.set(message.id, message)
      core.emit(change('update', message))
      return message
    },

    deleteMessage(channelId, messageId) {
      const message = requireMessage(channelId, messageId)
      core.state.messages.delete(message.id)
      removeFromIndex(core.state.channelMessages, message.channel_id, message.id)
      core.emit(change('delete', message))
      return message
    },
  }
}

/** Only those who are in the conversation write in it: a guild's members, a DM's recipients. */
function requireParticipant(core: WorldCore, channel: Channel, userId: string): void {
  if (channel.guild_id === null) {
    if (!channel.recipients.includes(userId)) {
      fail(
        'UNKNOWN_MEMBER',
        `user ${userId} is not a recipient of channel ${channel.id}, so cannot write in it`,
      )
    }
  } else if (!core.state.guilds.get(channel.guild_id)?.members.has(userId)) {
    fail(
      'UNKNOWN_MEMBER',
      `user ${userId} is not a member of guild ${channel.guild_id}, ` +
        `so cannot write in channel ${channel.id}`,
    )
  }
}

function requireContent(value: unknown): string {
  if (typeof value !== 'string' || value.length > CONTENT_MAX) {
    fail(
      'INVALID_INPUT',
      `message content must be a string of at most ${CONTENT_MAX} characters, ` +
        `got ${describeValue(value)}`,
    )
  }
  return value
}

/** Mentioned users must exist; each is listed once, in the order given. */
function requireMentions(core: WorldCore, value: unknown): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value))
    fail('INVALID_INPUT', `mentions must be an array of user ids, got ${describeValue(value)}`)
  return [...new Set(value.map((v: unknown, i) => requireUser(core.state, v, `mentions[${i}]`)))]
}

function change(op: 'create' | 'update' | 'delete', message: Message) {
  return {
    entity: 'message' as const,
    op,
    id: message.id,
    channelId: message.channel_id,
    ...(message.guild_id === null ? {} : { guildId: message.guild_id }),
  }
}
