import { parseIdKey } from './keys.ts'
import type { Backend, BackendContext } from './types.ts'

/**
 * `user` (litecord pubsub/user.py `dispatch_user`): key user id, no list. Every session of that user
 * receives it, whatever its shard (the seed: "just dispatches the event to all available shards") and
 * its intents. Carries USER_UPDATE, RELATIONSHIP_*, a DM's CHANNEL_CREATE.
 */
export function createUserBackend(ctx: BackendContext): Backend {
  return {
    name: 'user',
    keyShape: 'a user id (snowflake)',
    parseKey: parseIdKey,
    fanout(key, event, out) {
      out.sendToStates(ctx.states.sessionsOf(key), event)
    },
    keys: () => [],
    subscribers: (key) => ctx.states.sessionsOf(key).map((s) => s.sessionId),
    unconsidered: () => [],
  }
}
