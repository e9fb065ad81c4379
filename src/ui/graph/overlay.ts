import type { SkipReason } from '../../engine/index.ts'
import type { DirectRecord, DispatchRecord, Step } from '../../store/connectEngine.ts'
import { presenceSubject } from '../../store/explain.ts'
import { rowsOfStep, type DirectRow } from '../../store/logRows.ts'
import { count } from '../../store/plural.ts'
import { linkId, type GraphView } from './graphView.ts'

export type Outcome =
  | { kind: 'delivered' }
  | { kind: 'buffered' }
  | { kind: 'skipped'; reason: SkipReason }
  | { kind: 'not-subscribed'; own?: true }

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
  /** On the edge: the skip reason, "held" for buffered, counts for a summary, frame names. */
  readonly label: string | null
  /** True when no subscription edge exists (member/user backends, direct sends, a session gone). */
  readonly transient: boolean
  /** Frames that travel along it one after another (a RESUME's replay): 1 for a dispatch. */
  readonly frames: number
}

/** A node drawn only while something is shown: a topic without a list, or where direct frames start. */
export interface TransientTopic {
  readonly id: string
  readonly label: string
  /** `direct`: the gateway or a session's resume buffer, where frames sent directly start. */
  readonly kind: 'topic' | 'direct'
  /** For `direct`: whose (the session the frames go to). */
  readonly detail?: string
}

export interface DispatchOverlay {
  /** What is shown: a row's id, or `step:<n>` for a whole step. */
  readonly dispatchId: string
  /** The first topic the shown rows start from. */
  readonly topicId: string
  /** Every topic (and transient start) the shown rows start from, lit on the graph. */
  readonly topicIds: ReadonlySet<string>
  /** Topics without a node of their own at this step (member, user, direct sends, gone). */
  readonly transientTopics: readonly TransientTopic[]
  readonly outcomes: ReadonlyMap<string, Outcome>
  /** For a whole step: what several rows did to one node, in words ("✓ 2×"); absent for one row. */
  readonly tallies: ReadonlyMap<string, string>
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

/** A short text for a summary edge or node: "970 delivered · 3 intents · 15 not subscribed". */
export function countsText(c: OutcomeCounts): string {
  const parts: string[] = []
  if (c.delivered) parts.push(`${count(c.delivered)} delivered`)
  if (c.buffered) parts.push(`${count(c.buffered)} held`)
  for (const [reason, n] of Object.entries(c.skipped)) parts.push(`${count(n)} ${reason}`)
  if (c.notSubscribed) parts.push(`${count(c.notSubscribed)} not subscribed`)
  return parts.join(' · ')
}

/** Notes outcomes per node: one node's outcome, a summary node's counts, and the edges to light. */
function collector(view: GraphView) {
  const outcomes = new Map<string, Outcome>()
  const counts = new Map<string, OutcomeCounts>()
  // Per node, the first outcome and whether all were of its kind (a summary stands for 100,000).
  const perTarget = new Map<string, { first: Outcome; mixed: boolean }>()
  return {
    outcomes,
    counts,
    perTarget,
    note(sessionId: string, outcome: Outcome) {
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
    },
  }
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
  const c = collector(view)
  // A presence change is never sent to its own user's sessions: say so, not "not subscribed".
  const subject = presenceSubject(record)
  const own = (sessionId: string) => subject !== null && view.userOfSession(sessionId) === subject
  const { result } = record
  for (const id of result.delivered) c.note(id, { kind: 'delivered' })
  for (const id of result.buffered) c.note(id, { kind: 'buffered' })
  for (const s of result.skipped) c.note(s.sessionId, { kind: 'skipped', reason: s.reason })
  for (const id of record.notSubscribed ?? [])
    c.note(id, own(id) ? { kind: 'not-subscribed', own: true } : { kind: 'not-subscribed' })

  const edges: OverlayEdge[] = []
  for (const [target, { first, mixed }] of c.perTarget) {
    const kind: EdgeKind = mixed ? 'mixed' : (first.kind as EdgeKind)
    let label: string | null = null
    const summary = c.counts.get(target)
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
      frames: 1,
    })
  }
  return {
    dispatchId: record.id,
    topicId,
    topicIds: new Set([topicId]),
    transientTopics: drawn
      ? []
      : [
          {
            id: topicId,
            label: transientLabel ?? `${record.backend} ${record.key}`,
            kind: 'topic',
          },
        ],
    outcomes: c.outcomes,
    tallies: new Map(),
    counts: c.counts,
    edges,
  }
}

/**
 * Frames sent straight to sessions (READY, GUILD_CREATE, a RESUME's replay and RESUMED, op 9), in
 * graph terms: from a transient node (the session's resume buffer for a replay, else the gateway)
 * along one edge per session, as many frames as it was sent, labelled with their names.
 */
