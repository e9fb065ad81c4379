import { intentFor, intentNames, shardFor, type SkipReason } from '../engine/index.ts'
import type { DispatchRecord } from './connectEngine.ts'
import { describeIntents } from './describeCall.ts'
import { usernameOf, type GraphModel, type SessionEntry } from './graphModel.ts'

/**
 * What one dispatch did to one session. `not-subscribed` with `own`: the event is a presence change of
 * the session's own user, which never goes to the user's own sessions (docs/design/semantics.md §7).
 */
export type SessionOutcome =
  | { kind: 'delivered' }
  | { kind: 'buffered' }
  | { kind: 'skipped'; reason: SkipReason }
  | { kind: 'not-subscribed'; own?: true }

/** Whose presence a PRESENCE_UPDATE carries (its `user.id`); null for any other event. */
export function presenceSubject(
  record: Pick<DispatchRecord, 'eventType' | 'payload'>,
): string | null {
  if (record.eventType !== 'PRESENCE_UPDATE') return null
  const user = (record.payload as { user?: { id?: unknown } } | null)?.user
  return typeof user?.id === 'string' ? user.id : null
}

/** True when the dispatch is a presence change of this session's own user. */
function ownPresence(
  record: Pick<DispatchRecord, 'eventType' | 'payload'>,
  session: SessionEntry | undefined,
): boolean {
  return session !== undefined && presenceSubject(record) === session.userId
}

/**
 * When the dispatch's key names nothing in the world (no such guild, channel or user), in words; null
 * when it names something. Such a dispatch considers nobody, and "0 delivered" alone would not say why.
 */
export function keyProblem(record: DispatchRecord, model: GraphModel): string | null {
  const guild = (id: string | undefined) => model.guilds.some((g) => g.id === id)
  const user = (id: string | undefined) => model.users.some((u) => u.id === id)
  switch (record.backend) {
    case 'guild':
    case 'lazy_guild':
      return guild(record.key) ? null : `guild ${record.key} names no guild in this world`
    case 'channel':
      return model.channels.some((c) => c.id === record.key)
        ? null
        : `channel ${record.key} names no channel in this world`
    case 'user':
    case 'friend':
      return user(record.key) ? null : `user ${record.key} names no user in this world`
    case 'member': {
      const [guildId, userId] = record.key.split(':')
      if (!guild(guildId)) return `guild ${guildId} names no guild in this world`
      return user(userId) ? null : `user ${userId} names no user in this world`
    }
  }
}

export interface LedgerEntry {
  readonly sessionId: string
  readonly outcome: SessionOutcome
  /** One sentence: why this session got the event, or did not. */
  readonly why: string
}

function neededIntent(record: DispatchRecord, model: GraphModel): string {
  const gate = intentFor(record.eventType)
  if (!gate) return 'an intent'
  const channel =
    record.backend === 'channel' ? model.channels.find((c) => c.id === record.key) : undefined
  const dm = channel !== undefined && channel.guildId === null
  const bits = dm && gate.dm !== 0 ? gate.dm : gate.guild
  return intentNames(bits).join(' or ') || 'an intent'
}

/** "guild 20971520 is on shard 1 of 4 ((20971520 >> 22) % 4); this session is shard 0". */
function shardWhy(
  record: DispatchRecord,
  session: SessionEntry | undefined,
  model: GraphModel,
): string {
  const guildId =
    record.backend === 'member'
      ? record.key.split(':')[0]
      : record.backend === 'channel'
        ? model.channels.find((c) => c.id === record.key)?.guildId
        : record.key
  if (!session || !guildId) return 'Its shard does not serve this guild.'
  const [id, count] = session.shard
  const on = shardFor(guildId, count)
  return `Guild ${guildId} is on shard ${on} of ${count} ((${guildId} >> 22) % ${count} = ${on}); this session is shard ${id}.`
}

/** A member-list change outside every range the session holds (the lists' own skip reason). */
function rangeWhy(record: DispatchRecord, sessionId: string, model: GraphModel): string {
  const listId = (record.payload as { id?: unknown } | null)?.id
  const topic = model.topics.find(
    (t) =>
      t.backend === 'lazy_guild' &&
      t.guildId === record.key &&
      t.ranges?.[sessionId] !== undefined &&
      (typeof listId !== 'string' || t.key.endsWith(`:${listId}`)),
  )
  const ranges = topic?.ranges?.[sessionId]?.map(([a, b]) => `${a}–${b}`).join(', ')
  return (
    `Holds ${ranges ? `ranges ${ranges}` : 'ranges'} of this member list, and the change touches none ` +
    'of them (it is past their ends): nothing to send.'
  )
}

