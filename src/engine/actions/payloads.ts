import type { EngineContext } from '../context.ts'
import { memberPayload, userPayload } from '../gateway/payloads.ts'
import type { Member, Message } from '../world/types.ts'

/** A message object as MESSAGE_CREATE / MESSAGE_UPDATE carry it. */
export function messagePayload(ctx: EngineContext, message: Message) {
  const author = ctx.world.user(message.author_id)
  const member =
    message.guild_id === null ? undefined : ctx.world.member(message.guild_id, message.author_id)
  return {
    id: message.id,
    channel_id: message.channel_id,
    ...(message.guild_id === null ? {} : { guild_id: message.guild_id }),
    author: author ? userPayload(author) : { id: message.author_id },
    ...(member
      ? { member: { roles: [...member.roles], nick: member.nick, joined_at: member.joined_at } }
      : {}),
    type: 0,
    content: message.content,
    timestamp: message.timestamp,
    edited_timestamp: message.edited_timestamp,
    tts: false,
    mention_everyone: false,
    mentions: message.mentions.map((id) => {
      const user = ctx.world.user(id)
      return user ? userPayload(user) : { id }
    }),
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
  }
}

/** TYPING_START: `timestamp` is in seconds, as on Discord. */
export function typingPayload(
  ctx: EngineContext,
  channelId: string,
  guildId: string | null,
  userId: string,
) {
  const member = guildId === null ? undefined : ctx.world.member(guildId, userId)
  return {
    channel_id: channelId,
    ...(guildId === null ? {} : { guild_id: guildId }),
    user_id: userId,
    timestamp: Math.floor(ctx.clock.now() / 1000),
    ...(member ? { member: memberPayload(ctx.world, member) } : {}),
  }
}

/** GUILD_MEMBER_ADD / GUILD_MEMBER_UPDATE: the member with its `guild_id`. */
export function guildMemberPayload(ctx: EngineContext, member: Member) {
  return { guild_id: member.guild_id, ...memberPayload(ctx.world, member) }
}
