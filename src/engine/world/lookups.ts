import type { WorldInternal } from './internal.ts'
import type { User } from './types.ts'
import type { WorldCore } from './state.ts'
import { requireChannel, requireGuild, requireMember, requireUser } from './validate.ts'

type Lookups = Pick<
  WorldInternal,
  'requireUser' | 'requireGuild' | 'requireChannel' | 'requireMember'
>

/**
 * @internal The one way the engine refuses an id that names nothing: the world's own checks, which the
 * world's mutators, the actions, the backends and op 14 all use, so "unknown guild / channel / user /
 * member" reads the same wherever it is met (`INVALID_ID` for a malformed id).
 */
export function lookups(core: WorldCore): Lookups {
  return {
    requireUser: (id, what) => core.state.users.get(requireUser(core.state, id, what)) as User,
    requireGuild: (id) => requireGuild(core.state, id).guild,
    requireChannel: (id) => requireChannel(core.state, id),
    requireMember: (guildId, userId) => requireMember(requireGuild(core.state, guildId), userId),
  }
}
