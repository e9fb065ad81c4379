import type { EngineContext } from '../context.ts'
import { rolePayload } from '../gateway/payloads.ts'
import { freezeOwned } from '../payload.ts'
import { syncChannels } from './subscriptions.ts'
import type { Flows } from './types.ts'

type RoleFlows = Flows<'createRole' | 'updateRole' | 'deleteRole'>

/**
 * Role flows: the world changes, GUILD_ROLE_* goes through `guild`, every session of the guild has its
 * channel subscriptions re-checked (a role's permissions decide who reads what), and the member lists
 * regroup (hoisted roles are groups).
 */
export function roleActions(ctx: EngineContext): RoleFlows {
  function afterRoleChange(guildId: string): void {
    syncChannels(ctx, guildId)
    ctx.lists.guildChanged(guildId)
  }

  return {
    createRole(guildId, input) {
      const guild = ctx.world.requireGuild(guildId)
      const role = ctx.world.createRole(guild.id, input)
      ctx.dispatcher.send(
        'guild',
        guild.id,
        'GUILD_ROLE_CREATE',
        freezeOwned({ guild_id: guild.id, role: rolePayload(ctx.world, guild.id, role.id) }),
      )
      afterRoleChange(guild.id)
    },
    updateRole(guildId, roleId, patch) {
      const guild = ctx.world.requireGuild(guildId)
      const role = ctx.world.updateRole(guild.id, roleId, patch)
      ctx.dispatcher.send(
        'guild',
        guild.id,
        'GUILD_ROLE_UPDATE',
        freezeOwned({ guild_id: guild.id, role: rolePayload(ctx.world, guild.id, role.id) }),
      )
      afterRoleChange(guild.id)
    },
    deleteRole(guildId, roleId) {
      const guild = ctx.world.requireGuild(guildId)
      const role = ctx.world.deleteRole(guild.id, roleId)
      ctx.dispatcher.send(
        'guild',
        guild.id,
        'GUILD_ROLE_DELETE',
        freezeOwned({ guild_id: guild.id, role_id: role.id }),
      )
      afterRoleChange(guild.id)
    },
  }
}
