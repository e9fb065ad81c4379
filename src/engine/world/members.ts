import type { WorldInternal } from './internal.ts'
import { deepFreeze } from './plainData.ts'
import { removeFromIndex, type GuildState, type WorldCore } from './state.ts'
import type { Member, MemberInput } from './types.ts'
import { insertMember, newMember } from './guilds.ts'
import {
  fail,
  requireGuild,
  requireInput,
  requireMember,
  requireMemberRoles,
  requireNick,
  requireUser,
} from './validate.ts'

type MemberMutators = Pick<
  WorldInternal,
  'addMember' | 'updateMember' | 'removeMember' | 'setMemberRoles' | 'setNick'
>

/** @internal Joining, changing and leaving guilds. */
export function memberMutators(core: WorldCore): MemberMutators {
  /**
   * `required` names the field a single-purpose mutator must be given (undefined is not
   * "unchanged").
   */
  function update(
    guildId: unknown,
    userId: unknown,
    patch: MemberInput,
    required?: 'roles' | 'nick',
  ): Member {
    const guild = requireGuild(core.state, guildId)
    const old = requireMember(guild, userId)
    const p = requireInput(patch, 'member patch')
    if (required === 'roles') requireMemberRoles(guild, p.roles)
    if (required === 'nick') requireNick(p.nick)
    const roles = p.roles === undefined ? old.roles : requireMemberRoles(guild, p.roles)
    const nick = p.nick === undefined ? old.nick : requireNick(p.nick)
    const member: Member = deepFreeze({ ...old, nick, roles: [...roles] })
    guild.members.set(member.user_id, member)
    guild.memberVersion++
    guild.index.update(old, member)
    if (p.roles !== undefined) core.views.forgetUser(guild.channelIds, member.user_id)
    core.emit({ entity: 'member', op: 'update', id: member.user_id, guildId: guild.guild.id })
    return member
  }

  return {
    addMember(guildId, userId, m = {}) {
      const guild = requireGuild(core.state, guildId)
      const id = requireUser(core.state, userId)
      if (guild.members.has(id)) {
        fail(
          'ALREADY_MEMBER',
          `user ${id} is already a member of guild ${guild.guild.id}; use updateMember`,
        )
      }
      const p = requireInput(m, 'member input')
      const roles = p.roles === undefined ? [] : requireMemberRoles(guild, p.roles)
      const nick = p.nick === undefined ? null : requireNick(p.nick)
      const member = newMember(core, guild.guild.id, id, roles, nick)
      insertMember(core, guild, member)
      core.emit({ entity: 'member', op: 'create', id, guildId: guild.guild.id })
      return member
    },

    updateMember: (guildId, userId, m) => update(guildId, userId, m),
    setMemberRoles: (guildId, userId, roles) => update(guildId, userId, { roles }, 'roles'),
    setNick: (guildId, userId, nick) => update(guildId, userId, { nick }, 'nick'),

    removeMember(guildId, userId) {
      const guild = requireGuild(core.state, guildId)
      const member = requireMember(guild, userId)
      if (member.user_id === guild.guild.owner_id) {
        fail(
          'OWNER_CANNOT_LEAVE',
          `user ${member.user_id} owns guild ${guild.guild.id} and cannot leave it; ` +
            'remove another member',
        )
      }
      deleteMember(core, guild, member)
      core.emit({ entity: 'member', op: 'delete', id: member.user_id, guildId: guild.guild.id })
      return member
    },
  }
}

/**
 * Removes a member from its guild and every index that lists it. Member overwrites stay, as on
 * Discord.
 */
function deleteMember(core: WorldCore, guild: GuildState, member: Member): void {
  const userId = member.user_id
  guild.members.delete(userId)
  guild.memberVersion++
  guild.index.remove(member)
  guild.lowest.remove(userId, () => guild.members.keys(), guild.members.size)
  removeFromIndex(core.state.userGuilds, userId, guild.guild.id)
  core.views.forgetUser(guild.channelIds, userId)
}
