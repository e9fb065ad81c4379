import type { BackendName } from '../types.ts'
import { createChannelBackend, type ChannelBackend } from './channel.ts'
import { createFriendBackend, type FriendBackend } from './friend.ts'
import { createGuildBackend, type GuildBackend } from './guild.ts'
import { createLazyGuildBackend, type RangeHolders } from './lazyGuild.ts'
import { createMemberBackend } from './member.ts'
import type { Backend, BackendContext } from './types.ts'
import { createUserBackend } from './user.ts'

/** The six backends by name: the registry the EventDispatcher routes through. */
export interface Backends {
  readonly guild: GuildBackend
  readonly member: Backend
  readonly channel: ChannelBackend
  readonly user: Backend
  readonly friend: FriendBackend
  readonly lazy_guild: Backend
}

/**
 * The six backends of litecord's EventDispatcher, in the order the docs present them: what
 * `dispatcher.dispatch(backend, …)` accepts (anything else is `UNKNOWN_BACKEND`).
 *
 * @example
 * for (const backend of BACKEND_NAMES) console.log(backend, sim.dispatcher.topics(backend))
 */
export const BACKEND_NAMES: readonly BackendName[] = [
  'guild',
  'member',
  'channel',
  'user',
  'friend',
  'lazy_guild',
]

export function createBackends(ctx: BackendContext, ranges: RangeHolders): Backends {
  return {
    guild: createGuildBackend(ctx),
    member: createMemberBackend(ctx),
    channel: createChannelBackend(ctx),
    user: createUserBackend(ctx),
    friend: createFriendBackend(ctx),
    lazy_guild: createLazyGuildBackend(ranges),
  }
}
