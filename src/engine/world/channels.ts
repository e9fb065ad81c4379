import { describeValue } from '../ids.ts'
import { ChannelType, isChannelType, isGuildChannelType } from './channelType.ts'
import type { WorldInternal } from './internal.ts'
import { normaliseOverwrites, viewChange, viewers } from './overwrites.ts'
import { deepFreeze } from './plainData.ts'
import { dmKey, indexChannel, removeFromIndex, type WorldCore, type WorldState } from './state.ts'
import type { Channel } from './types.ts'
import {
  fail,
  newId,
  optionalNewId,
  requireChannel,
  requireGuild,
  requireInput,
  requireText,
  requireUser,
} from './validate.ts'

/** Discord's channel name limit. */
const NAME_MAX = 100
/** Discord's group DM limit: the owner and up to 9 others. */
const GROUP_DM_MAX = 10
/** A guild channel created without a name gets the one Discord gives a new guild's channels. */
const DEFAULT_NAMES: Readonly<Record<number, string>> = {
  0: 'general',
  2: 'General',
  4: 'Text Channels',
}

type ChannelMutators = Pick<WorldInternal, 'createChannel' | 'updateChannel' | 'deleteChannel'>

/** @internal Guild channels, DMs and group DMs. */
export function channelMutators(core: WorldCore): ChannelMutators {
  return {
    createChannel(input) {
      const c = requireInput(input, 'createChannel input')
      const type = c.type === undefined ? ChannelType.GUILD_TEXT : c.type
      if (!isChannelType(type)) {
        fail(
          'INVALID_CHANNEL',
          'type must be 0 (GUILD_TEXT), 1 (DM), 2 (GUILD_VOICE), 3 (GROUP_DM) ' +
            `or 4 (GUILD_CATEGORY), got ${describeValue(type)}`,
        )
      }
      const taken = (id: string) => core.state.channels.has(id)
      const explicit = optionalNewId(c.id, 'channel id', taken)
      const fields = isGuildChannelType(type)
        ? guildChannelFields(core.state, c, type)
        : privateChannelFields(core.state, c, type)
      const id = newId(core, explicit, 'channel id', taken)
      const channel: Channel = deepFreeze({ id, type, ...fields })
      core.state.channels.set(id, channel)
      indexChannel(core.state, channel)
      core.emit({ entity: 'channel', op: 'create', id, ...guildOf(channel) })
      return channel
    },

    updateChannel(channelId, patch) {
      const old = requireChannel(core.state, channelId)
      const p = requireInput(patch, 'updateChannel patch')
      const guild = old.guild_id === null ? undefined : core.state.guilds.get(old.guild_id)
      if (!guild && p.overwrites !== undefined) {
        fail(
          'INVALID_CHANNEL',
          `channel ${old.id} is a ${kind(old.type)}, which has no permission overwrites`,
        )
      }
      const name = p.name === undefined ? old.name : channelName(old.type, p.name)
      const overwrites =
        guild && p.overwrites !== undefined
          ? normaliseOverwrites(core.state, guild, p.overwrites)
          : old.permission_overwrites
      const channel: Channel = deepFreeze({ ...old, name, permission_overwrites: overwrites })
      core.state.channels.set(channel.id, channel)
      if (guild && p.overwrites !== undefined) {
        // Only the answers the change can alter go: every one after an @everyone change, else
        // those of the changed roles' members and of the changed members.
        const change = viewChange(guild.guild.id, old.permission_overwrites, overwrites)
        if (change.everyone) core.views.forgetChannels([channel.id])
        else core.views.forgetUsersIn(channel.id, viewers(guild, change))
      }
      core.emit({ entity: 'channel', op: 'update', id: channel.id, ...guildOf(channel) })
      return channel
    },

    deleteChannel(channelId) {
      const channel = requireChannel(core.state, channelId)
      const { state } = core
      state.channels.delete(channel.id)
      if (channel.guild_id !== null)
        state.guilds.get(channel.guild_id)?.channelIds.delete(channel.id)
      for (const userId of channel.recipients)
        removeFromIndex(state.userChannels, userId, channel.id)
      if (channel.type === ChannelType.DM)
        state.dms.delete(dmKey(channel.recipients[0] as string, channel.recipients[1] as string))
      for (const messageId of state.channelMessages.get(channel.id) ?? [])
        state.messages.delete(messageId)
      state.channelMessages.delete(channel.id)
      core.views.forgetChannels([channel.id])
      core.emit({ entity: 'channel', op: 'delete', id: channel.id, ...guildOf(channel) })
      return channel
    },
  }
}