/**
 * How the backend came to consider this session, true to what each keeps: guild, channel and
 * lazy_guild keep lists; member and user keep none (they find the user's sessions); friend lists users.
 */
function reachedBecause(
  record: DispatchRecord,
  session: SessionEntry | undefined,
  model: GraphModel,
) {
  const topic = `${record.backend}:${record.key}`
  const who = session ? usernameOf(model, session.userId) : 'its user'
  switch (record.backend) {
    case 'guild':
      return `Subscribed to ${topic} and passed the shard and intents checks`
    case 'channel': {
      const channel = model.channels.find((c) => c.id === record.key)
      return channel && channel.guildId === null
        ? `Subscribed to ${topic} (a private channel) and passed the intents check`
        : `Subscribed to ${topic} and passed the shard, intents and VIEW_CHANNEL checks`
    }
    case 'member':
      return (
        `A session of ${who} serving the guild's shard: the member backend keeps no list, it sends ` +
        'to that user’s sessions on the shard of the guild'
      )
    case 'user':
      return `A session of ${who}: the user backend keeps no list, it sends to every session of the user, on any shard`
    case 'friend':
      return `A session of ${who}, a friend of ${usernameOf(model, record.key)}: friend links belong to users, so every session of each friend is sent it`
    case 'lazy_guild':
      return 'Holds a range of this member list that the change touches'
  }
}

/** Why one session got (or did not get) one dispatch, in words a newcomer can read. */
export function explainOutcome(
  record: DispatchRecord,
  outcome: SessionOutcome,
  session: SessionEntry | undefined,
  model: GraphModel,
): string {
  const topic = `${record.backend}:${record.key}`
  if (outcome.kind !== 'delivered' && outcome.kind !== 'buffered' && ownPresence(record, session)) {
    return (
      `This is ${usernameOf(model, session?.userId ?? '')}’s own presence: a presence change never ` +
      'goes to the user’s own sessions.'
    )
  }
  switch (outcome.kind) {
    case 'delivered':
      return `${reachedBecause(record, session, model)}: sent on its socket.`
    case 'buffered':
      return `${reachedBecause(record, session, model)}, but it is disconnected (resumable): the frame is numbered and waits in its resume buffer until it RESUMEs.`
    case 'not-subscribed':
      return `Could have received it, but is not subscribed to ${topic} (not in its list when it was sent).`
    case 'skipped':
      switch (outcome.reason) {
        case 'intents':
          return (
            `${record.eventType} needs ${neededIntent(record, model)}; this session identified with ` +
            `${session ? describeIntents(session.intents) : 'other intents'}.`
          )
        case 'shard':
          return shardWhy(record, session, model)
        case 'permission':
          return (
            'Subscribed, with the right shard and intents, but its user cannot VIEW_CHANNEL this ' +
            'channel now: permission is checked at dispatch time, after shard and intents.'
          )
        case 'filter':
          return filterWhy(record)
        case 'send-failed':
          return 'Its socket failed (fault injected): the seq still counted and the frame stays in its resume buffer.'
        case 'range':
          return rangeWhy(record, session?.id ?? '', model)
      }
  }
}

/** Why a flow's filter left a session out, where the flow is known (docs/design/semantics.md §7, §10). */
function filterWhy(record: DispatchRecord): string {
  if (record.cause === 'updateUser') {
    return 'Already reached by this flow through an earlier key: each session gets the event at most once (dispatchManyFilterList).'
  }
  if (record.eventType === 'PRESENCE_UPDATE' && record.backend === 'guild') {
    return 'Already got this presence change through a member list it holds (a GUILD_MEMBER_LIST_UPDATE op carrying the member), so the PRESENCE_UPDATE is filtered out.'
  }
  return 'Left out by the dispatch’s filter (dispatchFilter): only the sessions it accepts are sent the event.'
}

/** One session's outcome of a dispatch, without the sentence (a ledger of 100,000 explains only what it shows). */
export interface SessionOutcomeEntry {
  readonly sessionId: string
  readonly outcome: SessionOutcome
}

/**
 * Every session a dispatch concerned and its outcome, in delivered/buffered/skipped/not order; with the
 * model, a user's own sessions left out of its presence change are told apart (`own`).
 */
