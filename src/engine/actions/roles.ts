import type { EngineContext } from '../context.ts'
import { rolePayload } from '../gateway/payloads.ts'
import { freezeOwned } from '../payload.ts'
import type { Role } from '../world/types.ts'
import { syncChannels } from './subscriptions.ts'
import type { Flows } from './types.ts'

type RoleFlows = Flows<'createRole' | 'updateRole' | 'deleteRole'>

/**
 * Role flows: the world changes, GUILD_ROLE_* goes through `guild`, the sessions whose permissions the
 * change can alter have their channel subscriptions re-checked (a role's permissions decide who reads
 * what), and the member lists regroup (hoisted roles are groups). Each costs what it concerns: a new
 * role nobody holds concerns nobody; a changed role its members, or everyone for `@everyone`'s
 * permissions (docs/design/semantics.md §10).
 */
export function roleActions(ctx: EngineContext): RoleFlows {
  const send = (guildId: string, type: string, data: object) =>
    ctx.dispatcher.send('guild', guildId, type, freezeOwned({ guild_id: guildId, ...data }))

  return {
    createRole(guildId, input) {
      const guild = ctx.world.requireGuild(guildId)
      const role = ctx.world.createRole(guild.id, input)
      send(guild.id, 'GUILD_ROLE_CREATE', { role: rolePayload(ctx.world, guild.id, role.id) })
      // Nobody holds it and no overwrite names it: no permission changes. A hoisted role can still
      // add a (still empty) group to the lists.
      ctx.lists.guildChanged(guild.id, { users: [], moves: 'none' })
    },
    updateRole(guildId, roleId, patch) {
      const guild = ctx.world.requireGuild(guildId)
      const before = ctx.world.role(guild.id, roleId)
      const role = ctx.world.updateRole(guild.id, roleId, patch) // refuses an unknown role first
      send(guild.id, 'GUILD_ROLE_UPDATE', { role: rolePayload(ctx.world, guild.id, role.id) })
      afterRoleChange(guild.id, before as Role, role)
    },
    deleteRole(guildId, roleId) {
      const guild = ctx.world.requireGuild(guildId)
      // Read before the world forgets them (an unknown role is refused by deleteRole below).
      const id = ctx.world.role(guild.id, roleId)?.id
      const holders = id === undefined ? [] : ctx.world.roleMemberIds(guild.id, id)
      const named = ctx.world
        .guildChannels(guild.id)
        .some((c) => c.permission_overwrites.some((o) => o.type === 0 && o.id === id))
      const role = ctx.world.deleteRole(guild.id, roleId)
      send(guild.id, 'GUILD_ROLE_DELETE', { role_id: role.id })
      // Its holders lost it (their roles, sight, group); an overwrite naming it went with it, which
      // can give its channel another list.
      syncChannels(ctx, guild.id, { users: new Set(holders) })
      ctx.lists.guildChanged(guild.id, { users: holders, moves: named ? 'all' : 'users' })
    },
  }

  /** What a role update can concern: its members (all members for `@everyone`'s permissions). */
  function afterRoleChange(guildId: string, before: Role, after: Role): void {
    const permissions = before.permissions !== after.permissions
    const grouping =
      permissions || before.hoist !== after.hoist || before.position !== after.position
    if (after.id === guildId) {
      // @everyone: every member's permissions, and which channels show the "everyone" list.
      if (!permissions) return
      syncChannels(ctx, guildId)
      ctx.lists.guildChanged(guildId)
      return
    }
    const members = grouping ? ctx.world.roleMemberIds(guildId, after.id) : []
    if (permissions) syncChannels(ctx, guildId, { users: new Set(members) })
    ctx.lists.guildChanged(guildId, { users: members, moves: permissions ? 'users' : 'none' })
  }
}