export function buildDirectOverlay(
  row: DirectRow,
  frames: readonly DirectRecord[],
  view: GraphView,
  name: (sessionId: string) => string,
): DispatchOverlay {
  const replay = row.replayed > 0 && row.sessionId !== null
  const sourceId = row.sessionId ? `direct:${row.sessionId}` : `direct:step:${row.step}`
  const label = replay ? 'resume buffer' : 'gateway'
  const of = row.sessionId ? name(row.sessionId) : `${count(row.sessions)} sessions`
  const c = collector(view)
  const perSession = new Map<string, DirectRecord[]>()
  for (const f of frames) perSession.set(f.sessionId, [...(perSession.get(f.sessionId) ?? []), f])
  const edges: OverlayEdge[] = []
  for (const [sessionId, sent] of perSession) {
    const failed = sent.some((f) => f.outcome === 'failed')
    const buffered = sent.every((f) => f.outcome === 'buffered')
    const outcome: Outcome = failed
      ? { kind: 'skipped', reason: 'send-failed' }
      : buffered
        ? { kind: 'buffered' }
        : { kind: 'delivered' }
    c.note(sessionId, outcome)
  }
  for (const [target, { first, mixed }] of c.perTarget) {
    const sent = frames.filter((f) => view.nodeOfSession.get(f.sessionId) === target)
    const types = [
      ...new Set(sent.map((f) => (f.op === 9 ? 'INVALID_SESSION' : (f.t ?? `op ${f.op}`)))),
    ]
    const replayed = sent.filter((f) => f.replay).length
    edges.push({
      id: `transient:${sourceId}->${target}`,
      source: sourceId,
      target,
      kind: mixed ? 'mixed' : (first.kind as EdgeKind),
      label:
        replayed > 0
          ? `${count(replayed)} replayed${types.includes('RESUMED') ? ' + RESUMED' : ''}`
          : types.join(', '),
      transient: true,
      frames: Math.max(1, sent.length),
    })
  }
  return {
    dispatchId: row.id,
    topicId: sourceId,
    topicIds: new Set([sourceId]),
    transientTopics: [{ id: sourceId, label, kind: 'direct', detail: of }],
    outcomes: c.outcomes,
    tallies: new Map(),
    counts: c.counts,
    edges,
  }
}

const RANK: Record<Outcome['kind'], number> = {
  delivered: 3,
  buffered: 2,
  skipped: 1,
  'not-subscribed': 0,
}

/**
 * A whole step at once: every dispatch and direct send it made, merged. A node reached several times
 * gets a tally ("✓ 2×", "✓ 1× · ✕ intents"); an edge lit by rows of different outcomes is `mixed`.
 */
export function buildStepOverlay(
  step: Step,
  index: number,
  view: GraphView,
  labelOf: (record: DispatchRecord) => string,
  name: (sessionId: string) => string,
): DispatchOverlay | null {
  const rows = rowsOfStep(step, index)
  const parts: DispatchOverlay[] = []
  for (const row of rows) {
    if (row.kind === 'dispatch') parts.push(buildOverlay(row.record, view, labelOf(row.record)))
    else if (row.kind === 'direct') {
      const frames = step.directs.filter(
        (d) => row.sessionId === null || d.sessionId === row.sessionId,
      )
      if (frames.length > 0) parts.push(buildDirectOverlay(row, frames, view, name))
    }
  }
  // A row that reached nobody (a friend dispatch of a user without friends) has nothing to draw here.
  parts.splice(
    0,
    parts.length,
    ...parts.filter((p) => p.edges.length > 0 || p.outcomes.size > 0 || p.counts.size > 0),
  )
  const first = parts[0]
  if (!first) return null
  if (parts.length === 1) return { ...first, dispatchId: `step:${index}` }
  const outcomes = new Map<string, Outcome>()
  const seen = new Map<string, Outcome[]>()
  const counts = new Map<string, OutcomeCounts>()
  const edges = new Map<string, OverlayEdge>()
  const transient = new Map<string, TransientTopic>()
  for (const part of parts) {
    for (const [node, outcome] of part.outcomes) {
      // A direct edge carries several frames: each one counts as received.
      const frames = part.edges.find((e) => e.target === node)?.frames ?? 1
      seen.set(node, [...(seen.get(node) ?? []), ...Array<Outcome>(frames).fill(outcome)])
      const best = outcomes.get(node)
      if (!best || RANK[outcome.kind] > RANK[best.kind]) outcomes.set(node, outcome)
    }
    for (const [node, c] of part.counts) {
      const sum = counts.get(node) ?? emptyCounts()
      sum.delivered += c.delivered
      sum.buffered += c.buffered
      sum.notSubscribed += c.notSubscribed
      for (const [reason, n] of Object.entries(c.skipped) as [SkipReason, number][])
        sum.skipped[reason] = (sum.skipped[reason] ?? 0) + n
      counts.set(node, sum)
    }
    for (const e of part.edges) {
      const had = edges.get(e.id)
      if (!had) edges.set(e.id, e)
      else {
        const labels = [...new Set([had.label, e.label].filter((l) => l !== null))]
        edges.set(e.id, {
          ...had,
          kind: had.kind === e.kind ? had.kind : 'mixed',
          label: labels.length ? labels.join(' · ') : null,
          frames: had.frames + e.frames,
        })
      }
    }
    for (const t of part.transientTopics) transient.set(t.id, t)
  }
  const tallies = new Map<string, string>()
  for (const [node, list] of seen) {
    const reached = list.filter((o) => o.kind === 'delivered' || o.kind === 'buffered').length
    const skips = [...new Set(list.flatMap((o) => (o.kind === 'skipped' ? [o.reason] : [])))]
    if (list.length < 2 && skips.length === 0) continue
    const text = [...(reached > 0 ? [`✓ ${reached}×`] : []), ...skips.map((r) => `✕ ${r}`)]
    tallies.set(node, text.join(' · '))
  }
  return {
    dispatchId: `step:${index}`,
    topicId: first.topicId,
    topicIds: new Set(parts.flatMap((p) => [...p.topicIds])),
    transientTopics: [...transient.values()],
    outcomes,
    tallies,
    counts,
    edges: [...edges.values()],
  }
}