export function outcomesOf(record: DispatchRecord, model?: GraphModel): SessionOutcomeEntry[] {
  const subject = model ? presenceSubject(record) : null
  const own = (sessionId: string) =>
    subject !== null && model?.directory.get(sessionId)?.userId === subject
  return [
    ...record.result.delivered.map((sessionId) => ({
      sessionId,
      outcome: { kind: 'delivered' } as const,
    })),
    ...record.result.buffered.map((sessionId) => ({
      sessionId,
      outcome: { kind: 'buffered' } as const,
    })),
    ...record.result.skipped.map((s) => ({
      sessionId: s.sessionId,
      outcome: { kind: 'skipped', reason: s.reason } as const,
    })),
    ...(record.notSubscribed ?? []).map((sessionId) => ({
      sessionId,
      outcome: own(sessionId)
        ? ({ kind: 'not-subscribed', own: true } as const)
        : ({ kind: 'not-subscribed' } as const),
    })),
  ]
}

/**
 * An outcome as one key: `delivered`, `buffered`, `not-subscribed`, `own-presence`, or
 * `skipped:<reason>`.
 */
export type OutcomeKey =
  'delivered' | 'buffered' | 'not-subscribed' | 'own-presence' | `skipped:${SkipReason}`

export function outcomeKey(outcome: SessionOutcome): OutcomeKey {
  if (outcome.kind === 'skipped') return `skipped:${outcome.reason}`
  if (outcome.kind === 'not-subscribed' && outcome.own) return 'own-presence'
  return outcome.kind
}

/**
 * How many sessions had each outcome, skips counted per reason, in the ledger's order (skips first, then
 * not subscribed, the user's own sessions of a presence change, buffered, delivered); outcomes nobody
 * had are left out.
 */
export function outcomeCounts(record: DispatchRecord, model?: GraphModel): [OutcomeKey, number][] {
  const skips = new Map<OutcomeKey, number>()
  for (const s of record.result.skipped) {
    const key = `skipped:${s.reason}` as const
    skips.set(key, (skips.get(key) ?? 0) + 1)
  }
  const subject = model ? presenceSubject(record) : null
  const own =
    subject === null
      ? 0
      : (record.notSubscribed ?? []).filter((id) => model?.directory.get(id)?.userId === subject)
          .length
  const rest: [OutcomeKey, number][] = [
    ['not-subscribed', (record.notSubscribed?.length ?? 0) - own],
    ['own-presence', own],
    ['buffered', record.result.buffered.length],
    ['delivered', record.result.delivered.length],
  ]
  return [...skips, ...rest.filter(([, n]) => n > 0)]
}

/** Every session a dispatch concerned, with its outcome and why, in delivered/buffered/skipped/not order. */
export function ledgerOf(record: DispatchRecord, model: GraphModel): LedgerEntry[] {
  return outcomesOf(record, model).map((e) => ({
    ...e,
    why: explainOutcome(record, e.outcome, model.directory.get(e.sessionId), model),
  }))
}

/**
 * The narration of a dispatch: "GUILD_UPDATE on guild:20971520 → 3 delivered, 1 skipped: intents";
 * with the model, a key that names nothing says so ("→ nobody: guild 999 names no guild in this world").
 */
export function narrate(record: DispatchRecord, model?: GraphModel): string {
  const { delivered, buffered, skipped } = record.result
  const problem = model ? keyProblem(record, model) : null
  if (problem && delivered.length + buffered.length + skipped.length === 0) {
    return `${record.eventType} on ${record.backend}:${record.key} → nobody: ${problem}`
  }
  const n = (count: number) => count.toLocaleString('en-US')
  const parts = [`${n(delivered.length)} delivered`]
  if (buffered.length) parts.push(`${n(buffered.length)} buffered`)
  if (skipped.length) {
    const reasons = [...new Set(skipped.map((s) => s.reason))].join(', ')
    parts.push(`${n(skipped.length)} skipped: ${reasons}`)
  }
  const counts = model ? new Map(outcomeCounts(record, model)) : null
  const own = counts?.get('own-presence') ?? 0
  const not = (record.notSubscribed?.length ?? 0) - own
  if (not) parts.push(`${n(not)} not subscribed`)
  if (own) parts.push(`${n(own)} own session${own === 1 ? '' : 's'} (own presence)`)
  return `${record.eventType} on ${record.backend}:${record.key} → ${parts.join(', ')}`
}