type ChannelFields = Omit<Channel, 'id' | 'type'>

function guildChannelFields(
  state: WorldState,
  c: Record<string, unknown>,
  type: number,
): ChannelFields {
  if (c.guildId === undefined) {
    fail(
      'INVALID_CHANNEL',
      `a ${kind(type)} channel needs a guildId; ` +
        'DMs (type 1) and group DMs (type 3) take recipients instead',
    )
  }
  const guild = requireGuild(state, c.guildId)
  if (c.recipients !== undefined && (!Array.isArray(c.recipients) || c.recipients.length > 0)) {
    fail(
      'INVALID_CHANNEL',
      `a ${kind(type)} channel has no recipients; its guild's members see it through permissions`,
    )
  }
  return {
    guild_id: guild.guild.id,
    name: c.name === undefined ? (DEFAULT_NAMES[type] as string) : channelName(type, c.name),
    position: guild.channelIds.size,
    permission_overwrites:
      c.overwrites === undefined ? [] : normaliseOverwrites(state, guild, c.overwrites),
    recipients: [],
    owner_id: null,
  }
}

function privateChannelFields(
  state: WorldState,
  c: Record<string, unknown>,
  type: number,
): ChannelFields {
  if (c.guildId !== undefined) {
    fail(
      'INVALID_CHANNEL',
      `a ${kind(type)} belongs to no guild; ` +
        'leave guildId out (guild channels are types 0, 2 and 4)',
    )
  }
  if (c.overwrites !== undefined && !(Array.isArray(c.overwrites) && c.overwrites.length === 0)) {
    fail(
      'INVALID_CHANNEL',
      `a ${kind(type)} has no permission overwrites: its recipients can always read it`,
    )
  }
  const recipients = requireRecipients(state, c.recipients, type)
  if (type === ChannelType.DM) {
    const existing = state.dms.get(dmKey(recipients[0] as string, recipients[1] as string))
    if (existing !== undefined) {
      fail(
        'INVALID_CHANNEL',
        `users ${recipients[0]} and ${recipients[1]} already have DM ${existing}; ` +
          'reuse it (world.findDm)',
      )
    }
  }
  return {
    guild_id: null,
    name: c.name === undefined ? null : channelName(type, c.name),
    position: 0,
    permission_overwrites: [],
    recipients,
    owner_id: type === ChannelType.GROUP_DM ? (recipients[0] as string) : null,
  }
}

function requireRecipients(state: WorldState, value: unknown, type: number): string[] {
  const dm = type === ChannelType.DM
  const rule = dm
    ? 'exactly 2 distinct user ids'
    : `1 to ${GROUP_DM_MAX} distinct user ids, the owner first`
  if (
    !Array.isArray(value) ||
    (dm ? value.length !== 2 : value.length < 1 || value.length > GROUP_DM_MAX)
  ) {
    fail(
      'INVALID_CHANNEL',
      `a ${kind(type)} needs recipients: ${rule}; got ${describeValue(value)}`,
    )
  }
  const ids = value.map((v: unknown, i) => requireUser(state, v, `recipients[${i}]`))
  if (new Set(ids).size !== ids.length)
    fail('INVALID_CHANNEL', `a ${kind(type)} needs ${rule}; got a repeated user`)
  return ids
}

/** Guild channels need a name; a group DM's is optional (`null` clears it); a DM has none. */
function channelName(type: number, value: unknown): string | null {
  if (type === ChannelType.DM) fail('INVALID_CHANNEL', `a DM has no name; leave name out`)
  if (type === ChannelType.GROUP_DM && value === null) return null
  return requireText(value, 'channel name', NAME_MAX)
}

function kind(type: number): string {
  const names: Record<number, string> = {
    0: 'GUILD_TEXT',
    1: 'DM',
    2: 'GUILD_VOICE',
    3: 'group DM',
    4: 'GUILD_CATEGORY',
  }
  return names[type] ?? `type ${type}`
}

function guildOf(channel: Channel): { guildId?: string } {
  return channel.guild_id === null ? {} : { guildId: channel.guild_id }
}
