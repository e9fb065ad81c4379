import type { SkipReason } from '../../store/engineValues.ts'
import type { Situation } from './backendProbes.ts'

/**
 * What each skip reason means, in words. A `Record` over the engine's own `SkipReason` type: a reason
 * added to or removed from the engine is a type error here until the docs say what it means.
 */
export const SKIP_REASON_MEANINGS: Readonly<Record<SkipReason, string>> = {
  filter: 'was rejected by the `dispatchFilter` predicate (or a server flow’s own filter)',
  shard: 'does not serve the [shard](/docs/sharding) of the event’s guild',
  intents: 'did not ask for this kind of event ([Intents](/docs/intents))',
  permission: 'cannot view the channel _now_',
  range:
    'holds member-list ranges that the change does not reach ([lazy_guild](/docs/backends/lazy-guild))',
  'send-failed': 'passed every check, but its socket threw',
}

/** The reason each probed situation is expected to give, where a backend checks it. */
export const REASON_OF: Readonly<Record<Situation, SkipReason>> = {
  filter: 'filter',
  shard: 'shard',
  intents: 'intents',
  permission: 'permission',
  range: 'range',
  'send-failed': 'send-failed',
}
