import type { WorldInternal } from './internal.ts'
import {
  computePermissions,
  everyoneCanView,
  hasPermission,
  Permissions,
  PRIVATE_CHANNEL_PERMISSIONS,
  roleCanView,
  type PermissionSubject,
} from './permissions.ts'
import { lookupKey } from './reads.ts'
import type { GuildState, WorldCore } from './state.ts'
import type { Channel, Role } from './types.ts'

type AccessReads = Pick<
  WorldInternal,
  'guildPermissions' | 'permissions' | 'canView' | 'roleCanView' | 'everyoneCanView'
>

/**
 * @internal Permission reads over the world: Discord's algorithm (permissions.ts) plus the canView
 * cache.
 */
export function accessReads(core: WorldCore): AccessReads {
  function subjectOf(guild: GuildState, userId: string): PermissionSubject | undefined {
    const member = guild.members.get(userId)
    if (!member) return undefined
    return {
      guildId: guild.guild.id,
      ownerId: guild.guild.owner_id,
      userId,
      everyone: guild.roles.get(guild.guild.id) as Role,
      roles: member.roles.map((id) => guild.roles.get(id) as Role),
    }
  }

  /**
   * VIEW_CHANNEL in a channel. A member whose answer depends on its roles alone (not the owner, no
   * member overwrite) is answered from the channel's role-set memo (ViewCache.byRoles).
   */
  function viewOf(userId: string, channel: Channel): boolean {
    if (channel.guild_id !== null) {
      const guild = core.state.guilds.get(channel.guild_id) as GuildState
      const member = guild.members.get(userId)
      if (!member) return false
      const own = channel.permission_overwrites.some((o) => o.type === 1 && o.id === userId)
      if (!own && userId !== guild.guild.owner_id) {
        const key = member.roles.join(',')
        let value = core.views.getByRoles(channel.id, key)
        if (value === undefined) {
          value = hasPermission(channelPermissions(userId, channel), Permissions.VIEW_CHANNEL)
          core.views.setByRoles(channel.id, key, value)
        }
        return value
      }
    }
    return hasPermission(channelPermissions(userId, channel), Permissions.VIEW_CHANNEL)
  }

  function channelPermissions(userId: string, channel: Channel): bigint {
    if (channel.guild_id === null) {
      return channel.recipients.includes(userId) ? PRIVATE_CHANNEL_PERMISSIONS : 0n
    }
    const guild = core.state.guilds.get(channel.guild_id) as GuildState
    const subject = subjectOf(guild, userId)
    return subject ? computePermissions(subject, channel) : 0n
  }

  function guildChannel(channelId: string | undefined): [GuildState, Channel] | undefined {
    const channel = channelId === undefined ? undefined : core.state.channels.get(channelId)
    if (!channel || channel.guild_id === null) return undefined
    return [core.state.guilds.get(channel.guild_id) as GuildState, channel]
  }

  return {
    guildPermissions(userId, guildId) {
      const g = lookupKey(guildId)
      const u = lookupKey(userId)
      const guild = g === undefined ? undefined : core.state.guilds.get(g)
      const subject = guild && u !== undefined ? subjectOf(guild, u) : undefined
      return subject ? computePermissions(subject) : 0n
    },

    permissions(userId, channelId) {
      const c = lookupKey(channelId)
      const u = lookupKey(userId)
      const channel = c === undefined ? undefined : core.state.channels.get(c)
      return channel && u !== undefined ? channelPermissions(u, channel) : 0n
    },

    // Hot path: the channel backend asks once per subscriber per dispatch, so answers are cached
    // until a mutation that could change them (see ViewCache).
    canView(userId, channelId) {
      const c = lookupKey(channelId)
      const u = lookupKey(userId)
      if (c === undefined || u === undefined) return false
      const cached = core.views.get(c, u)
      if (cached !== undefined) return cached
      const channel = core.state.channels.get(c)
      if (!channel) return false
      const value = viewOf(u, channel)
      core.views.set(c, u, value)
      return value
    },

    roleCanView(roleId, channelId) {
      const found = guildChannel(lookupKey(channelId))
      const r = lookupKey(roleId)
      const role = found && r !== undefined ? found[0].roles.get(r) : undefined
      return found && role ? roleCanView(found[0].roles.values(), role, found[1]) : false
    },

    everyoneCanView(channelId) {
      const found = guildChannel(lookupKey(channelId))
      return found
        ? everyoneCanView(found[1], found[0].roles.get(found[0].guild.id) as Role)
        : false
    },
  }
}
