import { intentFor, intentNames, shardFor, type SkipReason } from '../engine/index.ts'
import type { DispatchRecord } from './connectEngine.ts'
import { describeIntents } from './describeCall.ts'
import type { GraphModel, SessionEntry } from './graphModel.ts'

export type SessionOutcome =
  | { kind: 'delivered' }
  | { kind: 'buffered' }
  | { kind: 'skipped'; reason: SkipReason }
  | { kind: 'not-subscribed' }

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

/** Why one session got (or did not get) one dispatch, in words a newcomer can read. */
export function explainOutcome(
  record: DispatchRecord,
  outcome: SessionOutcome,
  session: SessionEntry | undefined,
  model: GraphModel,
): string {
  const topic = `${record.backend}:${record.key}`
  switch (outcome.kind) {
    case 'delivered':
      return `Subscribed to ${topic} and passed every check: sent on its socket.`
    case 'buffered':
      return 'Disconnected but resumable: the frame waits in its resume buffer until it RESUMEs.'
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
          return 'Subscribed, but its user can no longer VIEW_CHANNEL this channel: checked at dispatch time.'
        case 'filter':
          return 'Left out by the dispatch’s filter (e.g. a presence never goes to the user’s own sessions).'
        case 'send-failed':
          return 'Its socket failed (fault injected): the seq still counted and the frame stays in its resume buffer.'
        case 'range':
          return rangeWhy(record, session?.id ?? '', model)
      }
  }
}

/** One session's outcome of a dispatch, without the sentence (a ledger of 100,000 explains only what it shows). */
export interface SessionOutcomeEntry {
  readonly sessionId: string
  readonly outcome: SessionOutcome
}

/** Every session a dispatch concerned and its outcome, in delivered/buffered/skipped/not order. */
export function outcomesOf(record: DispatchRecord): SessionOutcomeEntry[] {
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
      outcome: { kind: 'not-subscribed' } as const,
    })),
  ]
}

/** An outcome as one key: `delivered`, `buffered`, `not-subscribed`, or `skipped:<reason>`. */
export type OutcomeKey = 'delivered' | 'buffered' | 'not-subscribed' | `skipped:${SkipReason}`

export function outcomeKey(outcome: SessionOutcome): OutcomeKey {
  return outcome.kind === 'skipped' ? `skipped:${outcome.reason}` : outcome.kind
}

/**
 * How many sessions had each outcome, skips counted per reason, in the ledger's order (skips first, then
 * not subscribed, buffered, delivered); outcomes nobody had are left out.
 */
export function outcomeCounts(record: DispatchRecord): [OutcomeKey, number][] {
  const skips = new Map<OutcomeKey, number>()
  for (const s of record.result.skipped) {
    const key = `skipped:${s.reason}` as const
    skips.set(key, (skips.get(key) ?? 0) + 1)
  }
  const rest: [OutcomeKey, number][] = [
    ['not-subscribed', record.notSubscribed?.length ?? 0],
    ['buffered', record.result.buffered.length],
    ['delivered', record.result.delivered.length],
  ]
  return [...skips, ...rest.filter(([, n]) => n > 0)]
}

/** Every session a dispatch concerned, with its outcome and why, in delivered/buffered/skipped/not order. */
export function ledgerOf(record: DispatchRecord, model: GraphModel): LedgerEntry[] {
  return outcomesOf(record).map((e) => ({
    ...e,
    why: explainOutcome(record, e.outcome, model.directory.get(e.sessionId), model),
  }))
}

/** The narration of a dispatch: "GUILD_UPDATE on guild:20971520 → 3 delivered, 1 skipped: intents". */
export function narrate(record: DispatchRecord): string {
  const { delivered, buffered, skipped } = record.result
  const parts = [`${delivered.length} delivered`]
  if (buffered.length) parts.push(`${buffered.length} buffered`)
  if (skipped.length) {
    const reasons = [...new Set(skipped.map((s) => s.reason))].join(', ')
    parts.push(`${skipped.length} skipped: ${reasons}`)
  }
  const not = record.notSubscribed?.length ?? 0
  if (not) parts.push(`${not} not subscribed`)
  return `${record.eventType} on ${record.backend}:${record.key} → ${parts.join(', ')}`
}
