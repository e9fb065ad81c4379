import { describeValue } from '../ids.ts'
import type { WorldInternal } from './internal.ts'
import { deepFreeze } from './plainData.ts'
import type { GuildState, WorldCore } from './state.ts'
import type { Member, Role } from './types.ts'
import {
  fail,
  newId,
  optionalBoolean,
  optionalNewId,
  requireBitfield,
  requireGuild,
  requireInput,
  requireRole,
  requireText,
} from './validate.ts'

/** Discord's role name limit. */
const ROLE_NAME_MAX = 100

type RoleMutators = Pick<WorldInternal, 'createRole' | 'updateRole' | 'deleteRole'>

/** @internal Guild roles. `@everyone` (id = guild id) keeps position 0 and cannot be deleted. */
export function roleMutators(core: WorldCore): RoleMutators {
  return {
    createRole(guildId, input) {
      const guild = requireGuild(core.state, guildId)
      const r = requireInput(input, 'createRole input')
      const taken = (id: string) => core.state.roleGuild.has(id)
      const explicit = optionalNewId(r.id, 'role id', taken)
      const name = requireText(r.name, 'role name', ROLE_NAME_MAX)
      const position =
        r.position === undefined ? highestPosition(guild) + 1 : requirePosition(r.position)
      const hoist = optionalBoolean(r.hoist, 'hoist', false)
      const permissions =
        r.permissions === undefined ? '0' : requireBitfield(r.permissions, 'permissions')
      const id = newId(core, explicit, 'role id', taken)
      const role: Role = deepFreeze({
        id,
        guild_id: guild.guild.id,
        name,
        position,
        hoist,
        permissions,
      })
      guild.roles.set(id, role)
      core.state.roleGuild.set(id, guild.guild.id)
      // Nobody holds a new role and no overwrite can name it yet, so no canView answer changes.
      core.emit({ entity: 'role', op: 'create', id, guildId: guild.guild.id })
      return role
    },

    updateRole(guildId, roleId, patch) {
      const guild = requireGuild(core.state, guildId)
      const old = requireRole(guild, roleId)
      const p = requireInput(patch, 'updateRole patch')
      const everyone = old.id === guild.guild.id
      if (everyone) requireEveryoneFixed(old, p)
      const name = p.name === undefined ? old.name : requireText(p.name, 'role name', ROLE_NAME_MAX)
      const position =
        p.position === undefined || everyone ? old.position : requirePosition(p.position)
      const hoist = optionalBoolean(p.hoist, 'hoist', old.hoist)
      const permissions =
        p.permissions === undefined
          ? old.permissions
          : requireBitfield(p.permissions, 'permissions')
      const role: Role = deepFreeze({ ...old, name, position, hoist, permissions })
      guild.roles.set(role.id, role)
      if (permissions !== old.permissions) core.views.forgetChannels(guild.channelIds)
      core.emit({ entity: 'role', op: 'update', id: role.id, guildId: guild.guild.id })
      return role
    },

    deleteRole(guildId, roleId) {
      const guild = requireGuild(core.state, guildId)
      const role = requireRole(guild, roleId)
      if (role.id === guild.guild.id) {
        fail(
          'CANNOT_DELETE_EVERYONE',
          `@everyone (role ${role.id}) is part of guild ${role.id} and cannot be deleted`,
        )
      }
      guild.roles.delete(role.id)
      core.state.roleGuild.delete(role.id)
      dropRoleEverywhere(core, guild, role.id)
      core.views.forgetChannels(guild.channelIds)
      core.emit({ entity: 'role', op: 'delete', id: role.id, guildId: guild.guild.id })
      return role
    },
  }
}

/**
 * A deleted role leaves every member that held it and every overwrite that named it, as on Discord.
 */
function dropRoleEverywhere(core: WorldCore, guild: GuildState, roleId: string): void {
  // Only the role's holders change (the index knows them): no scan of every member.
  for (const userId of guild.index.dropRole(roleId)) {
    const member = guild.members.get(userId) as Member
    guild.members.set(
      member.user_id,
      deepFreeze({ ...member, roles: member.roles.filter((r) => r !== roleId) }),
    )
    guild.memberVersion++
  }
  for (const channelId of guild.channelIds) {
    const channel = core.state.channels.get(channelId)
    if (!channel?.permission_overwrites.some((o) => o.type === 0 && o.id === roleId)) continue
    const overwrites = channel.permission_overwrites.filter(
      (o) => !(o.type === 0 && o.id === roleId),
    )
    core.state.channels.set(
      channelId,
      deepFreeze({ ...channel, permission_overwrites: overwrites }),
    )
  }
}

/** Discord fixes these for @everyone; the member list relies on it never being a hoisted group. */
function requireEveryoneFixed(everyone: Role, patch: Record<string, unknown>): void {
  for (const field of ['name', 'position', 'hoist'] as const) {
    if (patch[field] !== undefined && patch[field] !== everyone[field]) {
      fail(
        'INVALID_INPUT',
        `@everyone keeps its name, position 0 and hoist false (got ${field} ` +
          `${describeValue(patch[field])}); only its permissions can change`,
      )
    }
  }
}

function highestPosition(guild: GuildState): number {
  let highest = 0
  for (const role of guild.roles.values()) highest = Math.max(highest, role.position)
  return highest
}

/** Position 0 belongs to @everyone alone; other roles sit at 1 or above. */
function requirePosition(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    fail(
      'INVALID_INPUT',
      `position must be an integer ≥ 1 (0 is @everyone's), got ${describeValue(value)}`,
    )
  }
  return value
}
