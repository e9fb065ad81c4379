import { isoTimestamp } from '../time.ts'
import type { WorldInternal } from './internal.ts'
import { LowestIds } from './lowestIds.ts'
import { MemberIndex } from './memberIndex.ts'
import { DEFAULT_EVERYONE_PERMISSIONS } from './permissions.ts'
import { addToIndex, type GuildState, type WorldCore } from './state.ts'
import { deepFreeze } from './plainData.ts'
import type { Guild, Member, Role } from './types.ts'
import { newId, optionalNewId, requireInput, requireText, requireUser } from './validate.ts'

/** Discord's guild name limit. */
const GUILD_NAME_MAX = 100

/**
 * @internal Guild creation: the guild, its `@everyone` role and its owner's membership, all at
 * once.
 */
export function guildMutators(core: WorldCore): Pick<WorldInternal, 'createGuild'> {
  return {
    createGuild(input) {
      const g = requireInput(input, 'createGuild input')
      const { state } = core
      // The guild id is also its @everyone role's id, so it must be free among roles too.
      const taken = (id: string) => state.guilds.has(id) || state.roleGuild.has(id)
      const explicit = optionalNewId(g.id, 'guild id', taken)
      const name = requireText(g.name, 'guild name', GUILD_NAME_MAX)
      const ownerId = requireUser(state, g.ownerId, 'ownerId')
      const id = newId(core, explicit, 'guild id', taken)

      const guild: Guild = deepFreeze({ id, name, owner_id: ownerId })
      const everyone: Role = deepFreeze({
        id,
        guild_id: id,
        name: '@everyone',
        position: 0,
        hoist: false,
        permissions: DEFAULT_EVERYONE_PERMISSIONS,
      })
      const guildState: GuildState = {
        guild,
        roles: new Map([[id, everyone]]),
        members: new Map(),
        channelIds: new Set(),
        lowest: new LowestIds(),
        index: new MemberIndex(),
        memberVersion: 0,
      }
      state.guilds.set(id, guildState)
      state.roleGuild.set(id, id)
      insertMember(core, guildState, newMember(core, id, ownerId, [], null))
      core.emit({ entity: 'guild', op: 'create', id })
      return guild
    },
  }
}

/** @internal A member record joining now. */
export function newMember(
  core: WorldCore,
  guildId: string,
  userId: string,
  roles: readonly string[],
  nick: string | null,
): Member {
  return deepFreeze({
    guild_id: guildId,
    user_id: userId,
    nick,
    roles: [...roles],
    joined_at: isoTimestamp(core.ctx.now()),
  })
}

/** @internal Adds a member to a guild and every index that lists it. */
export function insertMember(core: WorldCore, guild: GuildState, member: Member): void {
  guild.members.set(member.user_id, member)
  guild.memberVersion++
  guild.lowest.add(member.user_id)
  guild.index.add(member)
  addToIndex(core.state.userGuilds, member.user_id, guild.guild.id)
  // A cached "cannot view" from before the join would now be wrong.
  core.views.forgetUser(guild.channelIds, member.user_id)
}
