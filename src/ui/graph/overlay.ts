import type { SkipReason } from '../../engine/index.ts'
import type { DispatchRecord } from '../../store/connectEngine.ts'
import { linkId, type GraphView } from './graphView.ts'

export type Outcome =
  | { kind: 'delivered' }
  | { kind: 'buffered' }
  | { kind: 'skipped'; reason: SkipReason }
  | { kind: 'not-subscribed' }

/** What happened to the sessions a summary node stands for. */
export interface OutcomeCounts {
  delivered: number
  buffered: number
  notSubscribed: number
  skipped: Partial<Record<SkipReason, number>>
}

export type EdgeKind = 'delivered' | 'buffered' | 'skipped' | 'mixed'

export interface OverlayEdge {
  readonly id: string
  readonly source: string
  readonly target: string
  readonly kind: EdgeKind
  /** On the edge: the skip reason, "held" for buffered, or counts for a summary. */
  readonly label: string | null
  /** True when no subscription edge exists (member/user backends, or a session since unsubscribed). */
  readonly transient: boolean
}

export interface DispatchOverlay {
  readonly dispatchId: string
  readonly topicId: string
  /** Set when the topic has no node of its own at this step (member, user, or no subscribers left). */
  readonly transientTopic: { id: string; label: string } | null
  readonly outcomes: ReadonlyMap<string, Outcome>
  readonly counts: ReadonlyMap<string, OutcomeCounts>
  readonly edges: readonly OverlayEdge[]
}

/**
 * The graph id of a dispatch's topic key: `guild:1`, `member:1:2`, `user:2`, …
 * (docs/design/playground.md §1, §2).
 */
export function topicIdOf(record: Pick<DispatchRecord, 'backend' | 'key' | 'payload'>): string {
  if (record.backend === 'lazy_guild' && !record.key.includes(':')) {
    // A member-list update names its list in the payload: draw it from that list's node.
    const list = (record.payload as { id?: unknown } | null)?.id
    if (typeof list === 'string') return `lazy_guild:${record.key}:${list}`
  }
  return `${record.backend}:${record.key}`
}

function emptyCounts(): OutcomeCounts {
  return { delivered: 0, buffered: 0, notSubscribed: 0, skipped: {} }
}

/** A short text for a summary edge or node: "970 delivered · 3 intents". */
export function countsText(c: OutcomeCounts): string {
  const parts: string[] = []
  if (c.delivered) parts.push(`${c.delivered.toLocaleString('en-US')} delivered`)
  if (c.buffered) parts.push(`${c.buffered} held`)
  for (const [reason, n] of Object.entries(c.skipped)) parts.push(`${n} ${reason}`)
  if (c.notSubscribed) parts.push(`${c.notSubscribed} not subscribed`)
  return parts.join(' · ')
}

/**
 * Where one dispatch went, in graph terms: the outcome of each session node, counts per summary node,
 * and the edges to light (existing subscription edges, or transient ones for backends without lists).
 */
export function buildOverlay(
  record: DispatchRecord,
  view: GraphView,
  transientLabel?: string,
): DispatchOverlay {
  const listTopic = topicIdOf(record)
  const topicId = view.topics.some((t) => t.id === listTopic)
    ? listTopic
    : `${record.backend}:${record.key}`
  const drawn = view.topics.some((t) => t.id === topicId)
  const links = new Set(view.links.map((l) => l.id))
  const outcomes = new Map<string, Outcome>()
  const counts = new Map<string, OutcomeCounts>()
  // Per node, the first outcome and whether all were of its kind (a summary stands for 100,000).
  const perTarget = new Map<string, { first: Outcome; mixed: boolean }>()

  const note = (sessionId: string, outcome: Outcome) => {
    const node = view.nodeOfSession.get(sessionId)
    if (!node) return // closed since: nothing to draw
    if (node.startsWith('summary:')) {
      const c = counts.get(node) ?? emptyCounts()
      if (outcome.kind === 'skipped')
        c.skipped[outcome.reason] = (c.skipped[outcome.reason] ?? 0) + 1
      else if (outcome.kind === 'not-subscribed') c.notSubscribed += 1
      else c[outcome.kind] += 1
      counts.set(node, c)
    } else {
      outcomes.set(node, outcome)
    }
    if (outcome.kind === 'not-subscribed') return
    const seen = perTarget.get(node)
    if (!seen) perTarget.set(node, { first: outcome, mixed: false })
    else if (seen.first.kind !== outcome.kind) seen.mixed = true
  }
  const { result } = record
  for (const id of result.delivered) note(id, { kind: 'delivered' })
  for (const id of result.buffered) note(id, { kind: 'buffered' })
  for (const s of result.skipped) note(s.sessionId, { kind: 'skipped', reason: s.reason })
  for (const id of record.notSubscribed ?? []) note(id, { kind: 'not-subscribed' })

  const edges: OverlayEdge[] = []
  for (const [target, { first, mixed }] of perTarget) {
    const kind: EdgeKind = mixed ? 'mixed' : (first.kind as EdgeKind)
    let label: string | null = null
    const summary = counts.get(target)
    if (summary) label = countsText({ ...summary, notSubscribed: 0 })
    else if (first.kind === 'skipped') label = first.reason
    else if (first.kind === 'buffered') label = 'held'
    const existing = linkId(topicId, target)
    const transient = !links.has(existing)
    edges.push({
      id: transient ? `transient:${topicId}->${target}` : existing,
      source: topicId,
      target,
      kind,
      label,
      transient,
    })
  }
  return {
    dispatchId: record.id,
    topicId,
    transientTopic: drawn
      ? null
      : { id: topicId, label: transientLabel ?? `${record.backend} ${record.key}` },
    outcomes,
    counts,
    edges,
  }
}
