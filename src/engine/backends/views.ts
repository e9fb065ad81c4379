import { CONTENT_EVENTS, Intents } from '../gateway/intents.ts'
import type { Session } from '../gateway/session.ts'
import { parseSnowflake } from '../ids.ts'
import { freezeOwned } from '../payload.ts'
import { ChannelType } from '../world/channelType.ts'
import type { WorldInternal } from '../world/createWorld.ts'

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** An id as the payload gives it, in canonical form (a number or a non-canonical string is still it). */
const idOf = (value: unknown): string | undefined =>
  parseSnowflake(isObject(value) ? value['id'] : value)

/**
 * The per-recipient view of an event, or null when everyone gets the shared payload (most events).
 * Two rules need one (docs/design/semantics.md §5), each view built once and shared by every
 * recipient who needs it:
 * - without MESSAGE_CONTENT, a guild MESSAGE_CREATE/UPDATE that the recipient neither wrote nor is
 *   mentioned in arrives with `content`, `embeds`, `attachments` and `components` empty and no `poll`;
 * - CHANNEL_CREATE/UPDATE of a group DM lists the recipients other than the recipient's own user
 *   (litecord removed them from the shared list, docs/design/litecord-notes.md bug 4).
 * Whether a message is a guild one, and who wrote it, come from the world (the channel's type, the
 * stored message), as the channel backend decides DM-ness; the payload's fields count only for what the
 * world does not know, in any snowflake form.
 */
export function recipientView(
  type: string,
  payload: unknown,
  world: WorldInternal,
  channelId: string | null,
): ((s: Session) => unknown) | null {
  if (!isObject(payload)) return null
  if (CONTENT_EVENTS.has(type)) return contentView(payload, world, channelId)
  if (type === 'CHANNEL_CREATE' || type === 'CHANNEL_UPDATE') {
    const id = idOf(payload)
    const channel = id === undefined ? undefined : world.channel(id)
    if (channel?.type === ChannelType.GROUP_DM && Array.isArray(payload['recipients'])) {
      return groupDmView(payload, payload['recipients'] as unknown[])
    }
  }
  return null
}

function contentView(
  payload: Json,
  world: WorldInternal,
  key: string | null,
): ((s: Session) => unknown) | null {
  const channelId = key ?? parseSnowflake(payload['channel_id'])
  const channel = channelId === undefined ? undefined : world.channel(channelId)
  const inGuild = channel ? channel.guild_id !== null : idOf(payload['guild_id']) !== undefined
  if (!inGuild) return null
  const messageId = idOf(payload)
  const stored =
    channelId !== undefined && messageId !== undefined
      ? world.message(channelId, messageId)
      : undefined
  const author = stored ? stored.author_id : idOf(payload['author'])
  const mentioned = new Set<string | undefined>(
    stored
      ? stored.mentions
      : Array.isArray(payload['mentions'])
        ? (payload['mentions'] as unknown[]).map(idOf)
        : [],
  )
  let redacted: unknown
  return (session) => {
    if ((session.intents & Intents.MESSAGE_CONTENT) !== 0) return payload
    if (session.userId === author || mentioned.has(session.userId)) return payload
    if (redacted === undefined) {
      const { poll: _poll, ...rest } = payload
      redacted = freezeOwned({ ...rest, content: '', embeds: [], attachments: [], components: [] })
    }
    return redacted
  }
}

function groupDmView(payload: Json, recipients: readonly unknown[]): (s: Session) => unknown {
  const byUser = new Map<string, unknown>()
  return (session) => {
    let view = byUser.get(session.userId)
    if (view === undefined) {
      view = freezeOwned({
        ...payload,
        recipients: recipients.filter((r) => idOf(r) !== session.userId),
      })
      byUser.set(session.userId, view)
    }
    return view
  }
}
