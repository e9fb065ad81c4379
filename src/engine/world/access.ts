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
import type { Channel, Member, Role } from './types.ts'

type AccessReads = Pick<
  WorldInternal,
  'guildPermissions' | 'permissions' | 'canView' | 'viewersOf' | 'roleCanView' | 'everyoneCanView'
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
   * VIEW_CHANNEL in a channel, memoised (ViewCache). A member whose answer depends on its roles alone
   * (not the owner, named by no member overwrite: nearly everyone) is answered from the channel's
   * role-set memo; the others from a memo of their own. A DM's recipients can read it.
   */
  function viewOf(userId: string, channel: Channel): boolean {
    if (channel.guild_id === null) return channel.recipients.includes(userId)
    const guild = core.state.guilds.get(channel.guild_id) as GuildState
    const member = guild.members.get(userId)
    if (!member) return false
    const views = core.views
    if (userId === guild.guild.owner_id || namesMember(channel, userId)) {
      let value = views.get(channel.id, userId)
      if (value === undefined) {
        value = hasPermission(channelPermissions(userId, channel), Permissions.VIEW_CHANNEL)
        views.set(channel.id, userId, value)
      }
      return value
    }
    const roles = member.roles
    // The role set's key: no string to build for the usual none or one role.
    const key =
      roles.length === 0 ? '' : roles.length === 1 ? (roles[0] as string) : roles.join(',')
    let value = views.getByRoles(channel.id, key)
    if (value === undefined) {
      value = hasPermission(channelPermissions(userId, channel), Permissions.VIEW_CHANNEL)
      views.setByRoles(channel.id, key, value)
    }
    return value
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

    // Hot path: the channel backend asks once per subscriber per dispatch, and IDENTIFY once per
    // text channel: answers are memoised by role set until a mutation that could change them (see
    // ViewCache), so nothing is kept per user and channel.
    canView(userId, channelId) {
      const c = lookupKey(channelId)
      const u = lookupKey(userId)
      if (c === undefined || u === undefined) return false
      const channel = core.state.channels.get(c)
      return channel !== undefined && viewOf(u, channel)
    },

    // `viewOf` for one channel and many users: what it looks up per call (the channel, its guild, the
    // channel's role-set memo, the member overwrites) is looked up here once. A CHANNEL_UPDATE's filter
    // asks every session of the guild, and those lookups were most of its cost at 100,000 sessions.
    viewersOf(channelId) {
      const c = lookupKey(channelId)
      const channel = c === undefined ? undefined : core.state.channels.get(c)
      if (channel === undefined) return () => false
      if (channel.guild_id === null) return (userId) => viewOf(userId, channel)
      const guild = core.state.guilds.get(channel.guild_id) as GuildState
      const ownerId = guild.guild.owner_id
      const named = namedMembers(channel)
      const byRoles = core.views.rolesMemo(channel.id)
      return (userId, holder) => {
        let member: Member | undefined
        if (
          holder !== undefined &&
          holder.memberGuild === guild &&
          holder.memberVersion === guild.memberVersion
        ) {
          // Nobody joined, left or changed since the holder read it: the record is still current.
          member = holder.memberRecord
        } else {
          member = guild.members.get(userId)
          if (holder !== undefined) {
            holder.memberGuild = guild
            holder.memberVersion = guild.memberVersion
            holder.memberRecord = member
          }
        }
        if (member === undefined) return false
        if (userId === ownerId || (named !== null && named.has(userId))) {
          return viewOf(userId, channel)
        }
        // The same key and memo as viewOf's, so both answer alike and fill the same entries.
        const roles = member.roles
        const key =
          roles.length === 0 ? '' : roles.length === 1 ? (roles[0] as string) : roles.join(',')
        let value = byRoles.get(key)
        if (value === undefined) {
          value = hasPermission(channelPermissions(userId, channel), Permissions.VIEW_CHANNEL)
          byRoles.set(key, value)
        }
        return value
      }
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

/** The users the channel's member overwrites name, or null when there are none (the usual case). */
function namedMembers(channel: Channel): Set<string> | null {
  let named: Set<string> | null = null
  for (const o of channel.permission_overwrites) if (o.type === 1) (named ??= new Set()).add(o.id)
  return named
}

/** Whether a member overwrite of the channel names the user (its answer is then its own). */
function namesMember(channel: Channel, userId: string): boolean {
  for (const o of channel.permission_overwrites) if (o.type === 1 && o.id === userId) return true
  return false
}
