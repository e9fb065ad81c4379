import { accessReads } from './access.ts'
import { channelMutators } from './channels.ts'
import { guildMutators } from './guilds.ts'
import type { WorldInternal } from './internal.ts'
import { memberMutators } from './members.ts'
import { messageMutators } from './messages.ts'
import { lookups } from './lookups.ts'
import { entityReads } from './reads.ts'
import { roleMutators } from './roles.ts'
import { stateFromSnapshot, takeSnapshot, type WorldSnapshot } from './snapshot.ts'
import { createListeners } from '../listeners.ts'
import { createState, type WorldContext, type WorldCore } from './state.ts'
import type { WorldChange } from './types.ts'
import { userMutators } from './users.ts'
import { ViewCache } from './viewCache.ts'

export type { WorldInternal } from './internal.ts'
export type { WorldSnapshot } from './snapshot.ts'
export type { WorldContext } from './state.ts'
export type { WorldChange } from './types.ts'

/**
 * The in-memory world (docs/design/semantics.md §2): users, guilds, roles, channels, members,
 * friendships, presences and messages. Ids come from `ctx.nextId` unless given, time from
 * `ctx.now`, so the same calls give the same world. Pass a snapshot to start from it.
 *
 * @example
 * const world = createWorld({ nextId: ids.next, now: clock.now })
 * const alice = world.createUser({ username: 'alice' })
 * const guild = world.createGuild({ name: 'Fanout', ownerId: alice.id })
 * const general = world.createChannel({ guildId: guild.id, name: 'general' })
 * world.canView(alice.id, general.id) // true
 */
export function createWorld(ctx: WorldContext, snapshot?: WorldSnapshot): WorldInternal {
  const listeners = createListeners<WorldChange>()
  const core: WorldCore = {
    state: snapshot ? stateFromSnapshot(snapshot) : createState(),
    ctx,
    views: new ViewCache(),
    emit(change) {
      const frozen = Object.freeze(change)
      // Snapshot iteration: a listener that unsubscribes itself does not make the next one miss it.
      for (const listener of listeners.current) listener(frozen)
    },
  }
  return {
    ...entityReads(core),
    ...lookups(core),
    ...accessReads(core),
    ...userMutators(core),
    ...guildMutators(core),
    ...memberMutators(core),
    ...roleMutators(core),
    ...channelMutators(core),
    ...messageMutators(core),
    onChange: (listener) => listeners.add(listener),
    snapshot: () => takeSnapshot(core.state),
    restore(next) {
      // Build first: a bad snapshot throws and leaves the world as it was.
      const state = stateFromSnapshot(next)
      core.state = state
      core.views.clear()
    },
  }
}
